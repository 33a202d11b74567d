package dev.aihq.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MultipartBodyTest {

    @Test
    void should_encode_fields_and_files_in_order_when_the_boundary_is_given() {
        // given
        MultipartBody body = MultipartBody.builder()
                .boundary("b-1")
                .field("replySign", "1:abc")
                .field("message", "Здравствуйте 👋")
                .file("file", "чек.pdf", "application/pdf", new byte[] {1, 2, 3})
                .build();

        // when
        String text = new String(body.bytes(), StandardCharsets.UTF_8);

        // then
        assertThat(body.contentType()).isEqualTo("multipart/form-data; boundary=b-1");
        assertThat(text).isEqualTo("--b-1\r\n"
                + "Content-Disposition: form-data; name=\"replySign\"\r\n\r\n1:abc\r\n"
                + "--b-1\r\n"
                + "Content-Disposition: form-data; name=\"message\"\r\n\r\nЗдравствуйте 👋\r\n"
                + "--b-1\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"чек.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n\u0001\u0002\u0003\r\n"
                + "--b-1--\r\n");
        assertThat(body.length()).isEqualTo(body.bytes().length);
        assertThat(body.parts()).hasSize(3);
        assertThat(body.parts().get(2).isFile()).isTrue();
    }

    @Test
    void should_escape_quotes_and_line_breaks_in_names_when_encoding() {
        // given
        MultipartBody body = MultipartBody.builder().boundary("x")
                .file("file", "a\"b\r\n.png", "image/png", new byte[] {9}).build();

        // when
        String text = new String(body.bytes(), StandardCharsets.UTF_8);

        // then
        assertThat(text).contains("filename=\"a%22b%0D%0A.png\"");
    }

    @Test
    void should_pick_a_random_boundary_that_no_part_contains_when_none_is_given() {
        // given
        MultipartBody.Builder builder = MultipartBody.builder().field("a", "1");

        // when
        MultipartBody first = builder.build();
        MultipartBody second = builder.build();

        // then
        assertThat(first.boundary()).isNotEqualTo(second.boundary()).hasSizeLessThanOrEqualTo(70);
        assertThat(new String(first.bytes(), StandardCharsets.UTF_8)).startsWith("--" + first.boundary() + "\r\n")
                .endsWith("--" + first.boundary() + "--\r\n");
    }

    @Test
    void should_refuse_a_given_boundary_that_occurs_in_a_part_and_invalid_parts() {
        // expect
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> MultipartBody.builder().boundary("abc").field("m", "x--abc y").build()))
                .hasMessageContaining("boundary occurs");
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> MultipartBody.builder().boundary("has space")))
                .hasMessageContaining("boundary");
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> MultipartBody.builder().build()))
                .hasMessageContaining("at least one part");
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> MultipartBody.builder().file("f", "a.jpg", "image/jpeg\r\nX: y", new byte[1])))
                .hasMessageContaining("content type");
    }

    @Test
    void should_set_body_and_content_type_and_keep_content_out_of_descriptions_when_put_on_a_call() {
        // given
        MultipartBody body = MultipartBody.builder().boundary("q").field("replySign", "secret-sign").build();

        // when
        HttpCall call = HttpCall.post("/api/v1/seller/message").multipartBody(body).build();

        // then
        assertThat(call.contentType()).isEqualTo("multipart/form-data; boundary=q");
        assertThat(call.body()).isEqualTo(body.bytes());
        assertThat(call.retryable()).isFalse();
        assertThat(body.toString()).contains("replySign").doesNotContain("secret-sign");
        assertThat(body.parts().get(0).toString()).doesNotContain("secret-sign");
    }
}

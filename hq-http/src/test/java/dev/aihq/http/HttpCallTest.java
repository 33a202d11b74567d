package dev.aihq.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aihq.api.error.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpCallTest {

    @Test
    void should_percent_encode_brackets_and_spaces_when_building_query() {
        // given
        HttpCall call = HttpCall.get("/v2/orders")
                .query("page[number]", "0")
                .query("filter[orders][state]", "NEW")
                .query("q", "a b+c&d=é")
                .build();

        // when
        String query = call.queryString();

        // then
        assertThat(query).isEqualTo("page%5Bnumber%5D=0&filter%5Borders%5D%5Bstate%5D=NEW&q=a%20b%2Bc%26d%3D%C3%A9");
    }

    @Test
    void should_retry_only_safe_methods_by_default_when_retryable_is_not_set() {
        // expect
        assertThat(HttpCall.get("/x").build().retryable()).isTrue();
        assertThat(HttpCall.builder("HEAD", "/x").build().retryable()).isTrue();
        assertThat(HttpCall.post("/x").build().retryable()).isFalse();
        assertThat(HttpCall.builder("PUT", "/x").build().retryable()).isFalse();
        assertThat(HttpCall.builder("PUT", "/x").retryable(true).build().retryable()).isTrue();
        assertThat(HttpCall.get("/x").retryable(false).build().retryable()).isFalse();
    }

    @Test
    void should_copy_body_and_compare_by_content_when_built_twice() {
        // given
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        HttpCall first = HttpCall.post("/x").jsonBody(body).timeout(Duration.ofSeconds(1)).build();
        body[0] = 'X';

        // when
        HttpCall second = first.toBuilder().build();

        // then
        assertThat(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo("{}");
        assertThat(second).isEqualTo(first).hasSameHashCodeAs(first);
        assertThat(first.contentType()).isEqualTo("application/json");
        assertThat(first.toString()).doesNotContain("{}");
    }

    @Test
    void should_report_every_problem_when_call_is_invalid() {
        // when
        ConfigurationException thrown = catchThrowableOfType(ConfigurationException.class,
                () -> HttpCall.builder("get", "/x?page=1")
                        .header("Host", "evil.example")
                        .timeout(Duration.ZERO)
                        .build());

        // then
        assertThat(thrown).hasMessageContaining("method must be an upper-case HTTP method")
                .hasMessageContaining("path must not contain a query")
                .hasMessageContaining("header Host is set by the HTTP client")
                .hasMessageContaining("timeout must be positive");
    }
}

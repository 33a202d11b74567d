package dev.aihq.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MaskingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "+7 (701) 123-45-67 | +7 (************67",
            "77011234567        | 7701*****67",
            "87011234567        | 8701*****67",
            "7011234567         | 7011****67",
            "+77011234567       | +770******67",
            "8 701 123 45 67    | 8 70*********67",
            "+7-701-123-45-67   | +7-7**********67",
            "+4915123456789     | +491********89"})
    void should_mask_phone_like_the_phone_number_type_when_text_is_a_phone(String phone, String masked) {
        // when
        String result = Masking.maskText("call " + phone + " now");

        // then
        assertThat(result).isEqualTo("call " + masked + " now");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "order 123456789 shipped",
            "created 2024-01-15 10:30:00",
            "price 1499.99 KZT",
            "total 12345678.99",
            "a number run 1234567890123456789012 too long to be a phone"})
    void should_leave_text_alone_when_it_holds_no_phone(String text) {
        // when
        String result = Masking.maskText(text);

        // then
        assertThat(result).isEqualTo(text);
    }

    @Test
    void should_mask_secret_json_values_when_keys_look_like_credentials() {
        // given
        String json = "{\"access_token\":\"zzz\",\"refreshToken\": \"r-1\",\"client_secret\":\"s\\\"x\","
                + "\"password\":\"hunter2\",\"api_key\":12345,\"apiKey\":\"k\",\"name\":\"Aigerim\"}";

        // when
        String result = Masking.maskText(json);

        // then
        assertThat(result).isEqualTo("{\"access_token\":\"****\",\"refreshToken\": \"****\",\"client_secret\":\"****\","
                + "\"password\":\"****\",\"api_key\":\"****\",\"apiKey\":\"****\",\"name\":\"Aigerim\"}");
    }

    @Test
    void should_mask_a_chat_reply_sign_when_a_json_body_or_a_form_pair_carries_one() {
        // given
        String json = "{\"chatID\":\"1:abc\",\"replySign\":\"1:abc:54828159:bc3a4c0407\",\"reply_sign\":\"x\"}";

        // when
        String result = Masking.maskText(json + " replySign=1:abc:999");

        // then
        assertThat(result).isEqualTo("{\"chatID\":\"1:abc\",\"replySign\":\"****\",\"reply_sign\":\"****\"}"
                + " replySign=****");
    }

    @Test
    void should_mask_unterminated_secret_value_when_text_was_cut() {
        // when
        String result = Masking.maskText("{\"token\":\"eyJhbGciOiJIUzI1NiJ9.eyJzdWIi");

        // then
        assertThat(result).isEqualTo("{\"token\":\"****\"");
    }

    @Test
    void should_mask_bearer_and_pairs_when_text_carries_credentials() {
        // when
        String result = Masking.maskText("Authorization: Bearer abc.def-ghi and access_token=xyz&page=2");

        // then
        assertThat(result).isEqualTo("Authorization: Bearer **** and access_token=****&page=2");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Authorization       | Bearer secret-token-123 | Bear****",
            "X-Auth-Token        | abcdef123456            | abcd****",
            "x-auth-token        | short                   | ****",
            "Client-Id           | 123456                  | ****",
            "Api-Key             | 0123456789abcdef        | 0123****",
            "Cookie              | session=abcdefghijklmn  | sess****",
            "Set-Cookie          | id=1                    | ****",
            "X-Hub-Signature-256 | sha256=0a1b2c3d4e5f6a7b | sha2****",
            "X-HQ-Signature      | t=1,v1=abcdef0123456789 | t=1,****",
            "X-Client-Secret     | s3cr3t-value-long       | s3cr****",
            "X-Wb-Api-Key        | wb-key-value-123456     | wb-k****",
            "Proxy-Authorization | Basic dXNlcjpwYXNz      | Basi****"})
    void should_mask_header_value_when_header_carries_a_credential(String name, String value, String masked) {
        // when
        String result = Masking.maskHeaderValue(name, value);

        // then
        assertThat(Masking.isSensitiveHeader(name)).isTrue();
        assertThat(result).isEqualTo(masked);
    }

    @Test
    void should_keep_ordinary_header_value_but_mask_phones_in_it() {
        // expect
        assertThat(Masking.isSensitiveHeader("Content-Type")).isFalse();
        assertThat(Masking.maskHeaderValue("Content-Type", "application/json")).isEqualTo("application/json");
        assertThat(Masking.maskHeaderValue("X-Customer", "77011234567")).isEqualTo("7701*****67");
        assertThat(Masking.maskHeaders(Map.of("Authorization", List.of("Bearer abcdefghijklmnop"))))
                .containsEntry("Authorization", List.of("Bear****"));
    }

    @Test
    void should_mask_query_values_when_uri_has_secrets_and_phones() {
        // given
        URI uri = URI.create("https://user:pass@api.example.kz:8443/v1/chats/77011234567/messages"
                + "?apiKey=abc123&phone=%2B7%20701%20123%2045%2067&page%5Bnumber%5D=0&access_token=t0k3n&flag");

        // when
        String result = Masking.maskUri(uri);

        // then
        assertThat(result).isEqualTo("https://****@api.example.kz:8443/v1/chats/7701*****67/messages"
                + "?apiKey=****&phone=+7 7**********67&page[number]=0&access_token=****&flag");
    }

    @Test
    void should_cut_and_mask_excerpt_when_body_is_long() {
        // given
        String body = "{\"phone\":\"77011234567\",\"note\":\"" + "x".repeat(1000) + "\"}";

        // when
        String excerpt = Masking.excerpt(body.getBytes(StandardCharsets.UTF_8), 300);

        // then
        assertThat(excerpt).hasSize(301).endsWith("…").startsWith("{\"phone\":\"7701*****67\"");
    }

    @Test
    void should_mask_secret_straddling_the_cut_when_body_is_long() {
        // given
        String body = "{\"note\":\"" + "y".repeat(250) + "\",\"token\":\"" + "s".repeat(5000) + "\"}";

        // when
        String excerpt = Masking.excerpt(body.getBytes(StandardCharsets.UTF_8), 300);

        // then
        assertThat(excerpt).doesNotContain("sss").contains("\"token\":\"**");
    }

    @Test
    void should_flatten_line_breaks_and_name_empty_body_when_excerpting() {
        // expect
        assertThat(Masking.excerpt("line one\nline two\r\n".getBytes(StandardCharsets.UTF_8), 300))
                .isEqualTo("line one line two");
        assertThat(Masking.excerpt(new byte[0], 300)).isEqualTo("(empty body)");
    }
}

package dev.aihq.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.aihq.api.error.RequestRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HqHttpClientLoggingTest {

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String REQUEST_BODY =
            "{\"phone\":\"+7 (701) 123-45-67\",\"access_token\":\"zzz-access-value\",\"text\":\"hello\"}";
    private static final List<String> SECRETS = List.of(
            "secret-token-123", "abcdef123456", "zzz-access-value", "+7 (701) 123-45-67", "77011234567",
            "87019876543", "refresh-secret-987", "701) 123");

    private final CapturingLogSink log = new CapturingLogSink();

    private HqHttpClient client() {
        return HqHttpClient.builder()
                .serviceName("whatsapp")
                .baseUri(SERVER.baseUrl())
                .retryPolicy(RetryPolicy.none())
                .logSink(log)
                .build();
    }

    private static HttpCall call() {
        return HttpCall.post("/messages")
                .query("phone", "77011234567")
                .query("page[number]", "0")
                .header("Authorization", "Bearer secret-token-123")
                .header("X-Auth-Token", "abcdef123456")
                .jsonBody(REQUEST_BODY.getBytes(StandardCharsets.UTF_8))
                .build();
    }

    @Test
    void should_mask_secrets_and_phone_numbers_when_logging_request_and_response() {
        // given
        SERVER.stubFor(post(urlPathEqualTo("/messages")).willReturn(okJson(
                "{\"customer\":{\"phone\":\"87019876543\"},\"refresh_token\":\"refresh-secret-987\"}")));

        // when
        client().execute(call());

        // then
        List<String> lines = log.lines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("-> POST " + SERVER.baseUrl() + "/messages?phone=7701*****67&page[number]=0"
                + " (attempt 1)");
        assertThat(lines.get(0))
                .contains("Authorization=Bear****")
                .contains("X-Auth-Token=abcd****")
                .contains("\"access_token\":\"****\"")
                .contains("\"phone\":\"+7 (************67\"")
                .contains("\"text\":\"hello\"");
        assertThat(lines.get(1)).startsWith("<- 200 in ")
                .contains("\"phone\":\"8701*****43\"")
                .contains("\"refresh_token\":\"****\"");
        for (String line : lines) {
            for (String secret : SECRETS) {
                assertThat(line).as("log line must not contain %s", secret).doesNotContain(secret);
            }
        }
        SERVER.verify(1, postRequestedFor(urlPathEqualTo("/messages"))
                .withHeader("Authorization", equalTo("Bearer secret-token-123"))
                .withHeader("X-Auth-Token", equalTo("abcdef123456"))
                .withQueryParam("phone", equalTo("77011234567")));
    }

    @Test
    void should_log_only_the_length_of_a_multipart_body_whatever_its_boundary_spells() {
        // given: a boundary that spells "xml" and "json", which once made the body count as text
        SERVER.stubFor(post(urlPathEqualTo("/upload")).willReturn(okJson("{}")));
        MultipartBody body = MultipartBody.builder().boundary("a-XmL-jSoN-b").field("replySign", "sign-value-42")
                .build();

        // when
        client().execute(HttpCall.post("/upload").multipartBody(body).build());

        // then
        assertThat(log.lines().get(0)).contains("bytes of multipart/form-data").doesNotContain("sign-value-42");
    }

    @Test
    void should_mask_error_body_in_exception_message_when_request_is_rejected() {
        // given
        SERVER.stubFor(post(urlPathEqualTo("/messages")).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"invalid recipient +7 (701) 123-45-67\",\"api_key\":\"abcdef123456\"}")));

        // when
        RequestRejectedException thrown = catchThrowableOfType(RequestRejectedException.class,
                () -> client().execute(call()));

        // then
        assertThat(thrown).hasMessageContaining("invalid recipient +7 (************67")
                .hasMessageContaining("\"api_key\":\"****\"");
        for (String secret : SECRETS) {
            assertThat(thrown.getMessage()).doesNotContain(secret);
        }
        assertThat(log.lines()).hasSize(2).allSatisfy(line -> {
            for (String secret : SECRETS) {
                assertThat(line).doesNotContain(secret);
            }
        });
    }

    @Test
    void should_keep_working_when_log_sink_throws() {
        // given
        SERVER.stubFor(post(urlPathEqualTo("/messages")).willReturn(okJson("{}")));
        HqHttpClient client = HqHttpClient.builder()
                .serviceName("whatsapp")
                .baseUri(SERVER.baseUrl())
                .logSink(line -> {
                    throw new IllegalStateException("sink is broken");
                })
                .build();

        // when
        HttpResult result = client.execute(call());

        // then
        assertThat(result.status()).isEqualTo(200);
    }
}

package dev.aihq.channel.greenapi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.channel.ChannelFailure;
import dev.aihq.api.channel.FailureKind;
import dev.aihq.api.channel.MessageForm;
import dev.aihq.api.channel.SendReceipt;
import dev.aihq.api.error.MarketplaceException;
import dev.aihq.http.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code sendMessage} against WireMock: the request shape, the receipt, each status class, malformed bodies. */
class GreenApiClientTest {

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final PhoneNumber CUSTOMER = PhoneNumber.parse("+77071234567");

    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    private GreenApiClient client(GreenApiConfig.Builder config) {
        return GreenApiClient.builder(config.build())
                .sleeper(waits::add)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
    }

    private GreenApiClient client() {
        return client(Payloads.config(SERVER.baseUrl())
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).jitter(0).build()));
    }

    private static void stub(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        SERVER.stubFor(post(urlPathEqualTo(Payloads.SEND_PATH)).willReturn(response));
    }

    @Test
    void should_post_the_reference_shape_and_return_idMessage_when_green_api_accepts() {
        // given
        stub(okJson("{\"idMessage\":\"3EB0C767D097B7C7C030\"}"));

        // when
        SendReceipt receipt = client().sendMessage(CUSTOMER, "Спасибо за покупку! Рақмет 🙏");

        // then
        assertThat(receipt.providerMessageId()).isEqualTo("3EB0C767D097B7C7C030");
        assertThat(receipt.acceptedAt()).isEqualTo(NOW);
        assertThat(receipt.form()).isEqualTo(MessageForm.FREE_TEXT);
        SERVER.verify(1, postRequestedFor(urlPathEqualTo(Payloads.SEND_PATH))
                .withHeader("Content-Type", matching("application/json.*"))
                .withRequestBody(equalToJson("{\"chatId\":\"77071234567@c.us\","
                        + "\"message\":\"Спасибо за покупку! Рақмет 🙏\",\"linkPreview\":false}")));
    }

    @Test
    void should_retry_honouring_retry_after_when_green_api_answers_429() {
        // given
        SERVER.stubFor(post(urlPathEqualTo(Payloads.SEND_PATH)).inScenario("throttled")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7"))
                .willSetStateTo("open"));
        SERVER.stubFor(post(urlPathEqualTo(Payloads.SEND_PATH)).inScenario("throttled")
                .whenScenarioStateIs("open")
                .willReturn(okJson("{\"idMessage\":\"BAE5F4886F6F2D05\"}")));

        // when
        SendReceipt receipt = client().sendMessage(CUSTOMER, "Здравствуйте!");

        // then
        assertThat(receipt.providerMessageId()).isEqualTo("BAE5F4886F6F2D05");
        assertThat(waits).containsExactly(Duration.ofSeconds(7));
        SERVER.verify(2, postRequestedFor(urlPathEqualTo(Payloads.SEND_PATH)));
    }

    @Test
    void should_throw_rate_limited_with_the_wait_when_429_persists() {
        // given
        stub(aResponse().withStatus(429).withHeader("Retry-After", "2"));

        // when
        Throwable thrown = catchThrowable(() -> client().sendMessage(CUSTOMER, "Здравствуйте!"));

        // then
        assertThat(thrown).isInstanceOf(GreenApiRateLimitedException.class);
        GreenApiRateLimitedException limited = (GreenApiRateLimitedException) thrown;
        assertThat(limited.failureKind()).isEqualTo(FailureKind.SENDER_RATE_LIMITED);
        assertThat(limited.isRetriable()).isTrue();
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(2));
        assertThat(limited.status()).isEqualTo(429);
        SERVER.verify(3, postRequestedFor(urlPathEqualTo(Payloads.SEND_PATH)));
    }

    @ParameterizedTest
    @CsvSource({
        "400, INVALID_REQUEST, false, GreenApiRejectedException",
        "401, AUTHENTICATION, false, GreenApiAuthenticationException",
        "403, AUTHENTICATION, false, GreenApiAuthenticationException",
        "404, INVALID_REQUEST, false, GreenApiRejectedException",
        "500, TEMPORARY, true, GreenApiUnavailableException",
        "502, TEMPORARY, true, GreenApiUnavailableException",
        "503, TEMPORARY, true, GreenApiUnavailableException",
    })
    void should_throw_typed_failure_without_retrying_when_green_api_answers_an_error(int status, FailureKind kind,
            boolean retriable, String type) {
        // given
        stub(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"chatId 77071234567@c.us is wrong\"}"));

        // when
        Throwable thrown = catchThrowable(() -> client().sendMessage(CUSTOMER, "Здравствуйте!"));

        // then
        assertThat(thrown.getClass().getSimpleName()).isEqualTo(type);
        assertThat(((ChannelFailure) thrown).failureKind()).isEqualTo(kind);
        assertThat(((MarketplaceException) thrown).isRetriable()).isEqualTo(retriable);
        assertThat(((MarketplaceException) thrown).status()).isEqualTo(status);
        assertThat(thrown.getMessage()).contains("green-api", String.valueOf(status)).doesNotContain("77071234567");
        assertThat(waits).isEmpty();
        SERVER.verify(1, postRequestedFor(urlPathEqualTo(Payloads.SEND_PATH)));
    }

    @Test
    void should_retry_server_errors_when_ambiguous_failures_are_retried() {
        // given
        stub(aResponse().withStatus(500));
        GreenApiClient client = GreenApiClient.builder(Payloads.config(SERVER.baseUrl())
                        .retryPolicy(RetryPolicy.builder().maxAttempts(3).jitter(0).build()).build())
                .sleeper(waits::add)
                .retryAmbiguousFailures(true)
                .build();

        // when
        Throwable thrown = catchThrowable(() -> client.sendMessage(CUSTOMER, "Здравствуйте!"));

        // then
        assertThat(thrown).isInstanceOf(GreenApiUnavailableException.class);
        assertThat(waits).hasSize(2);
        SERVER.verify(3, postRequestedFor(urlPathEqualTo(Payloads.SEND_PATH)));
    }

    @Test
    void should_throw_temporary_failure_when_green_api_does_not_answer_in_time() {
        // given
        stub(okJson("{\"idMessage\":\"late\"}").withFixedDelay(2_000));
        GreenApiClient client = client(Payloads.config(SERVER.baseUrl()).requestTimeout(Duration.ofMillis(100)));

        // when
        Throwable thrown = catchThrowable(() -> client.sendMessage(CUSTOMER, "Здравствуйте!"));

        // then
        assertThat(thrown).isInstanceOf(GreenApiUnavailableException.class);
        assertThat(((GreenApiUnavailableException) thrown).failureKind()).isEqualTo(FailureKind.TEMPORARY);
        assertThat(((GreenApiUnavailableException) thrown).status()).isZero();
        assertThat(thrown.getMessage()).contains("no response in time");
        assertThat(waits).as("a timeout may have been accepted: not retried by default").isEmpty();
    }

    @Test
    void should_throw_temporary_failure_when_the_connection_breaks() {
        // given
        stub(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        // when
        Throwable thrown = catchThrowable(() -> client(Payloads.config(SERVER.baseUrl())
                .retryPolicy(RetryPolicy.none())).sendMessage(CUSTOMER, "Здравствуйте!"));

        // then
        assertThat(thrown).isInstanceOf(GreenApiUnavailableException.class);
        assertThat(((MarketplaceException) thrown).isRetriable()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{}                          | idMessage | no idMessage",
        "{\"idMessage\":\"\"}        | idMessage | idMessage is not a non-blank string",
        "{\"idMessage\":42}          | idMessage | idMessage is not a non-blank string",
        "[\"3EB0C767D097B7C7C030\"]  | $         | not a JSON object",
        "<html>Bad gateway</html>    | $         | not JSON",
    })
    void should_name_the_field_when_the_response_has_no_usable_idMessage(String body, String field, String problem) {
        // given
        stub(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body));

        // when
        Throwable thrown = catchThrowable(() -> client().sendMessage(CUSTOMER, "Здравствуйте!"));

        // then
        assertThat(thrown).isInstanceOf(GreenApiResponseException.class);
        GreenApiResponseException malformed = (GreenApiResponseException) thrown;
        assertThat(malformed.field()).isEqualTo(field);
        assertThat(malformed.getMessage()).contains(problem).contains("may have been sent");
        assertThat(malformed.isRetriable()).isFalse();
        assertThat(malformed.failureKind()).isEqualTo(FailureKind.UNKNOWN);
        SERVER.verify(1, postRequestedFor(urlPathEqualTo(Payloads.SEND_PATH)));
    }
}

package dev.aihq.channel.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.api.channel.ChannelFailure;
import dev.aihq.api.channel.FailureKind;
import dev.aihq.api.error.AuthenticationException;
import dev.aihq.api.error.RateLimitedException;
import dev.aihq.api.error.RequestRejectedException;
import dev.aihq.api.error.ServiceUnavailableException;
import dev.aihq.http.HqJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CloudApiErrorsTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "131047, WINDOW_CLOSED", "131056, RECIPIENT_RATE_LIMITED", "130429, RATE_LIMITED", "4, RATE_LIMITED",
            "80007, RATE_LIMITED", "131048, QUALITY_LIMITED", "131049, MARKETING_LIMITED",
            "131050, MARKETING_STOPPED", "131026, RECIPIENT_INVALID", "131030, RECIPIENT_INVALID",
            "132000, TEMPLATE_PROBLEM", "132001, TEMPLATE_PROBLEM", "132005, TEMPLATE_PROBLEM",
            "132007, TEMPLATE_PROBLEM", "132012, TEMPLATE_PROBLEM", "132015, TEMPLATE_PROBLEM",
            "132016, TEMPLATE_PROBLEM", "368, ACCOUNT_BLOCKED", "131031, ACCOUNT_BLOCKED", "0, AUTH", "190, AUTH",
            "10, AUTH", "200, AUTH", "250, AUTH", "299, AUTH", "1, TEMPORARY", "2, TEMPORARY", "131000, TEMPORARY",
            "131016, TEMPORARY", "100, PERMANENT", "131008, PERMANENT", "131009, PERMANENT", "131051, PERMANENT",
            "130472, PERMANENT", "300, UNKNOWN", "132999, UNKNOWN", "-1, UNKNOWN"})
    void should_classify_by_code_when_code_is_given(int code, ErrorKind kind) {
        // when / then
        assertThat(CloudApiErrors.classify(code)).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0} means {1}")
    @CsvSource({
            "131047, WINDOW_CLOSED", "131056, RECIPIENT_RATE_LIMITED", "130429, SENDER_RATE_LIMITED",
            "4, SENDER_RATE_LIMITED", "80007, SENDER_RATE_LIMITED", "131050, MARKETING_STOPPED",
            "131026, RECIPIENT_UNREACHABLE", "131030, RECIPIENT_UNREACHABLE", "132001, TEMPLATE_PROBLEM",
            "132015, TEMPLATE_PROBLEM", "190, AUTHENTICATION", "10, AUTHENTICATION", "368, ACCOUNT_BLOCKED",
            "131031, ACCOUNT_BLOCKED", "131048, ACCOUNT_BLOCKED", "1, TEMPORARY", "131000, TEMPORARY",
            "100, INVALID_REQUEST", "131051, INVALID_REQUEST", "131049, UNKNOWN", "999999, UNKNOWN"})
    void should_give_the_channel_failure_kind_when_code_is_given(int code, FailureKind kind) {
        // when / then
        assertThat(ErrorKind.failureKindOf(code)).isEqualTo(kind);
        assertThat(CloudApiErrors.classify(code).failureKind()).isEqualTo(kind);
    }

    @Test
    void should_keep_retriability_when_translating_to_failure_kinds() {
        // then
        for (ErrorKind kind : ErrorKind.values()) {
            assertThat(kind.failureKind().isRetriable()).as(kind.name()).isEqualTo(kind.isRetriable());
        }
    }

    @Test
    void should_say_the_failure_kind_on_every_exception_built_from_an_error() {
        // when
        var windowClosed = CloudApiErrors.toException("whatsapp", 400, "send text", CloudApiError.of(131047, "x"),
                null, null);
        var throughput = CloudApiErrors.toException("whatsapp", 400, "send text", CloudApiError.of(130429, "x"),
                null, null);
        var auth = CloudApiErrors.toException("whatsapp", 401, "send text", CloudApiError.of(190, "x"), null, null);
        var outage = CloudApiErrors.toException("whatsapp", 500, "send text", CloudApiError.of(131000, "x"), null,
                null);

        // then
        assertThat(windowClosed).isInstanceOf(ChannelFailure.class);
        assertThat(((ChannelFailure) windowClosed).failureKind()).isEqualTo(FailureKind.WINDOW_CLOSED);
        assertThat(((ChannelFailure) throughput).failureKind()).isEqualTo(FailureKind.SENDER_RATE_LIMITED);
        assertThat(((ChannelFailure) auth).failureKind()).isEqualTo(FailureKind.AUTHENTICATION);
        assertThat(((ChannelFailure) outage).failureKind()).isEqualTo(FailureKind.TEMPORARY);
        assertThat(outage.isRetriable()).isTrue();
    }

    @Test
    void should_mark_only_throttling_and_temporary_kinds_retriable() {
        // then
        assertThat(ErrorKind.values()).filteredOn(ErrorKind::isRetriable)
                .containsExactlyInAnyOrder(ErrorKind.RECIPIENT_RATE_LIMITED, ErrorKind.RATE_LIMITED, ErrorKind.TEMPORARY);
    }

    @Test
    void should_parse_every_field_when_envelope_is_complete() {
        // given
        byte[] body = ("{\"error\":{\"message\":\"(#131047) Re-engagement message\",\"type\":\"OAuthException\","
                + "\"code\":131047,\"error_subcode\":2494055,\"error_data\":{\"messaging_product\":\"whatsapp\","
                + "\"details\":\"Message failed to send because more than 24 hours have passed\"},"
                + "\"fbtrace_id\":\"A1b2C3\"}}").getBytes(StandardCharsets.UTF_8);

        // when
        CloudApiError error = CloudApiErrors.parseEnvelope(body).orElseThrow();

        // then
        assertThat(error).isEqualTo(new CloudApiError(131047, "Re-engagement message",
                "(#131047) Re-engagement message", "Message failed to send because more than 24 hours have passed",
                "OAuthException", 2494055, "A1b2C3", null));
        assertThat(error.kind()).isEqualTo(ErrorKind.WINDOW_CLOSED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "<html>502</html>", "{}", "[]", "{\"error\":\"boom\"}", "{\"error\":{\"message\":\"x\"}}",
            "{\"error\":{\"code\":\"abc\"}}", "{\"error\":{\"code\":1.5}}", "null"})
    void should_return_empty_when_body_is_not_an_error_envelope(String body) {
        // when / then
        assertThat(CloudApiErrors.parseEnvelope(body.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void should_read_webhook_errors_array_in_the_asynchronous_shape() throws Exception {
        // given
        JsonNode errors = HqJson.mapper().readTree("[{\"code\":131050,\"title\":\"Unable to deliver the message."
                + " This recipient has chosen to stop receiving marketing messages on WhatsApp from your business\","
                + "\"message\":\"Unable to deliver\",\"error_data\":{\"details\":\"User stopped marketing\"},"
                + "\"href\":\"https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/\"},"
                + "\"not an error\",{\"code\":\"131047\",\"title\":\"Re-engagement message\"}]");

        // when
        List<CloudApiError> parsed = CloudApiErrors.fromArray(errors);

        // then
        assertThat(parsed).extracting(CloudApiError::code).containsExactly(131050, 131047);
        assertThat(parsed).extracting(CloudApiError::kind)
                .containsExactly(ErrorKind.MARKETING_STOPPED, ErrorKind.WINDOW_CLOSED);
        assertThat(parsed.get(0).details()).isEqualTo("User stopped marketing");
        assertThat(parsed.get(0).href()).endsWith("error-codes/");
        assertThat(parsed.get(0).title()).startsWith("Unable to deliver the message.");
        assertThat(CloudApiErrors.fromArray(HqJson.mapper().missingNode())).isEmpty();
    }

    @Test
    void should_build_the_exception_of_the_sdk_tree_when_kind_is_known() {
        // when / then
        assertThat(CloudApiErrors.toException("whatsapp", 0, "status", CloudApiError.of(131047, "x"), null, null))
                .isInstanceOf(WindowClosedException.class);
        assertThat(CloudApiErrors.toException("whatsapp", 400, "send", CloudApiError.of(130429, "x"), null, null))
                .isInstanceOf(RateLimitedException.class);
        assertThat(CloudApiErrors.toException("whatsapp", 500, "send", CloudApiError.of(2, "x"), null, null))
                .isInstanceOf(ServiceUnavailableException.class);
        assertThat(CloudApiErrors.toException("whatsapp", 401, "send", CloudApiError.of(190, "x"), null, null))
                .isInstanceOf(AuthenticationException.class);
        assertThat(CloudApiErrors.toException("whatsapp", 400, "send", CloudApiError.of(131026, "x"), null, null))
                .isInstanceOf(RequestRejectedException.class).isInstanceOf(CloudApiFailure.class);
        assertThat(((RateLimitedException) CloudApiErrors.toException("whatsapp", 400, "send",
                CloudApiError.of(131056, "x"), Duration.ofSeconds(1), null)).retryAfter())
                .contains(CloudApiErrors.PAIR_RATE_WAIT);
    }

    @Test
    void should_mask_phone_numbers_when_describing_an_error() {
        // given
        CloudApiError error = new CloudApiError(131026, "Message undeliverable", null,
                "Recipient +77071234567 is not on WhatsApp", null, null, "Tr4ce", null);

        // when
        String text = error.describe();

        // then
        assertThat(text).contains("(#131026) Message undeliverable", "RECIPIENT_INVALID", "fbtrace_id=Tr4ce")
                .doesNotContain("77071234567");
    }
}

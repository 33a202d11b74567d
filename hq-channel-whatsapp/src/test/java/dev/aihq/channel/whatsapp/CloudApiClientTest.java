package dev.aihq.channel.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.channel.FailureKind;
import dev.aihq.api.channel.QuickReply;
import dev.aihq.api.error.AuthenticationException;
import dev.aihq.api.error.MarketplaceException;
import dev.aihq.api.error.RateLimitedException;
import dev.aihq.api.error.RemoteTimeoutException;
import dev.aihq.api.error.RequestRejectedException;
import dev.aihq.api.error.RetriableMarketplaceException;
import dev.aihq.api.error.ServiceUnavailableException;
import dev.aihq.http.HttpLogSink;
import dev.aihq.http.JsonFormatException;
import dev.aihq.http.RetryPolicy;
import dev.aihq.http.Sleeper;
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

class CloudApiClientTest {

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String TOKEN = "EAAJtestTOKENvalue1234567890secret";
    private static final String PATH = "/v25.0/106540352242922/messages";
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final PhoneNumber CUSTOMER = PhoneNumber.parse("+77071234567");
    private static final String OK = "{\"messaging_product\":\"whatsapp\","
            + "\"contacts\":[{\"input\":\"+77071234567\",\"wa_id\":\"77071234567\"}],"
            + "\"messages\":[{\"id\":\"wamid.HBgLNzcwNzEyMzQ1NjcVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA\"}]}";

    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private final Sleeper sleeper = waits::add;
    private final HttpLogSink logSink = logLines::add;

    private CloudApiClient client() {
        return client(config().build());
    }

    private WhatsAppCloudConfig.Builder config() {
        return WhatsAppCloudConfig.builder()
                .baseUrl(SERVER.baseUrl())
                .phoneNumberId("106540352242922")
                .accessToken(TOKEN)
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).jitter(0).build());
    }

    private CloudApiClient client(WhatsAppCloudConfig config) {
        return CloudApiClient.builder(config)
                .sleeper(sleeper)
                .logSink(logSink)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
    }

    private static String envelope(int code, String title, String details) {
        return "{\"error\":{\"message\":\"(#" + code + ") " + title + "\",\"type\":\"OAuthException\",\"code\":" + code
                + ",\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"" + details + "\"},"
                + "\"fbtrace_id\":\"AbCdEfGh123\"}}";
    }

    private static void stubError(int status, String body) {
        SERVER.stubFor(post(urlPathMatching("/v[0-9]+\\.[0-9]+/[0-9]+/messages"))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }

    private TextMessage text() {
        return TextMessage.of(CUSTOMER, "Здравствуйте! Как вам заказ? 🙂", "order-8812:review");
    }

    @Test
    void should_send_text_in_the_reference_shape_when_sending_text() {
        // given
        SERVER.stubFor(post(urlPathMatching("/v[0-9]+\\.[0-9]+/[0-9]+/messages"))
                .withHeader("Authorization", matching("Bearer .+"))
                .willReturn(okJson(OK)));

        // when
        CloudSendReceipt receipt = client().sendText(text());

        // then
        assertThat(receipt.messageId()).isEqualTo("wamid.HBgLNzcwNzEyMzQ1NjcVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA");
        assertThat(receipt.waId()).isEqualTo("77071234567");
        assertThat(receipt.messageStatus()).isNull();
        assertThat(receipt.acceptedAt()).isEqualTo(NOW);
        assertThat(receipt.toSendReceipt().providerMessageId()).isEqualTo(receipt.messageId());
        SERVER.verify(1, postRequestedFor(urlPathEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", matching("application/json.*"))
                .withRequestBody(equalToJson("{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\","
                        + "\"to\":\"+77071234567\",\"type\":\"text\","
                        + "\"text\":{\"preview_url\":false,\"body\":\"Здравствуйте! Как вам заказ? 🙂\"},"
                        + "\"biz_opaque_callback_data\":\"order-8812:review\"}")));
    }

    @Test
    void should_send_preview_flag_and_quote_when_asked() {
        // given
        SERVER.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(OK)));

        // when
        client().sendText(text().withPreviewUrl(true).inReplyTo("wamid.IN1"));

        // then
        SERVER.verify(postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(equalToJson(
                "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"+77071234567\","
                        + "\"type\":\"text\",\"context\":{\"message_id\":\"wamid.IN1\"},"
                        + "\"text\":{\"preview_url\":true,\"body\":\"Здравствуйте! Как вам заказ? 🙂\"},"
                        + "\"biz_opaque_callback_data\":\"order-8812:review\"}")));
    }

    @Test
    void should_send_reply_buttons_in_the_cloud_api_shape_when_sending_interactive() {
        // given
        SERVER.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(OK)));

        // when
        CloudSendReceipt receipt = client().sendInteractive(InteractiveMessage.of(CUSTOMER,
                "Хотите получать предложения? 🙂",
                List.of(new QuickReply("consent:yes", "Да"), new QuickReply("consent:no", "Нет")), "consent:8812"));

        // then
        assertThat(receipt.messageId()).startsWith("wamid.");
        SERVER.verify(1, postRequestedFor(urlPathEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(equalToJson("{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\","
                        + "\"to\":\"+77071234567\",\"type\":\"interactive\","
                        + "\"interactive\":{\"type\":\"button\",\"body\":{\"text\":\"Хотите получать предложения? 🙂\"},"
                        + "\"action\":{\"buttons\":["
                        + "{\"type\":\"reply\",\"reply\":{\"id\":\"consent:yes\",\"title\":\"Да\"}},"
                        + "{\"type\":\"reply\",\"reply\":{\"id\":\"consent:no\",\"title\":\"Нет\"}}]}},"
                        + "\"biz_opaque_callback_data\":\"consent:8812\"}")));
    }

    @Test
    void should_throw_window_closed_when_an_interactive_message_is_refused_with_131047() {
        // given
        stubError(400, envelope(131047, "Re-engagement message", "more than 24 hours"));

        // when
        Throwable thrown = catchThrowable(() -> client().sendInteractive(InteractiveMessage.of(CUSTOMER, "Да или нет?",
                List.of(new QuickReply("yes", "Да")), "k-1")));

        // then
        assertThat(thrown).isInstanceOf(WindowClosedException.class);
        assertThat(((WindowClosedException) thrown).failureKind()).isEqualTo(FailureKind.WINDOW_CLOSED);
    }

    @Test
    void should_refuse_an_interactive_message_that_whatsapp_would_not_take() {
        List<QuickReply> one = List.of(new QuickReply("a", "A"));
        assertThatThrownBy(() -> InteractiveMessage.of(CUSTOMER, "x".repeat(1025), one, "k"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1024");
        assertThatThrownBy(() -> InteractiveMessage.of(CUSTOMER, "text", List.of(), "k"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("buttons must be 1-3");
        assertThatThrownBy(() -> InteractiveMessage.of(CUSTOMER, "text",
                List.of(new QuickReply("a", "Same"), new QuickReply("b", "Same")), "k"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("buttons[1].title");
        assertThat(InteractiveMessage.of(CUSTOMER, "x".repeat(1024), one, "k").body()).hasSize(1024);
    }

    @Test
    void should_send_template_in_the_reference_shape_when_sending_template() {
        // given
        SERVER.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(
                "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"+77071234567\",\"wa_id\":\"77071234567\"}],"
                        + "\"messages\":[{\"id\":\"wamid.T1\",\"message_status\":\"accepted\"}]}")));
        TemplateMessage message = TemplateMessage.builder(CUSTOMER, "upsell_accessory_v2", "ru")
                .header(TemplateParameter.text("Айгерим"))
                .body(TemplateParameter.text("Samsung Galaxy A56"))
                .body(TemplateParameter.text("10%"))
                .button(TemplateButton.url(0, "p/some-product-123/"))
                .button(TemplateButton.quickReply(1, "OPTOUT_MARKETING"))
                .callbackData("order-8812:upsell")
                .build();

        // when
        CloudSendReceipt receipt = client().sendTemplate(message);

        // then
        assertThat(receipt.messageId()).isEqualTo("wamid.T1");
        assertThat(receipt.messageStatus()).isEqualTo("accepted");
        assertThat(receipt.isHeldForQualityAssessment()).isFalse();
        SERVER.verify(postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(equalToJson(
                "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"+77071234567\","
                        + "\"type\":\"template\",\"template\":{\"name\":\"upsell_accessory_v2\","
                        + "\"language\":{\"policy\":\"deterministic\",\"code\":\"ru\"},\"components\":["
                        + "{\"type\":\"header\",\"parameters\":[{\"type\":\"text\",\"text\":\"Айгерим\"}]},"
                        + "{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"Samsung Galaxy A56\"},"
                        + "{\"type\":\"text\",\"text\":\"10%\"}]},"
                        + "{\"type\":\"button\",\"sub_type\":\"url\",\"index\":\"0\","
                        + "\"parameters\":[{\"type\":\"text\",\"text\":\"p/some-product-123/\"}]},"
                        + "{\"type\":\"button\",\"sub_type\":\"quick_reply\",\"index\":\"1\","
                        + "\"parameters\":[{\"type\":\"payload\",\"payload\":\"OPTOUT_MARKETING\"}]}]},"
                        + "\"biz_opaque_callback_data\":\"order-8812:upsell\"}")));
    }

    @Test
    void should_send_named_flattened_parameters_and_no_components_when_template_has_none() {
        // given
        SERVER.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(OK)));
        CloudApiClient client = client();

        // when
        client.sendTemplate(TemplateMessage.builder(CUSTOMER, "review_request", "kk")
                .body(TemplateParameter.named("customer_name", "Әсел\n\tҚұрманғали"))
                .callbackData("k1").build());
        client.sendTemplate(TemplateMessage.builder(CUSTOMER, "hello_world", "en_US").callbackData("k2").build());

        // then
        SERVER.verify(postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(equalToJson(
                "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"+77071234567\","
                        + "\"type\":\"template\",\"template\":{\"name\":\"review_request\","
                        + "\"language\":{\"policy\":\"deterministic\",\"code\":\"kk\"},\"components\":["
                        + "{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"parameter_name\":\"customer_name\","
                        + "\"text\":\"Әсел Құрманғали\"}]}]},\"biz_opaque_callback_data\":\"k1\"}")));
        SERVER.verify(postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(equalToJson(
                "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"+77071234567\","
                        + "\"type\":\"template\",\"template\":{\"name\":\"hello_world\","
                        + "\"language\":{\"policy\":\"deterministic\",\"code\":\"en_US\"}},"
                        + "\"biz_opaque_callback_data\":\"k2\"}")));
    }

    @Test
    void should_use_configured_version_when_set() {
        // given
        SERVER.stubFor(post(urlPathEqualTo("/v26.0/106540352242922/messages")).willReturn(okJson(OK)));

        // when
        client(config().apiVersion("v26.0").build()).sendText(text());

        // then
        SERVER.verify(1, postRequestedFor(urlPathEqualTo("/v26.0/106540352242922/messages")));
    }

    @Test
    void should_throw_window_closed_when_code_is_131047() {
        // given
        stubError(400, envelope(131047, "Re-engagement message", "Message failed to send because more than 24 hours"
                + " have passed since the customer last replied to this number."));

        // when
        Throwable thrown = catchThrowable(() -> client().sendText(text()));

        // then
        assertThat(thrown).isInstanceOf(WindowClosedException.class).isInstanceOf(RequestRejectedException.class);
        WindowClosedException closed = (WindowClosedException) thrown;
        assertThat(closed.kind()).isEqualTo(ErrorKind.WINDOW_CLOSED);
        assertThat(closed.isRetriable()).isFalse();
        assertThat(closed.status()).isEqualTo(400);
        assertThat(closed.error().code()).isEqualTo(131047);
        assertThat(closed.error().title()).isEqualTo("Re-engagement message");
        assertThat(closed.error().fbtraceId()).isEqualTo("AbCdEfGh123");
        assertThat(closed.getMessage()).contains("131047", "24 hours", "fbtrace_id=AbCdEfGh123", "POST /v25.0/")
                .doesNotContain("106540352242922");
        SERVER.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(waits).isEmpty();
    }

    @ParameterizedTest(name = "code {0} with HTTP {1}")
    @CsvSource({"130429, 400", "130429, 429", "4, 400", "80007, 400"})
    void should_retry_with_backoff_then_throw_rate_limited_when_throughput_is_reached(int code, int status) {
        // given
        stubError(status, envelope(code, "Rate limit hit", "Cloud API message throughput has been reached."));

        // when
        Throwable thrown = catchThrowable(() -> client().sendText(text()));

        // then
        assertThat(thrown).isInstanceOf(WhatsAppRateLimitedException.class).isInstanceOf(RateLimitedException.class);
        assertThat(((CloudApiFailure) thrown).kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(((MarketplaceException) thrown).isRetriable()).isTrue();
        SERVER.verify(3, postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void should_honour_retry_after_and_succeed_when_throttled_once() {
        // given
        SERVER.stubFor(post(urlPathEqualTo(PATH)).inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(400).withHeader("Retry-After", "7")
                        .withBody(envelope(130429, "Rate limit hit", "throughput")))
                .willSetStateTo("open"));
        SERVER.stubFor(post(urlPathEqualTo(PATH)).inScenario("throttle").whenScenarioStateIs("open")
                .willReturn(okJson(OK)));

        // when
        CloudSendReceipt receipt = client().sendText(text());

        // then
        assertThat(receipt.messageId()).startsWith("wamid.");
        assertThat(waits).containsExactly(Duration.ofSeconds(7));
        SERVER.verify(2, postRequestedFor(urlPathEqualTo(PATH))
                .withRequestBody(matching(".*\"biz_opaque_callback_data\":\"order-8812:review\".*")));
    }

    @Test
    void should_throw_at_once_with_six_second_wait_when_pair_rate_limit_hit() {
        // given
        stubError(400, envelope(131056, "(Business Account, Consumer Account) pair rate limit hit",
                "Message failed to send because there were too many messages sent from this phone number to the"
                        + " same phone number in a short period of time."));

        // when
        Throwable thrown = catchThrowable(() -> client().sendText(text()));

        // then
        assertThat(thrown).isInstanceOf(WhatsAppRateLimitedException.class);
        WhatsAppRateLimitedException limited = (WhatsAppRateLimitedException) thrown;
        assertThat(limited.kind()).isEqualTo(ErrorKind.RECIPIENT_RATE_LIMITED);
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(6));
        SERVER.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(waits).isEmpty();
    }

    @Test
    void should_keep_longer_retry_after_when_pair_rate_limit_says_so() {
        // given
        SERVER.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "20").withBody(envelope(131056, "pair rate limit hit", "too many"))));

        // when
        Throwable thrown = catchThrowable(() -> client().sendText(text()));

        // then
        assertThat(((RetriableMarketplaceException) thrown).retryAfter()).contains(Duration.ofSeconds(20));
    }

    @ParameterizedTest(name = "code {0}")
    @CsvSource({
            "131026, RECIPIENT_INVALID", "131030, RECIPIENT_INVALID", "131050, MARKETING_STOPPED",
            "131049, MARKETING_LIMITED", "131048, QUALITY_LIMITED", "132000, TEMPLATE_PROBLEM",
            "132001, TEMPLATE_PROBLEM", "132005, TEMPLATE_PROBLEM", "132007, TEMPLATE_PROBLEM",
            "132012, TEMPLATE_PROBLEM", "132015, TEMPLATE_PROBLEM", "132016, TEMPLATE_PROBLEM",
            "368, ACCOUNT_BLOCKED", "131031, ACCOUNT_BLOCKED", "100, PERMANENT", "131008, PERMANENT",
            "131009, PERMANENT", "131051, PERMANENT", "130472, PERMANENT"})
    void should_throw_rejected_with_kind_and_not_retry_when_code_is_permanent(int code, ErrorKind kind) {
        // given
        stubError(400, envelope(code, "Some title", "Some details"));

        // when
        Throwable thrown = catchThrowable(() -> client().sendText(text()));

        // then
        assertThat(thrown).isExactlyInstanceOf(WhatsAppRejectedException.class);
        WhatsAppRejectedException rejected = (WhatsAppRejectedException) thrown;
        assertThat(rejected.kind()).isEqualTo(kind);
        assertThat(rejected.error().code()).isEqualTo(code);
        assertThat(rejected.isRetriable()).isFalse();
        SERVER.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @ParameterizedTest(name = "code {0} with HTTP {1}")
    @CsvSource({"190, 401", "0, 401", "10, 403", "200, 403", "190, 400"})
    void should_throw_authentication_exception_when_token_is_refused(int code, int status) {
        // given
        stubError(status, envelope(code, "Error validating access token", "Session has expired"));

        // when
        Throwable thrown = catchThrowable(() -> client().sendText(text()));

        // then
        assertThat(thrown).isInstanceOf(WhatsAppAuthenticationException.class)
                .isInstanceOf(AuthenticationException.class);
        assertThat(((CloudApiFailure) thrown).kind()).isEqualTo(ErrorKind.AUTH);
        assertThat(thrown.getMessage()).doesNotContain(TOKEN).doesNotContain(TOKEN.substring(4));
        SERVER.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void should_throw_non_retriable_error_with_raw_code_title_and_trace_when_code_is_unknown() {
        // given
        stubError(400, envelope(987654, "Brand new problem", "Something Meta added later"));

        // when
        Throwable thrown = catchThrowable(() -> client().sendText(text()));

        // then
        assertThat(thrown).isExactlyInstanceOf(WhatsAppRejectedException.class);
        CloudApiError error = ((CloudApiFailure) thrown).error();
        assertThat(error.kind()).isEqualTo(ErrorKind.UNKNOWN);
        assertThat(error.code()).isEqualTo(987654);
        assertThat(error.title()).isEqualTo("Brand new problem");
        assertThat(error.message()).isEqualTo("(#987654) Brand new problem");
        assertThat(error.details()).isEqualTo("Something Meta added later");
        assertThat(error.fbtraceId()).isEqualTo("AbCdEfGh123");
        assertThat(thrown.getMessage()).contains("987654", "Brand new problem", "AbCdEfGh123");
        SERVER.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void should_retry_temporary_code_then_throw_unavailable_when_it_persists() {
        // given
        stubError(500, envelope(131000, "Something went wrong", "Something went wrong"));

        // when
        Throwable thrown = catchThrowable(() -> client().sendText(text()));

        // then
        assertThat(thrown).isInstanceOf(WhatsAppUnavailableException.class)
                .isInstanceOf(ServiceUnavailableException.class);
        assertThat(((CloudApiFailure) thrown).kind()).isEqualTo(ErrorKind.TEMPORARY);
        SERVER.verify(3, postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(waits).hasSize(2);
    }

    @Test
    void should_not_retry_ambiguous_failure_when_configured_so() {
        // given
        stubError(503, "<html>Service Unavailable</html>");

        // when
        Throwable thrown = catchThrowable(() -> client(config().retryAmbiguousFailures(false).build()).sendText(text()));

        // then
        assertThat(thrown).isInstanceOf(ServiceUnavailableException.class)
                .isNotInstanceOf(CloudApiFailure.class);
        SERVER.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(waits).isEmpty();
    }

    @Test
    void should_fall_back_to_status_mapping_and_bound_retries_when_5xx_has_no_envelope() {
        // given
        stubError(502, "<html><body>Bad Gateway</body></html>");

        // when
        Throwable thrown = catchThrowable(() -> client().sendText(text()));

        // then
        assertThat(thrown).isInstanceOf(ServiceUnavailableException.class);
        assertThat(((MarketplaceException) thrown).status()).isEqualTo(502);
        SERVER.verify(3, postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(waits).hasSize(2);
    }

    @Test
    void should_retry_429_without_envelope_as_rate_limited_even_when_ambiguous_retries_are_off() {
        // given
        SERVER.stubFor(post(urlPathEqualTo(PATH)).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2"))
                .willSetStateTo("ok"));
        SERVER.stubFor(post(urlPathEqualTo(PATH)).inScenario("429").whenScenarioStateIs("ok").willReturn(okJson(OK)));

        // when
        CloudSendReceipt receipt = client(config().retryAmbiguousFailures(false).build()).sendText(text());

        // then
        assertThat(receipt.messageId()).startsWith("wamid.");
        assertThat(waits).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void should_throw_at_once_when_retry_after_exceeds_policy_cap() {
        // given
        SERVER.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(400).withHeader("Retry-After", "3600")
                .withBody(envelope(130429, "Rate limit hit", "throughput"))));

        // when
        Throwable thrown = catchThrowable(() -> client().sendText(text()));

        // then
        assertThat(thrown).isInstanceOf(WhatsAppRateLimitedException.class);
        assertThat(((RetriableMarketplaceException) thrown).retryAfter()).contains(Duration.ofHours(1));
        SERVER.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void should_throw_timeout_after_bounded_retries_when_server_is_slow() {
        // given
        SERVER.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(OK).withFixedDelay(1500)));
        CloudApiClient client = client(config().requestTimeout(Duration.ofMillis(200))
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).jitter(0).build()).build());

        // when
        Throwable thrown = catchThrowable(() -> client.sendText(text()));

        // then
        assertThat(thrown).isInstanceOf(RemoteTimeoutException.class);
        assertThat(((MarketplaceException) thrown).status()).isZero();
        SERVER.verify(2, postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(waits).hasSize(1);
    }

    @Test
    void should_name_the_field_when_success_response_has_no_message_id() {
        // given
        SERVER.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(
                "{\"messaging_product\":\"whatsapp\",\"messages\":[{\"message_status\":\"accepted\"}]}")));

        // when
        Throwable thrown = catchThrowable(() -> client().sendText(text()));

        // then
        assertThat(thrown).isInstanceOf(JsonFormatException.class).hasMessageContaining("messages[0].id");
        assertThat(((JsonFormatException) thrown).path()).isEqualTo("$.messages[0].id");
        SERVER.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void should_name_the_field_when_messages_array_is_missing_or_empty() {
        // given
        SERVER.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("{\"messaging_product\":\"whatsapp\",\"messages\":[]}")));

        // when
        Throwable thrown = catchThrowable(() -> client().sendText(text()));

        // then
        assertThat(thrown).isInstanceOf(JsonFormatException.class).hasMessageContaining("messages");
        assertThat(((JsonFormatException) thrown).path()).isEqualTo("$.messages");
    }

    @Test
    void should_fail_clearly_and_not_retry_when_success_body_is_not_json() {
        // given
        SERVER.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"messages\":[{\"id\":")));

        // when
        Throwable thrown = catchThrowable(() -> client().sendText(text()));

        // then
        assertThat(thrown).isInstanceOf(JsonFormatException.class)
                .hasMessageContaining("may have been sent");
        SERVER.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void should_flag_held_message_when_status_says_held_for_quality_assessment() {
        // given
        SERVER.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("{\"messaging_product\":\"whatsapp\","
                + "\"messages\":[{\"id\":\"wamid.H\",\"message_status\":\"held_for_quality_assessment\"}]}")));

        // when
        CloudSendReceipt receipt = client().sendText(text());

        // then
        assertThat(receipt.isHeldForQualityAssessment()).isTrue();
        assertThat(receipt.waId()).isNull();
    }

    @Test
    void should_never_log_or_report_the_token_when_calls_succeed_and_fail() {
        // given
        SERVER.stubFor(post(urlPathEqualTo(PATH)).inScenario("log").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(OK)).willSetStateTo("fail"));
        SERVER.stubFor(post(urlPathEqualTo(PATH)).inScenario("log").whenScenarioStateIs("fail")
                .willReturn(aResponse().withStatus(401).withBody(envelope(190, "Error validating access token",
                        "Session has expired on Sunday, 22-Nov-26 09:00:00 PST."))));
        CloudApiClient client = client();

        // when
        client.sendText(text());
        Throwable thrown = catchThrowable(() -> client.sendText(text()));

        // then
        assertThat(logLines).isNotEmpty();
        assertThat(logLines).anySatisfy(line -> assertThat(line).contains("Authorization"));
        assertThat(String.join("\n", logLines)).doesNotContain(TOKEN).doesNotContain(TOKEN.substring(8));
        assertThat(thrown.getMessage()).doesNotContain(TOKEN).doesNotContain(TOKEN.substring(8));
        assertThat(client.toString()).doesNotContain(TOKEN);
        assertThat(client.config().toString()).doesNotContain(TOKEN);
    }

    @Test
    void should_refuse_too_long_text_before_sending_when_body_exceeds_limit() {
        // when / then
        assertThatThrownBy(() -> TextMessage.of(CUSTOMER, "a".repeat(4097), "k"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("body");
        assertThatThrownBy(() -> TextMessage.of(CUSTOMER, "hi", " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("callbackData");
        assertThat(TextMessage.of(CUSTOMER, "a".repeat(4096), "k").body()).hasSize(4096);
    }
}

package dev.aihq.channel.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.channel.ChannelFailure;
import dev.aihq.api.channel.ChannelLimits;
import dev.aihq.api.channel.FailureKind;
import dev.aihq.api.channel.MarkupStyle;
import dev.aihq.api.channel.MessageCategory;
import dev.aihq.api.channel.MessageForm;
import dev.aihq.api.channel.OutboundMessage;
import dev.aihq.api.channel.QuickReply;
import dev.aihq.api.channel.SendReceipt;
import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.error.MarketplaceException;
import dev.aihq.http.HqJson;
import dev.aihq.http.RetryPolicy;
import dev.aihq.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sending through {@link CloudApiChannel}: the form the window allows, templates, fallbacks, failures. */
class CloudApiChannelTest {

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    static final String TOKEN = "EAAJtestTOKENvalue1234567890secret";
    static final String NUMBER_ID = "106540352242922";
    static final String PATH = "/v25.0/" + NUMBER_ID + "/messages";
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final ShopId SHOP = ShopId.of("shop-1");
    static final PhoneNumber CUSTOMER = PhoneNumber.parse("+77071234567");
    static final String WAMID = "wamid.HBgLNzcwNzEyMzQ1NjcVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA";
    static final String OK = "{\"messaging_product\":\"whatsapp\","
            + "\"contacts\":[{\"input\":\"+77071234567\",\"wa_id\":\"77071234567\"}],"
            + "\"messages\":[{\"id\":\"" + WAMID + "\"}]}";
    static final WhatsAppTemplates TEMPLATES = WhatsAppTemplates.builder()
            .marketing("aihq_offer_v1", "ru")
            .utility("aihq_order_update_v1", "ru")
            .consentQuestion("aihq_consent_v1", "kk")
            .build();
    static final List<QuickReply> CONSENT = List.of(new QuickReply("consent:yes", "Да"),
            new QuickReply("consent:no", "Нет"));

    private final SettableClock clock = SettableClock.at(NOW);

    static WhatsAppCloudConfig config(String token) {
        return WhatsAppCloudConfig.builder()
                .baseUrl(SERVER.baseUrl())
                .phoneNumberId(NUMBER_ID)
                .accessToken(token)
                .retryPolicy(RetryPolicy.none())
                .build();
    }

    private CloudApiChannel channel(WhatsAppTemplates templates) {
        return CloudApiChannel.builder()
                .accounts(WhatsAppAccounts.of(List.of(new WhatsAppAccount(SHOP, config(TOKEN), templates))))
                .clock(clock)
                .sleeper(wait -> {
                    throw new AssertionError("no retry sleeps expected, asked for " + wait);
                })
                .httpLogSink(line -> { })
                .build();
    }

    private CloudApiChannel channel() {
        return channel(TEMPLATES);
    }

    private static OutboundMessage message(MessageCategory category, String text) {
        return OutboundMessage.text(SHOP, CUSTOMER, text, "order-8812:review", category);
    }

    private static OutboundMessage insideWindow(OutboundMessage message) {
        return message.withCustomerLastWroteAt(NOW.minus(Duration.ofHours(3)));
    }

    private static String envelope(int code, String title) {
        return "{\"error\":{\"message\":\"(#" + code + ") " + title + "\",\"type\":\"OAuthException\",\"code\":" + code
                + ",\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"" + title + "\"},"
                + "\"fbtrace_id\":\"AbCdEfGh123\"}}";
    }

    private static void stubOk() {
        SERVER.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(OK)));
    }

    private static void stubError(int status, int code, String title) {
        SERVER.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(envelope(code, title))));
    }

    private static String templateBody(String name, String language, String parameter, String extraComponents) {
        return "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"+77071234567\","
                + "\"type\":\"template\",\"template\":{\"name\":\"" + name + "\","
                + "\"language\":{\"policy\":\"deterministic\",\"code\":\"" + language + "\"},"
                + "\"components\":[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"" + parameter
                + "\"}]}" + extraComponents + "]},"
                + "\"biz_opaque_callback_data\":\"order-8812:review\"}";
    }

    @Test
    void should_be_named_whatsapp_and_declare_its_limits() {
        // when
        CloudApiChannel channel = channel();

        // then
        assertThat(channel.name()).isEqualTo("whatsapp");
        assertThat(channel.limits()).isEqualTo(new ChannelLimits(4096, MarkupStyle.WHATSAPP, true, 3));
    }

    @Test
    void should_send_free_text_in_the_reference_shape_when_the_window_is_open() {
        // given
        stubOk();

        // when
        SendReceipt receipt = channel().send(insideWindow(message(MessageCategory.SERVICE,
                "Здравствуйте!\nРазмер *42* есть 🙂")));

        // then
        assertThat(receipt).isEqualTo(new SendReceipt(WAMID, NOW, MessageForm.FREE_TEXT, null));
        SERVER.verify(1, postRequestedFor(urlPathEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(equalToJson("{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\","
                        + "\"to\":\"+77071234567\",\"type\":\"text\","
                        + "\"text\":{\"preview_url\":false,\"body\":\"Здравствуйте!\\nРазмер *42* есть 🙂\"},"
                        + "\"biz_opaque_callback_data\":\"order-8812:review\"}")));
    }

    @Test
    void should_send_the_marketing_template_with_the_text_flattened_when_the_window_is_closed() {
        // given: the customer wrote 23 h 55 min ago, within the 10-minute margin of the window's end
        stubOk();
        OutboundMessage message = message(MessageCategory.MARKETING, "Скидка 10%\n\nна  чехол\tдля A56     🙂\r\n")
                .withCustomerLastWroteAt(NOW.minus(Duration.ofHours(23).plusMinutes(55)));

        // when
        SendReceipt receipt = channel().send(message);

        // then
        assertThat(receipt).isEqualTo(new SendReceipt(WAMID, NOW, MessageForm.TEMPLATE, "aihq_offer_v1"));
        assertThat(receipt.describeForm()).isEqualTo("template aihq_offer_v1");
        SERVER.verify(1, postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(equalToJson(
                templateBody("aihq_offer_v1", "ru", "Скидка 10% на чехол для A56 🙂", ""))));
    }

    @Test
    void should_send_the_utility_template_for_utility_and_service_messages_when_the_customer_never_wrote() {
        // given
        stubOk();
        CloudApiChannel channel = channel();

        // when
        SendReceipt utility = channel.send(message(MessageCategory.UTILITY, "Заказ 8812 передан в доставку"));
        clock.advance(Duration.ofMinutes(1));
        SendReceipt service = channel.send(message(MessageCategory.SERVICE, "Заказ 8812 доставлен"));

        // then
        assertThat(utility.template()).isEqualTo("aihq_order_update_v1");
        assertThat(service.template()).isEqualTo("aihq_order_update_v1");
        SERVER.verify(1, postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(equalToJson(
                templateBody("aihq_order_update_v1", "ru", "Заказ 8812 передан в доставку", ""))));
        SERVER.verify(1, postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(equalToJson(
                templateBody("aihq_order_update_v1", "ru", "Заказ 8812 доставлен", ""))));
    }

    @Test
    void should_send_a_template_when_one_is_required_even_though_the_window_looks_open() {
        // given
        stubOk();

        // when
        SendReceipt receipt = channel().send(insideWindow(message(MessageCategory.UTILITY, "Заказ доставлен"))
                .asTemplateRequired());

        // then
        assertThat(receipt.form()).isEqualTo(MessageForm.TEMPLATE);
        assertThat(receipt.template()).isEqualTo("aihq_order_update_v1");
        SERVER.verify(1, postRequestedFor(urlPathEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.type", equalTo("template"))));
    }

    @Test
    void should_close_the_window_at_24_hours_minus_the_margin() {
        // given
        CloudApiChannel channel = channel();
        CloudApiChannel noMargin = CloudApiChannel.builder()
                .accounts(WhatsAppAccounts.of(List.of()))
                .windowSafetyMargin(Duration.ZERO)
                .build();
        OutboundMessage message = message(MessageCategory.SERVICE, "text");
        Instant wrote = NOW.minus(Duration.ofHours(24));

        // then
        assertThat(channel.windowOpen(message, NOW)).isFalse();
        assertThat(channel.windowOpen(message.withCustomerLastWroteAt(wrote), wrote.plusSeconds(1))).isTrue();
        assertThat(channel.windowOpen(message.withCustomerLastWroteAt(wrote),
                wrote.plus(Duration.ofHours(23).plusMinutes(50)).minusNanos(1))).isTrue();
        assertThat(channel.windowOpen(message.withCustomerLastWroteAt(wrote),
                wrote.plus(Duration.ofHours(23).plusMinutes(50)))).isFalse();
        assertThat(noMargin.windowOpen(message.withCustomerLastWroteAt(wrote), NOW.minusNanos(1))).isTrue();
        assertThat(noMargin.windowOpen(message.withCustomerLastWroteAt(wrote), NOW)).isFalse();
        assertThat(channel.windowOpen(message.withCustomerLastWroteAt(NOW).asTemplateRequired(), NOW)).isFalse();
    }

    @Test
    void should_send_reply_buttons_as_an_interactive_message_when_the_window_is_open() {
        // given
        stubOk();

        // when
        SendReceipt receipt = channel().send(insideWindow(message(MessageCategory.UTILITY,
                "Хотите получать предложения магазина?")).withQuickReplies(CONSENT));

        // then
        assertThat(receipt).isEqualTo(new SendReceipt(WAMID, NOW, MessageForm.INTERACTIVE, null));
        SERVER.verify(1, postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(equalToJson(
                "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"+77071234567\","
                        + "\"type\":\"interactive\",\"interactive\":{\"type\":\"button\","
                        + "\"body\":{\"text\":\"Хотите получать предложения магазина?\"},"
                        + "\"action\":{\"buttons\":["
                        + "{\"type\":\"reply\",\"reply\":{\"id\":\"consent:yes\",\"title\":\"Да\"}},"
                        + "{\"type\":\"reply\",\"reply\":{\"id\":\"consent:no\",\"title\":\"Нет\"}}]}},"
                        + "\"biz_opaque_callback_data\":\"order-8812:review\"}")));
    }

    @Test
    void should_cut_the_body_of_an_interactive_message_at_a_word_to_1024_characters() throws Exception {
        // given
        stubOk();
        String text = "слово ".repeat(300).strip();

        // when
        channel().send(insideWindow(message(MessageCategory.UTILITY, text)).withQuickReplies(CONSENT));

        // then
        LoggedRequest request = SERVER.findAll(postRequestedFor(urlPathEqualTo(PATH))).get(0);
        String body = HqJson.mapper().readTree(request.getBodyAsString())
                .path("interactive").path("body").path("text").asText();
        assertThat(body).hasSizeLessThanOrEqualTo(1024).endsWith("слово…");
    }

    @Test
    void should_send_the_consent_template_with_the_reply_ids_as_button_payloads_when_the_window_is_closed() {
        // given
        stubOk();

        // when
        SendReceipt receipt = channel().send(message(MessageCategory.MARKETING,
                "Хотите получать\nпредложения магазина?").withQuickReplies(CONSENT));

        // then
        assertThat(receipt).isEqualTo(new SendReceipt(WAMID, NOW, MessageForm.TEMPLATE, "aihq_consent_v1"));
        SERVER.verify(1, postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(equalToJson(templateBody(
                "aihq_consent_v1", "kk", "Хотите получать предложения магазина?",
                ",{\"type\":\"button\",\"sub_type\":\"quick_reply\",\"index\":\"0\","
                        + "\"parameters\":[{\"type\":\"payload\",\"payload\":\"consent:yes\"}]},"
                        + "{\"type\":\"button\",\"sub_type\":\"quick_reply\",\"index\":\"1\","
                        + "\"parameters\":[{\"type\":\"payload\",\"payload\":\"consent:no\"}]}"))));
    }

    @Test
    void should_resend_as_the_template_at_once_when_free_text_is_refused_with_131047() {
        // given
        SERVER.stubFor(post(urlPathEqualTo(PATH)).withRequestBody(matchingJsonPath("$.type", equalTo("text")))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody(envelope(131047, "Re-engagement message"))));
        SERVER.stubFor(post(urlPathEqualTo(PATH)).withRequestBody(matchingJsonPath("$.type", equalTo("template")))
                .willReturn(okJson(OK)));

        // when
        SendReceipt receipt = channel().send(insideWindow(message(MessageCategory.UTILITY, "Заказ\nдоставлен")));

        // then
        assertThat(receipt).isEqualTo(new SendReceipt(WAMID, NOW, MessageForm.TEMPLATE, "aihq_order_update_v1"));
        List<LoggedRequest> requests = SERVER.findAll(postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).getBodyAsString()).contains("\"type\":\"text\"");
        SERVER.verify(1, postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(equalToJson(
                templateBody("aihq_order_update_v1", "ru", "Заказ доставлен", ""))));
    }

    @Test
    void should_resend_buttons_as_the_consent_template_when_they_are_refused_with_131047() {
        // given
        SERVER.stubFor(post(urlPathEqualTo(PATH)).withRequestBody(matchingJsonPath("$.type", equalTo("interactive")))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody(envelope(131047, "Re-engagement message"))));
        SERVER.stubFor(post(urlPathEqualTo(PATH)).withRequestBody(matchingJsonPath("$.type", equalTo("template")))
                .willReturn(okJson(OK)));

        // when
        SendReceipt receipt = channel().send(insideWindow(message(MessageCategory.UTILITY, "Согласны?"))
                .withQuickReplies(CONSENT));

        // then
        assertThat(receipt.template()).isEqualTo("aihq_consent_v1");
        SERVER.verify(2, postRequestedFor(urlPathEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.biz_opaque_callback_data", equalTo("order-8812:review"))));
        SERVER.verify(1, postRequestedFor(urlPathEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.template.components[1].parameters[0].payload",
                        equalTo("consent:yes"))));
    }

    @Test
    void should_not_loop_when_the_template_itself_is_refused_with_131047() {
        // given
        stubError(400, 131047, "Re-engagement message");

        // when
        Throwable thrown = catchThrowable(() -> channel().send(message(MessageCategory.UTILITY, "Заказ доставлен")));

        // then
        assertThat(thrown).isInstanceOf(WindowClosedException.class);
        assertThat(((ChannelFailure) thrown).failureKind()).isEqualTo(FailureKind.WINDOW_CLOSED);
        SERVER.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @ParameterizedTest(name = "HTTP {0} code {1} is {2}")
    @CsvSource({
            "400, 131056, RECIPIENT_RATE_LIMITED, true",
            "400, 130429, SENDER_RATE_LIMITED, true",
            "429, 4, SENDER_RATE_LIMITED, true",
            "400, 80007, SENDER_RATE_LIMITED, true",
            "400, 131050, MARKETING_STOPPED, false",
            "400, 131026, RECIPIENT_UNREACHABLE, false",
            "400, 131030, RECIPIENT_UNREACHABLE, false",
            "400, 132001, TEMPLATE_PROBLEM, false",
            "400, 132015, TEMPLATE_PROBLEM, false",
            "401, 190, AUTHENTICATION, false",
            "403, 10, AUTHENTICATION, false",
            "400, 368, ACCOUNT_BLOCKED, false",
            "400, 131031, ACCOUNT_BLOCKED, false",
            "500, 131000, TEMPORARY, true",
            "503, 2, TEMPORARY, true",
            "400, 100, INVALID_REQUEST, false",
            "400, 131009, INVALID_REQUEST, false",
            "400, 999123, UNKNOWN, false"})
    void should_throw_the_failure_kind_of_the_error_code_when_whatsapp_refuses(int status, int code,
            FailureKind kind, boolean retriable) {
        // given
        stubError(status, code, "Refused");

        // when
        Throwable thrown = catchThrowable(() -> channel().send(insideWindow(message(MessageCategory.SERVICE,
                "Здравствуйте"))));

        // then
        assertThat(thrown).isInstanceOf(MarketplaceException.class).isInstanceOf(CloudApiFailure.class);
        assertThat(((ChannelFailure) thrown).failureKind()).isEqualTo(kind);
        assertThat(((MarketplaceException) thrown).isRetriable()).isEqualTo(retriable);
        assertThat(((CloudApiFailure) thrown).error().code()).isEqualTo(code);
        SERVER.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void should_throw_a_temporary_failure_when_a_5xx_page_has_no_whatsapp_error() {
        // given
        SERVER.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html").withBody("<html>Bad gateway</html>")));

        // when
        Throwable thrown = catchThrowable(() -> channel().send(insideWindow(message(MessageCategory.SERVICE, "Hi"))));

        // then
        assertThat(thrown).isInstanceOf(WhatsAppTransportException.class);
        assertThat(((ChannelFailure) thrown).failureKind()).isEqualTo(FailureKind.TEMPORARY);
        assertThat(((MarketplaceException) thrown).isRetriable()).isTrue();
        assertThat(((MarketplaceException) thrown).status()).isEqualTo(502);
    }

    @Test
    void should_throw_authentication_when_a_401_page_has_no_whatsapp_error() {
        // given
        SERVER.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "text/html").withBody("<html>Unauthorized</html>")));

        // when
        Throwable thrown = catchThrowable(() -> channel().send(insideWindow(message(MessageCategory.SERVICE, "Hi"))));

        // then
        assertThat(thrown).isInstanceOf(WhatsAppChannelException.class);
        assertThat(((ChannelFailure) thrown).failureKind()).isEqualTo(FailureKind.AUTHENTICATION);
        assertThat(thrown.getMessage()).doesNotContain(TOKEN);
    }

    @Test
    void should_throw_unknown_when_the_answer_has_no_message_id() {
        // given
        SERVER.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("{\"messaging_product\":\"whatsapp\"}")));

        // when
        Throwable thrown = catchThrowable(() -> channel().send(insideWindow(message(MessageCategory.SERVICE, "Hi"))));

        // then
        assertThat(thrown).isInstanceOf(WhatsAppChannelException.class)
                .hasMessageContaining("may have been sent");
        assertThat(((ChannelFailure) thrown).failureKind()).isEqualTo(FailureKind.UNKNOWN);
    }

    @Test
    void should_throw_template_problem_naming_shop_and_purpose_without_calling_whatsapp_when_a_template_is_missing() {
        // given
        CloudApiChannel channel = channel(WhatsAppTemplates.builder().utility("aihq_order_update_v1", "ru").build());

        // when
        Throwable marketing = catchThrowable(() -> channel.send(message(MessageCategory.MARKETING, "Скидка")));
        Throwable consent = catchThrowable(() -> channel.send(message(MessageCategory.UTILITY, "Согласны?")
                .withQuickReplies(CONSENT)));

        // then
        assertThat(marketing).isInstanceOf(WhatsAppChannelException.class)
                .hasMessageContaining("shop shop-1").hasMessageContaining("no marketing template");
        assertThat(((ChannelFailure) marketing).failureKind()).isEqualTo(FailureKind.TEMPLATE_PROBLEM);
        assertThat(((MarketplaceException) marketing).isRetriable()).isFalse();
        assertThat(consent).hasMessageContaining("shop shop-1").hasMessageContaining("no consent question template");
        SERVER.verify(0, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void should_throw_template_problem_when_the_window_turns_out_closed_and_the_template_is_missing() {
        // given
        stubError(400, 131047, "Re-engagement message");
        CloudApiChannel channel = channel(WhatsAppTemplates.none());

        // when
        Throwable thrown = catchThrowable(() -> channel.send(insideWindow(message(MessageCategory.SERVICE, "Hi"))));

        // then
        assertThat(thrown).isInstanceOf(WhatsAppChannelException.class).hasMessageContaining("no utility template")
                .hasCauseInstanceOf(WindowClosedException.class);
        assertThat(((ChannelFailure) thrown).failureKind()).isEqualTo(FailureKind.TEMPLATE_PROBLEM);
        SERVER.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void should_throw_authentication_without_calling_whatsapp_when_the_shop_has_no_account() {
        // when
        Throwable thrown = catchThrowable(() -> channel().send(OutboundMessage.text(ShopId.of("shop-9"), CUSTOMER,
                "Hi", "k-1", MessageCategory.SERVICE)));

        // then
        assertThat(thrown).isInstanceOf(WhatsAppChannelException.class).hasMessageContaining("shop shop-9");
        assertThat(((ChannelFailure) thrown).failureKind()).isEqualTo(FailureKind.AUTHENTICATION);
        SERVER.verify(0, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void should_throw_invalid_request_when_the_stable_key_is_too_long_for_whatsapp() {
        // when
        Throwable thrown = catchThrowable(() -> channel().send(OutboundMessage.text(SHOP, CUSTOMER, "Hi",
                "k".repeat(600), MessageCategory.SERVICE).withCustomerLastWroteAt(NOW)));

        // then
        assertThat(thrown).isInstanceOf(WhatsAppChannelException.class).hasMessageContaining("callbackData");
        assertThat(((ChannelFailure) thrown).failureKind()).isEqualTo(FailureKind.INVALID_REQUEST);
        SERVER.verify(0, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void should_build_a_new_client_when_the_account_changes_its_config() {
        // given
        stubOk();
        AtomicReference<WhatsAppAccount> account = new AtomicReference<>(
                new WhatsAppAccount(SHOP, config("EAAJfirstTOKEN1234567890"), TEMPLATES));
        WhatsAppAccounts accounts = new WhatsAppAccounts() {
            @Override
            public Optional<WhatsAppAccount> forShop(ShopId shopId) {
                return Optional.of(account.get());
            }

            @Override
            public Optional<ShopId> shopForPhoneNumberId(String phoneNumberId) {
                return Optional.of(SHOP);
            }
        };
        CloudApiChannel channel = CloudApiChannel.builder().accounts(accounts).clock(clock).build();

        // when
        channel.send(insideWindow(message(MessageCategory.SERVICE, "one")));
        account.set(new WhatsAppAccount(SHOP, config("EAAJsecondTOKEN1234567890"), TEMPLATES));
        clock.advance(Duration.ofSeconds(6));
        channel.send(insideWindow(OutboundMessage.text(SHOP, CUSTOMER, "two", "k-2", MessageCategory.SERVICE)));

        // then
        SERVER.verify(1, postRequestedFor(urlPathEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer EAAJfirstTOKEN1234567890")));
        SERVER.verify(1, postRequestedFor(urlPathEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer EAAJsecondTOKEN1234567890")));
    }

    @Test
    void should_mask_the_secrets_when_printed() {
        // given
        CloudApiChannel.Builder builder = CloudApiChannel.builder()
                .accounts(WhatsAppAccounts.of(List.of(new WhatsAppAccount(SHOP, config(TOKEN), TEMPLATES))))
                .appSecret("app-secret-5f2c-very-secret")
                .verifyToken("verify-token-hush");

        // when
        String printed = builder + " " + builder.build();

        // then
        assertThat(printed).contains("appSecret=****").doesNotContain("app-secret-5f2c", "verify-token-hush", TOKEN);
    }

    @Test
    void should_report_every_invalid_setting_when_building() {
        assertThatThrownBy(() -> CloudApiChannel.builder().windowSafetyMargin(Duration.ofHours(24))
                .slotMemory(Duration.ZERO).appSecret("secret").webhookPath("hooks").build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("accounts is required")
                .hasMessageContaining("windowSafetyMargin")
                .hasMessageContaining("slotMemory")
                .hasMessageContaining("appSecret and verifyToken go together")
                .hasMessageContaining("webhookPath");
    }

    @Test
    void should_refuse_webhook_routes_when_no_secrets_were_given() {
        assertThatThrownBy(() -> channel().webhookRoutes(traffic -> { }))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("appSecret and verifyToken");
    }
}

package dev.aihq.channel.whatsapp.webhook;

import static dev.aihq.channel.whatsapp.webhook.Payloads.APP_SECRET;
import static dev.aihq.channel.whatsapp.webhook.Payloads.METADATA;
import static dev.aihq.channel.whatsapp.webhook.Payloads.VERIFY_TOKEN;
import static dev.aihq.channel.whatsapp.webhook.Payloads.bytes;
import static dev.aihq.channel.whatsapp.webhook.Payloads.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.channel.DeliveryState;
import dev.aihq.api.channel.DeliveryStatus;
import dev.aihq.api.channel.FailureKind;
import dev.aihq.api.channel.InboundTraffic;
import dev.aihq.api.channel.MarketingPreference;
import dev.aihq.api.error.FieldError;
import dev.aihq.api.event.CustomerReplyEvent;
import dev.aihq.api.web.WebhookRequest;
import dev.aihq.api.web.WebhookResponse;
import dev.aihq.api.web.WebhookRoute;
import dev.aihq.channel.whatsapp.CloudApiChannel;
import dev.aihq.channel.whatsapp.ErrorKind;
import dev.aihq.channel.whatsapp.WhatsAppAccount;
import dev.aihq.channel.whatsapp.WhatsAppAccounts;
import dev.aihq.channel.whatsapp.WhatsAppCloudConfig;
import dev.aihq.channel.whatsapp.WhatsAppTemplates;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Inbound traffic through {@link CloudApiChannel#webhookRoutes}: signed deliveries to {@link InboundTraffic}. */
class CloudApiChannelInboundTest {

    private static final ShopId SHOP = ShopId.of("shop-1");
    private static final String PATH = "/webhooks/whatsapp";

    private final List<InboundTraffic> received = new CopyOnWriteArrayList<>();
    private final CloudApiChannel channel = CloudApiChannel.builder()
            .accounts(WhatsAppAccounts.of(List.of(new WhatsAppAccount(SHOP, WhatsAppCloudConfig.builder()
                    .phoneNumberId("106540352242922").accessToken("EAAJtoken1234567890").build(),
                    WhatsAppTemplates.none()))))
            .appSecret(APP_SECRET)
            .verifyToken(VERIFY_TOKEN)
            .build();
    private final List<WebhookRoute> routes = channel.webhookRoutes(received::add);

    private WebhookRoute route(String method) {
        return routes.stream().filter(r -> r.method().equals(method)).findFirst().orElseThrow();
    }

    private WebhookResponse deliver(String json) {
        byte[] body = bytes(json);
        return route("POST").handle(WebhookRequest.of("POST", PATH, Map.of("Content-Type", "application/json",
                WhatsAppSignature.HEADER, WhatsAppSignature.sign(APP_SECRET, body)), body));
    }

    private InboundTraffic deliverOne(String json) {
        assertThat(deliver(json).status()).isEqualTo(200);
        assertThat(received).hasSize(1);
        return received.get(0);
    }

    private static CustomerReplyEvent reply(String from, String text, String wamid, long seconds) {
        return new CustomerReplyEvent(SHOP, "whatsapp", PhoneNumber.parse(from), null, text, null, wamid,
                Instant.ofEpochSecond(seconds), "customer_reply:whatsapp:" + wamid);
    }

    @Test
    void should_mount_the_handshake_and_the_deliveries_at_one_path() {
        // when
        WebhookResponse handshake = route("GET").handle(WebhookRequest.of("GET",
                PATH + "?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=" + VERIFY_TOKEN, Map.of(),
                new byte[0]));

        // then
        assertThat(routes).extracting(WebhookRoute::method).containsExactlyInAnyOrder("GET", "POST");
        assertThat(routes).extracting(WebhookRoute::path).containsOnly(PATH);
        assertThat(handshake.status()).isEqualTo(200);
        assertThat(handshake.bodyText()).isEqualTo("1158201444");
    }

    @Test
    void should_turn_a_text_message_into_a_reply_keyed_by_its_wamid() {
        // when
        InboundTraffic traffic = deliverOne(Payloads.TEXT);

        // then
        assertThat(traffic.replies()).containsExactly(reply("+77071234567", "Здравствуйте! Подскажите размер",
                "wamid.HBgLNzcwNzEyMzQ1NjcVAgASGBQzQUY=", 1789465385L));
        assertThat(traffic.replies().get(0).idempotencyKey())
                .isEqualTo(CustomerReplyEvent.keyFor("whatsapp", "wamid.HBgLNzcwNzEyMzQ1NjcVAgASGBQzQUY="));
        assertThat(traffic.statuses()).isEmpty();
        assertThat(traffic.problems()).isEmpty();
    }

    @Test
    void should_give_the_tapped_title_and_the_payload_as_button_id_when_a_template_button_is_tapped() {
        // when
        CustomerReplyEvent event = deliverOne(Payloads.BUTTON).replies().get(0);

        // then
        assertThat(event.text()).isEqualTo("Отписаться");
        assertThat(event.buttonId()).isEqualTo("STOP_MARKETING");
        assertThat(event.from()).isEqualTo(PhoneNumber.parse("+79161234567"));
        assertThat(event.providerMessageId()).isEqualTo("wamid.BUTTON-1");
    }

    @Test
    void should_give_the_reply_title_and_id_when_an_interactive_button_or_list_row_is_tapped() {
        // when
        List<CustomerReplyEvent> replies = deliverOne(Payloads.INTERACTIVE).replies();

        // then
        assertThat(replies).extracting(CustomerReplyEvent::text, CustomerReplyEvent::buttonId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Да, хочу", "offer:yes"),
                        org.assertj.core.groups.Tuple.tuple("42", "size:42"));
    }

    @Test
    void should_hand_a_batched_delivery_over_as_one_traffic_in_order_with_a_marker_for_an_image() {
        // when
        InboundTraffic traffic = deliverOne(Payloads.BATCHED);

        // then
        assertThat(traffic.replies()).containsExactly(
                reply("+77071234567", "Первое", "wamid.B-1", 1789465700L),
                reply("+79161234567", "Второе", "wamid.B-2", 1789465701L),
                reply("+77071234567", "[image]", "wamid.B-3", 1789465702L),
                reply("+77471234567", "Третье", "wamid.B-4", 1789465703L));
    }

    @Test
    void should_give_the_caption_of_media_and_a_marker_for_other_types() {
        // when
        InboundTraffic traffic = deliverOne(envelope("messages", """
                {%s,
                 "contacts":[{"profile":{"name":"Айгерим"},"wa_id":"77071234567"}],
                 "messages":[
                  {"from":"77071234567","id":"wamid.M-1","timestamp":"1789465900","type":"image",
                   "image":{"id":"MEDIA-1","mime_type":"image/jpeg","caption":"Вот такой чехол 👇 есть?"}},
                  {"from":"77071234567","id":"wamid.M-2","timestamp":"1789465901","type":"video",
                   "video":{"id":"MEDIA-2","mime_type":"video/mp4"}},
                  {"from":"77071234567","id":"wamid.M-3","timestamp":"1789465902","type":"audio",
                   "audio":{"id":"MEDIA-3","mime_type":"audio/ogg","voice":true}},
                  {"from":"77071234567","id":"wamid.M-4","timestamp":"1789465903","type":"location",
                   "location":{"latitude":43.2,"longitude":76.9}}]}""".formatted(METADATA)));

        // then
        assertThat(traffic.replies()).extracting(CustomerReplyEvent::text)
                .containsExactly("Вот такой чехол 👇 есть?", "[video]", "[audio]", "[location]");
        assertThat(traffic.replies()).extracting(CustomerReplyEvent::buttonId).containsOnlyNulls();
    }

    @Test
    void should_address_a_username_user_by_bsuid_without_a_phone() {
        // when
        CustomerReplyEvent event = deliverOne(Payloads.USERNAME_ONLY).replies().get(0);

        // then
        assertThat(event.from()).isNull();
        assertThat(event.fromUserId()).isEqualTo("KZ.13491208655302741918");
        assertThat(event.text()).isEqualTo("Есть в наличии?");
        assertThat(event.idempotencyKey()).isEqualTo("customer_reply:whatsapp:wamid.U-1");
    }

    @Test
    void should_keep_emoji_and_kazakh_letters_exactly() {
        // when
        CustomerReplyEvent event = deliverOne(Payloads.EMOJI_KAZAKH).replies().get(0);

        // then
        assertThat(event.text()).isEqualTo(Payloads.KAZAKH_TEXT);
        assertThat(event.from()).isEqualTo(PhoneNumber.parse("+77471234567"));
    }

    @Test
    void should_turn_statuses_into_delivery_statuses_with_our_stable_key() {
        // when
        InboundTraffic traffic = deliverOne(Payloads.STATUSES);

        // then
        assertThat(traffic.statuses()).containsExactly(
                new DeliveryStatus(SHOP, "whatsapp", "wamid.OUT-1", "msg:shop-1:order-77:upsell", DeliveryState.SENT,
                        Instant.ofEpochSecond(1789464604L), null, null, null),
                new DeliveryStatus(SHOP, "whatsapp", "wamid.OUT-1", "msg:shop-1:order-77:upsell",
                        DeliveryState.DELIVERED, Instant.ofEpochSecond(1789464610L), null, null, null),
                new DeliveryStatus(SHOP, "whatsapp", "wamid.OUT-1", "msg:shop-1:order-77:upsell", DeliveryState.READ,
                        Instant.ofEpochSecond(1789464700L), null, null, null));
        assertThat(traffic.replies()).isEmpty();
    }

    @Test
    void should_classify_a_failed_status_by_its_first_error_code() {
        // when
        DeliveryStatus status = deliverOne(Payloads.FAILED).statuses().get(0);

        // then
        assertThat(status).isEqualTo(new DeliveryStatus(SHOP, "whatsapp", "wamid.OUT-2", "msg:shop-1:order-78:review",
                DeliveryState.FAILED, Instant.ofEpochSecond(1789464800L), FailureKind.WINDOW_CLOSED, "131047",
                "Re-engagement message"));
        assertThat(status.describeError()).isEqualTo("WINDOW_CLOSED 131047 Re-engagement message");
    }

    @Test
    void should_report_marketing_stopped_for_131050_and_unknown_for_a_failure_without_errors() {
        // when
        InboundTraffic traffic = deliverOne(envelope("messages", """
                {%s,
                 "statuses":[
                  {"id":"wamid.OUT-3","status":"failed","timestamp":"1789464900","recipient_id":"79161234567",
                   "errors":[{"code":131050,"title":"User has stopped marketing messages"},{"code":131047}]},
                  {"id":"wamid.OUT-4","status":"failed","timestamp":"1789464901","recipient_id":"79161234567"}]}\
                """.formatted(METADATA)));

        // then
        assertThat(traffic.statuses()).extracting(DeliveryStatus::failure, DeliveryStatus::errorCode,
                        DeliveryStatus::stableKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(FailureKind.MARKETING_STOPPED, "131050", null),
                        org.assertj.core.groups.Tuple.tuple(FailureKind.UNKNOWN, null, null));
    }

    @ParameterizedTest(name = "failed status {0} is {1}")
    @CsvSource({
            "131047, WINDOW_CLOSED", "131056, RECIPIENT_RATE_LIMITED", "130429, SENDER_RATE_LIMITED",
            "131026, RECIPIENT_UNREACHABLE", "131050, MARKETING_STOPPED", "132001, TEMPLATE_PROBLEM",
            "132015, TEMPLATE_PROBLEM", "190, AUTHENTICATION", "368, ACCOUNT_BLOCKED", "131000, TEMPORARY"})
    void should_give_the_same_failure_kind_for_a_code_in_a_failed_status_as_in_a_send_response(int code,
            FailureKind kind) {
        // when: the error arrives the second way, in a failed status webhook
        InboundTraffic traffic = deliverOne(envelope("messages", """
                {%s,
                 "statuses":[
                  {"id":"wamid.OUT-9","status":"failed","timestamp":"1789464900","recipient_id":"79161234567",
                   "biz_opaque_callback_data":"run:r-9",
                   "errors":[{"code":%d,"title":"Error %d","error_data":{"details":"as Meta reports it"}}]}]}\
                """.formatted(METADATA, code, code)));

        // then
        assertThat(traffic.statuses()).singleElement().satisfies(status -> {
            assertThat(status.state()).isEqualTo(DeliveryState.FAILED);
            assertThat(status.failure()).isEqualTo(kind);
            assertThat(status.errorCode()).isEqualTo(String.valueOf(code));
            assertThat(status.stableKey()).isEqualTo("run:r-9");
        });
        assertThat(ErrorKind.failureKindOf(code)).as("the send response's mapping").isEqualTo(kind);
    }

    @Test
    void should_turn_marketing_stop_and_resume_into_marketing_preferences() {
        // when
        InboundTraffic traffic = deliverOne(Payloads.PREFERENCES);

        // then
        PhoneNumber customer = PhoneNumber.parse("+77071234567");
        assertThat(traffic.preferences()).containsExactly(
                new MarketingPreference(SHOP, "whatsapp", customer, true, Instant.ofEpochSecond(1789466000L)),
                new MarketingPreference(SHOP, "whatsapp", customer, false, Instant.ofEpochSecond(1789469600L)));
    }

    @Test
    void should_report_a_preference_of_a_user_known_only_by_bsuid_as_a_problem() {
        // when
        InboundTraffic traffic = deliverOne(envelope("user_preferences", """
                {%s,
                 "user_preferences":[{"wa_id":"","user_id":"KZ.13491208655302741918",
                   "category":"marketing_messages","value":"stop","timestamp":1789466000}]}""".formatted(METADATA)));

        // then
        assertThat(traffic.preferences()).isEmpty();
        assertThat(traffic.problems()).extracting(FieldError::field).containsExactly("user_preferences[0].wa_id");
        assertThat(traffic.problems().get(0).toString()).doesNotContain("13491208655302741918");
    }

    @Test
    void should_drop_items_of_an_unknown_number_with_a_problem_and_keep_the_others() {
        // given: the first change comes from a number no shop has
        String unknown = Payloads.BATCHED.replaceFirst("\"phone_number_id\":\"106540352242922\"",
                "\"phone_number_id\":\"999000111\"");

        // when
        InboundTraffic traffic;
        String logged;
        try (LogCapture log = new LogCapture()) {
            traffic = deliverOne(unknown);
            logged = log.text();
        }

        // then
        assertThat(traffic.replies()).extracting(CustomerReplyEvent::providerMessageId).containsExactly("wamid.B-4");
        assertThat(traffic.problems()).extracting(FieldError::field).containsExactly(
                "messages[0].metadata.phone_number_id", "messages[1].metadata.phone_number_id",
                "messages[2].metadata.phone_number_id");
        assertThat(traffic.problems().get(0).toString()).contains("999000111");
        assertThat(logged).contains("999000111").doesNotContain("77071234567", "79161234567", "Первое");
    }

    @Test
    void should_not_call_the_sink_when_nothing_is_left_to_hand_over() {
        // when
        WebhookResponse response = deliver(envelope("messages", """
                {%s,"statuses":[{"id":"wamid.OUT-5","status":"deleted","timestamp":"1789464900",\
                "recipient_id":"79161234567"}]}""".formatted(METADATA)));

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(received).isEmpty();
    }

    @Test
    void should_answer_500_so_that_meta_redelivers_when_the_sink_fails() {
        // given
        List<WebhookRoute> failing = channel.webhookRoutes(traffic -> {
            throw new IllegalStateException("journal is down");
        });
        byte[] body = bytes(Payloads.TEXT);
        WebhookRoute post = failing.stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow();

        // when
        WebhookResponse response = post.handle(WebhookRequest.of("POST", PATH,
                Map.of(WhatsAppSignature.HEADER, WhatsAppSignature.sign(APP_SECRET, body)), body));

        // then
        assertThat(response.status()).isEqualTo(500);
    }

    @Test
    void should_accept_a_validly_signed_delivery_and_refuse_a_tampered_one() {
        // given
        byte[] body = bytes(Payloads.TEXT);
        String signature = WhatsAppSignature.sign(APP_SECRET, body);
        byte[] tampered = bytes(Payloads.TEXT.replace("Подскажите размер", "Подскажите размеР"));

        // when
        WebhookResponse refused = route("POST").handle(WebhookRequest.of("POST", PATH,
                Map.of(WhatsAppSignature.HEADER, signature), tampered));
        WebhookResponse accepted = route("POST").handle(WebhookRequest.of("POST", PATH,
                Map.of(WhatsAppSignature.HEADER, signature), body));

        // then
        assertThat(refused.status()).isEqualTo(401);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).replies().get(0).text()).isEqualTo("Здравствуйте! Подскажите размер");
    }
}

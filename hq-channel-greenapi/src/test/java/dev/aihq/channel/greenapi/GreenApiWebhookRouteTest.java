package dev.aihq.channel.greenapi;

import static dev.aihq.channel.greenapi.Payloads.CHAT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.channel.DeliveryState;
import dev.aihq.api.channel.DeliveryStatus;
import dev.aihq.api.channel.FailureKind;
import dev.aihq.api.channel.InboundTraffic;
import dev.aihq.api.error.FieldError;
import dev.aihq.api.event.CustomerReplyEvent;
import dev.aihq.api.web.WebhookRequest;
import dev.aihq.api.web.WebhookResponse;
import dev.aihq.api.web.WebhookRoute;
import dev.aihq.testkit.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The webhook route: authentication, translation of Green-API's notifications, and what it answers. */
class GreenApiWebhookRouteTest {

    private static final long TS = 1_763_805_600L;

    private final List<InboundTraffic> received = new CopyOnWriteArrayList<>();
    private final GreenApiChannel channel = GreenApiChannel.builder(GreenApiAccounts.of(Fixtures.SHOP_ID,
            Payloads.config("https://7105.api.greenapi.com").build())).build();
    private final WebhookRoute route = channel.webhookRoutes(received::add).get(0);

    private List<CustomerReplyEvent> replies() {
        return received.stream().flatMap(t -> t.replies().stream()).toList();
    }

    private List<DeliveryStatus> statuses() {
        return received.stream().flatMap(t -> t.statuses().stream()).toList();
    }

    private List<FieldError> problems() {
        return received.stream().flatMap(t -> t.problems().stream()).toList();
    }

    @Test
    void should_mount_one_post_route_at_the_default_path_or_the_configured_one() {
        assertThat(route.method()).isEqualTo("POST");
        assertThat(route.path()).isEqualTo("/webhooks/green-api");
        GreenApiChannel custom = GreenApiChannel.builder(GreenApiAccounts.of(Map.of())).webhookPath("/hooks/green")
                .build();
        assertThat(custom.webhookRoutes(received::add)).singleElement()
                .satisfies(r -> assertThat(r.path()).isEqualTo("/hooks/green"));
    }

    @ParameterizedTest
    @ValueSource(strings = {Payloads.WEBHOOK_TOKEN, "Bearer " + Payloads.WEBHOOK_TOKEN, "bearer  " + Payloads.WEBHOOK_TOKEN})
    void should_accept_the_token_bare_or_as_bearer(String authorization) {
        // when
        WebhookResponse response = route.handle(Payloads.post(
                Payloads.incoming(CHAT, "F7AEC1B7086ECDC7E6E45923F5EDB825", TS, Payloads.textMessage("Да")), authorization));

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(replies()).hasSize(1);
    }

    @Test
    void should_answer_401_without_calling_the_sink_when_the_token_is_missing_or_wrong() {
        // given
        String body = Payloads.incoming(CHAT, "F7AEC1B7086ECDC7E6E45923F5EDB825", TS, Payloads.textMessage("Да"));

        // when
        WebhookResponse missing = route.handle(WebhookRequest.of("POST", route.path(), Map.of(),
                body.getBytes(StandardCharsets.UTF_8)));
        WebhookResponse wrong = route.handle(Payloads.post(body, "Bearer " + Payloads.WEBHOOK_TOKEN.substring(1)));
        WebhookResponse empty = route.handle(Payloads.post(body, "Bearer "));

        // then
        assertThat(missing.status()).isEqualTo(401);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(empty.status()).isEqualTo(401);
        assertThat(received).isEmpty();
    }

    @Test
    void should_translate_a_text_message_with_kazakh_letters_and_emoji() {
        // given
        String text = "Сәлеметсіз бе! Иә, қызық — ұсыныңыз 👍🏽 ғ қ ң ө ұ ү һ і";

        // when
        WebhookResponse response = route.handle(Payloads.post(
                Payloads.incoming(CHAT, "F7AEC1B7086ECDC7E6E45923F5EDB825", TS, Payloads.textMessage(text))));

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(replies()).singleElement().satisfies(reply -> {
            assertThat(reply.shopId()).isEqualTo(Fixtures.SHOP_ID);
            assertThat(reply.channel()).isEqualTo("whatsapp-green");
            assertThat(reply.from()).isEqualTo(PhoneNumber.parse("+77071234567"));
            assertThat(reply.text()).isEqualTo(text);
            assertThat(reply.providerMessageId()).isEqualTo("F7AEC1B7086ECDC7E6E45923F5EDB825");
            assertThat(reply.occurredAt()).isEqualTo(Instant.ofEpochSecond(TS));
            assertThat(reply.idempotencyKey())
                    .isEqualTo("customer_reply:whatsapp-green:F7AEC1B7086ECDC7E6E45923F5EDB825");
        });
    }

    @Test
    void should_read_the_text_of_extended_and_quoted_messages() {
        // when
        route.handle(Payloads.post(Payloads.incoming(CHAT, "ID-EXT", TS,
                Payloads.extendedTextMessage("Вот ссылка https://kaspi.kz/shop/p/123 — есть такой?"))));
        route.handle(Payloads.post(Payloads.incoming(CHAT, "ID-QUOTE", TS, Payloads.quotedMessage("Всё отлично, спасибо!"))));

        // then
        assertThat(replies()).extracting(CustomerReplyEvent::providerMessageId, CustomerReplyEvent::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ID-EXT", "Вот ссылка https://kaspi.kz/shop/p/123 — есть такой?"),
                        org.assertj.core.groups.Tuple.tuple("ID-QUOTE", "Всё отлично, спасибо!"));
    }

    @Test
    void should_ignore_group_chats_and_answer_200() {
        // when
        WebhookResponse response = route.handle(Payloads.post(Payloads.incoming("120363043968066561@g.us", "ID-GROUP", TS,
                Payloads.textMessage("Всем привет"))));

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(received).isEmpty();
    }

    @Test
    void should_ignore_other_notification_and_message_types_with_200() {
        // given
        String state = "{\"typeWebhook\":\"stateInstanceChanged\",\"instanceData\":{\"idInstance\":"
                + Payloads.INSTANCE + ",\"wid\":\"77001234567@c.us\",\"typeInstance\":\"whatsapp\"},"
                + "\"timestamp\":" + TS + ",\"stateInstance\":\"authorized\"}";
        String image = Payloads.incoming(CHAT, "ID-IMG", TS, "{\"typeMessage\":\"imageMessage\",\"fileMessageData\":"
                + "{\"downloadUrl\":\"https://example.com/1.jpg\",\"caption\":\"\",\"mimeType\":\"image/jpeg\"}}");

        // when
        WebhookResponse first = route.handle(Payloads.post(state));
        WebhookResponse second = route.handle(Payloads.post(image));

        // then
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(received).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "sent,       SENT,      null",
        "delivered,  DELIVERED, null",
        "read,       READ,      null",
        "failed,     FAILED,    UNKNOWN",
        "noAccount,  FAILED,    RECIPIENT_UNREACHABLE",
        "notInGroup, FAILED,    RECIPIENT_UNREACHABLE",
        "yellowCard, FAILED,    ACCOUNT_BLOCKED",
    })
    void should_map_each_outgoing_status(String status, DeliveryState state, FailureKind failure) {
        // when
        WebhookResponse response = route.handle(Payloads.post(Payloads.status("BAE5F4886F6F2D05", status, TS)));

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(statuses()).singleElement().satisfies(s -> {
            assertThat(s.shopId()).isEqualTo(Fixtures.SHOP_ID);
            assertThat(s.channel()).isEqualTo("whatsapp-green");
            assertThat(s.providerMessageId()).isEqualTo("BAE5F4886F6F2D05");
            assertThat(s.stableKey()).isNull();
            assertThat(s.state()).isEqualTo(state);
            assertThat(s.failure()).isEqualTo(failure);
            assertThat(s.at()).isEqualTo(Instant.ofEpochSecond(TS));
            assertThat(s.errorCode()).isEqualTo(failure == null ? null : status);
        });
    }

    @Test
    void should_report_a_malformed_notification_as_problems_with_field_paths_and_answer_200() {
        // given
        String body = Payloads.incoming("not-a-number@c.us", "", TS, Payloads.textMessage("Да"))
                .replace("\"timestamp\":" + TS, "\"timestamp\":\"" + TS + "\"");

        // when
        WebhookResponse response;
        String logged;
        try (LogCapture logs = new LogCapture()) {
            response = route.handle(Payloads.post(body));
            logged = logs.text();
        }

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(replies()).isEmpty();
        assertThat(problems()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("senderData.chatId", "idMessage", "timestamp");
        assertThat(logged).contains("could not be read", "timestamp");
    }

    @Test
    void should_report_an_unknown_status_as_a_problem() {
        // when
        WebhookResponse response = route.handle(Payloads.post(Payloads.status("BAE5F4886F6F2D05", "teleported", TS)));

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(statuses()).isEmpty();
        assertThat(problems()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("status"));
    }

    @Test
    void should_answer_200_and_drop_the_notification_when_the_instance_is_unknown() {
        // given
        String body = Payloads.status("BAE5F4886F6F2D05", "read", TS)
                .replace(String.valueOf(Payloads.INSTANCE), "9909000000");

        // when
        WebhookResponse response;
        String logged;
        try (LogCapture logs = new LogCapture()) {
            response = route.handle(Payloads.post(body));
            logged = logs.text();
        }

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(received).isEmpty();
        assertThat(logged).contains("unknown instance 9909000000");
    }

    @Test
    void should_answer_400_when_the_body_is_not_a_notification() {
        assertThat(route.handle(Payloads.post("not json")).status()).isEqualTo(400);
        assertThat(route.handle(Payloads.post("{\"typeWebhook\":\"incomingMessageReceived\"}")).status()).isEqualTo(400);
        assertThat(received).isEmpty();
    }

    @Test
    void should_answer_500_when_the_sink_throws_and_mask_the_number_in_the_log() {
        // given
        WebhookRoute failing = channel.webhookRoutes(traffic -> {
            throw new IllegalStateException("journal down while saving +77071234567");
        }).get(0);

        // when
        WebhookResponse response;
        String logged;
        try (LogCapture logs = new LogCapture()) {
            response = failing.handle(Payloads.post(Payloads.incoming(CHAT, "ID-1", TS, Payloads.textMessage("Да"))));
            logged = logs.text();
        }

        // then
        assertThat(response.status()).isEqualTo(500);
        assertThat(logged).contains("answering 500").doesNotContain("77071234567");
    }

    @Test
    void should_give_the_same_key_when_green_api_delivers_the_same_notification_again() {
        // given
        WebhookRequest request = Payloads.post(Payloads.incoming(CHAT, "ID-TWICE", TS, Payloads.textMessage("Да")));

        // when
        route.handle(request);
        route.handle(request);

        // then
        assertThat(replies()).extracting(CustomerReplyEvent::idempotencyKey).containsExactly(
                "customer_reply:whatsapp-green:ID-TWICE", "customer_reply:whatsapp-green:ID-TWICE");
    }
}

package dev.aihq.channel.whatsapp.webhook;

import static dev.aihq.channel.whatsapp.webhook.Payloads.APP_SECRET;
import static dev.aihq.channel.whatsapp.webhook.Payloads.VERIFY_TOKEN;
import static dev.aihq.channel.whatsapp.webhook.Payloads.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.web.WebhookRequest;
import dev.aihq.api.web.WebhookResponse;
import dev.aihq.api.web.WebhookRoute;
import dev.aihq.http.HqJson;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The webhook route: handshake, signature, parse and hand-over, and what it answers Meta. */
class WhatsAppWebhookRouteTest {

    private static final String PATH = "/webhooks/whatsapp";

    private final List<InboundBatch> received = new CopyOnWriteArrayList<>();
    private final WhatsAppWebhookRoute route = WhatsAppWebhookRoute.builder()
            .path(PATH)
            .verifyToken(VERIFY_TOKEN)
            .appSecret(APP_SECRET)
            .sink(received::add)
            .build();

    @Test
    void should_echo_the_challenge_as_plain_text_when_the_verify_token_matches() {
        // when
        WebhookResponse response = route.handshakeRoute().handle(get(
                "hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=" + enc(VERIFY_TOKEN)));

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo("1158201444");
        assertThat(response.headers().get("Content-Type")).startsWith("text/plain");
    }

    @Test
    void should_answer_403_when_the_verify_token_or_mode_is_wrong() {
        assertThat(route.handle(get("hub.mode=subscribe&hub.challenge=42&hub.verify_token=verify-me-pleasE"))
                .status()).isEqualTo(403);
        assertThat(route.handle(get("hub.mode=subscribe&hub.challenge=42&hub.verify_token=verify-me"))
                .status()).isEqualTo(403);
        WebhookResponse wrongMode = route.handle(get("hub.mode=unsubscribe&hub.challenge=42&hub.verify_token="
                + enc(VERIFY_TOKEN)));
        assertThat(wrongMode.status()).isEqualTo(403);
        assertThat(wrongMode.bodyText()).doesNotContain("42");
    }

    @Test
    void should_answer_400_naming_the_parameters_when_some_are_missing() {
        // when
        WebhookResponse noToken = route.handle(get("hub.mode=subscribe&hub.challenge=42"));
        WebhookResponse none = route.handle(get(null));

        // then
        assertThat(noToken.status()).isEqualTo(400);
        assertThat(noToken.bodyText()).contains("hub.verify_token").doesNotContain("hub.mode");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.bodyText()).contains("hub.mode", "hub.verify_token", "hub.challenge");
    }

    @Test
    void should_hand_the_batch_to_the_sink_and_answer_200_when_the_signature_is_valid() {
        // given
        byte[] body = bytes(Payloads.TEXT);

        // when
        WebhookResponse response = route.handle(post(body, WhatsAppSignature.sign(APP_SECRET, body)));

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).messages()).extracting(InboundMessage::id)
                .containsExactly("wamid.HBgLNzcwNzEyMzQ1NjcVAgASGBQzQUY=");
    }

    @Test
    void should_verify_and_decode_the_escaped_form_meta_signs() {
        // given: non-ASCII as \\uXXXX escapes and slashes as \\/, as Meta signs the payload
        byte[] body = bytes(Payloads.envelope("messages", """
                {"metadata":{"phone_number_id":"1065"},"messages":[{"from":"77071234567","id":"wamid.E-1",\
                "timestamp":"1789465385","type":"text","text":{"body":"\\u0421\\u04d9\\u043b\\u0435\\u043c \\ud83d\\ude42 \
                https:\\/\\/kaspi.kz\\/shop"}}]}"""));

        // when
        WebhookResponse response = route.handle(post(body, WhatsAppSignature.sign(APP_SECRET, body)));

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(received.get(0).messages().get(0).text()).contains("Сәлем 🙂 https://kaspi.kz/shop");
    }

    @Test
    void should_find_the_header_whatever_its_case() {
        // given
        byte[] body = bytes(Payloads.STATUSES);

        // when
        WebhookResponse response = route.handle(WebhookRequest.of("POST", PATH,
                Map.of("x-hub-signature-256", WhatsAppSignature.sign(APP_SECRET, body)), body));

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(received.get(0).statuses()).hasSize(3);
    }

    @Test
    void should_answer_401_without_calling_the_sink_when_one_byte_is_changed() {
        // given
        byte[] body = bytes(Payloads.TEXT);
        String header = WhatsAppSignature.sign(APP_SECRET, body);
        byte[] tampered = body.clone();
        int at = new String(body, StandardCharsets.UTF_8).indexOf("1789465385");
        tampered[at] = '2';

        // when
        WebhookResponse response = route.handle(post(tampered, header));

        // then
        assertThat(response.status()).isEqualTo(401);
        assertThat(received).isEmpty();
    }

    @Test
    void should_answer_401_when_the_body_was_re_serialised_by_jackson() throws Exception {
        // given
        byte[] body = bytes(Payloads.EMOJI_KAZAKH.replace("/", "\\/"));
        String header = WhatsAppSignature.sign(APP_SECRET, body);
        JsonNode tree = HqJson.mapper().readTree(body);
        byte[] reserialised = HqJson.mapper().writeValueAsBytes(tree);
        assertThat(HqJson.mapper().readTree(reserialised)).isEqualTo(tree);

        // when
        WebhookResponse response = route.handle(post(reserialised, header));

        // then
        assertThat(response.status()).isEqualTo(401);
        assertThat(received).isEmpty();
    }

    @Test
    void should_answer_401_when_the_header_is_missing_malformed_or_from_another_secret() {
        byte[] body = bytes(Payloads.TEXT);

        assertThat(route.handle(post(body, null)).status()).isEqualTo(401);
        assertThat(route.handle(post(body, "sha256=not-hex")).status()).isEqualTo(401);
        assertThat(route.handle(post(body, WhatsAppSignature.sign(APP_SECRET, body).substring(7))).status())
                .isEqualTo(401);
        assertThat(route.handle(post(body, WhatsAppSignature.sign("another-secret", body))).status())
                .isEqualTo(401);
        assertThat(received).isEmpty();
    }

    @Test
    void should_log_the_refusal_without_body_or_secret_when_the_signature_fails() {
        // given
        byte[] body = bytes(Payloads.TEXT);
        String wrong = WhatsAppSignature.sign("another-secret", body);

        // when
        String log;
        try (LogCapture capture = new LogCapture()) {
            route.handle(post(body, wrong));
            route.handle(post(body, null));
            log = capture.text();
        }

        // then
        assertThat(log).contains("signature does not match the body").contains("signature header missing")
                .contains(PATH).contains(body.length + " bytes");
        assertThat(log).doesNotContain(APP_SECRET).doesNotContain(wrong.substring(7)).doesNotContain("Здравствуйте")
                .doesNotContain("77071234567").doesNotContain("Айгерим");
    }

    @Test
    void should_answer_500_so_that_meta_redelivers_when_the_sink_fails() {
        // given
        WhatsAppWebhookRoute failing = WhatsAppWebhookRoute.builder().verifyToken(VERIFY_TOKEN).appSecret(APP_SECRET)
                .sink(batch -> {
                    throw new IllegalStateException("journal down while saving +77071234567");
                })
                .build();
        byte[] body = bytes(Payloads.TEXT);

        // when
        WebhookResponse response;
        String log;
        try (LogCapture capture = new LogCapture()) {
            response = failing.handle(post(body, WhatsAppSignature.sign(APP_SECRET, body)));
            log = capture.text();
        }

        // then
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.bodyText()).doesNotContain("77071234567");
        assertThat(log).contains("IllegalStateException").contains("journal down")
                .doesNotContain("77071234567").doesNotContain("Здравствуйте");
    }

    @Test
    void should_hand_over_valid_items_and_log_only_paths_when_some_items_are_malformed() {
        // given
        byte[] body = bytes(Payloads.envelope("messages", """
                {"metadata":{"phone_number_id":"1065"},"messages":[
                 {"from":"77071234567","id":"wamid.M-0","timestamp":"1789465385","type":"text","text":{"body":"Сәлем"}},
                 {"from":"+77071234567","id":"wamid.M-1","timestamp":"1789465386","type":"text","text":{"body":"x"}}]}\
                """));

        // when
        WebhookResponse response;
        String log;
        try (LogCapture capture = new LogCapture()) {
            response = route.handle(post(body, WhatsAppSignature.sign(APP_SECRET, body)));
            log = capture.text();
        }

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).messages()).extracting(InboundMessage::id).containsExactly("wamid.M-0");
        assertThat(received.get(0).problems()).hasSize(1);
        assertThat(log).contains("entry[0].changes[0].value.messages[1].from").doesNotContain("77071234567")
                .doesNotContain("Сәлем");
    }

    @Test
    void should_answer_400_when_a_signed_body_is_not_a_whatsapp_envelope() {
        // given
        byte[] body = bytes("{\"object\":\"instagram\",\"entry\":[]}");

        // when
        WebhookResponse response = route.handle(post(body, WhatsAppSignature.sign(APP_SECRET, body)));

        // then
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyText()).contains("object");
        assertThat(received).isEmpty();
    }

    @Test
    void should_answer_200_without_calling_the_sink_when_nothing_in_the_delivery_is_read() {
        // given
        byte[] body = bytes(Payloads.envelope("message_template_status_update", "{\"event\":\"APPROVED\"}"));

        // when
        WebhookResponse response = route.handle(post(body, WhatsAppSignature.sign(APP_SECRET, body)));

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(received).isEmpty();
    }

    @Test
    void should_offer_get_and_post_at_one_path_and_refuse_other_methods() {
        // when
        List<WebhookRoute> routes = route.routes();

        // then
        assertThat(routes).extracting(WebhookRoute::method).containsExactly("GET", "POST");
        assertThat(routes).extracting(WebhookRoute::path).containsOnly(PATH);
        assertThat(route.handle(WebhookRequest.of("PUT", PATH, Map.of(), new byte[0])).status()).isEqualTo(405);
        assertThat(route.toString()).doesNotContain(APP_SECRET).doesNotContain(VERIFY_TOKEN);
    }

    @Test
    void should_list_every_missing_part_when_the_builder_is_incomplete() {
        assertThatThrownBy(() -> WhatsAppWebhookRoute.builder().path("webhooks").build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("path must start with '/'")
                .hasMessageContaining("verifyToken is missing")
                .hasMessageContaining("appSecret is missing")
                .hasMessageContaining("sink");
        assertThat(WhatsAppWebhookRoute.builder().verifyToken("t").appSecret("s").sink(b -> { }).build().path())
                .isEqualTo(WhatsAppWebhookRoute.DEFAULT_PATH);
    }

    private static WebhookRequest get(String query) {
        return WebhookRequest.of("GET", query == null ? PATH : PATH + "?" + query, Map.of(), new byte[0]);
    }

    private static WebhookRequest post(byte[] body, String signature) {
        return WebhookRequest.of("POST", PATH, signature == null ? Map.of("Content-Type", "application/json")
                : Map.of("Content-Type", "application/json", WhatsAppSignature.HEADER, signature), body);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

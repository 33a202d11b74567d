package dev.aihq.agents.legal.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.agents.AiHq;
import dev.aihq.api.event.LegalEvent;
import dev.aihq.api.result.RunOutcome;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.store.RunRecord;
import dev.aihq.api.web.WebhookRequest;
import dev.aihq.api.web.WebhookResponse;
import dev.aihq.pipeline.document.InMemoryDocumentSource;
import dev.aihq.pipeline.json.SdkJson;
import dev.aihq.pipeline.memory.InMemoryStores;
import dev.aihq.pipeline.web.WebhookSecretProvider;
import dev.aihq.pipeline.web.WebhookSignature;
import dev.aihq.testkit.Fixtures;
import dev.aihq.testkit.RecordingChannel;
import dev.aihq.testkit.SettableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The legal endpoint as an HTTP caller meets it: the seed's body, and the adversarial ones, each with a clear outcome. */
class LegalFrontDoorTest {

    private static final String SECRET = "test-secret";

    private final InMemoryStores stores = InMemoryStores.create();
    private final SettableClock clock = SettableClock.at(Fixtures.NOW);
    private final InMemoryDocumentSource documents = new InMemoryDocumentSource();
    private AiHq hq;

    @BeforeEach
    void start() {
        stores.shops().save(Fixtures.kaspiShop().settings(ShopSettings.builder().build()).build());
        hq = AiHq.builder().stores(stores).channel(new RecordingChannel(clock)).documents(documents)
                .secrets(WebhookSecretProvider.of(Map.of(Fixtures.SHOP_ID, SECRET))).clock(clock).build().start();
    }

    @AfterEach
    void stop() {
        hq.close();
    }

    private WebhookResponse post(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return hq.frontDoor().handle(WebhookRequest.of("POST", "/legal-event", Map.of("Content-Type",
                "application/json", WebhookSignature.HEADER, WebhookSignature.sign(SECRET, bytes), "Prefer", "wait=10"),
                bytes));
    }

    private JsonNode assessment() throws Exception {
        assertThat(hq.legal().awaitDrained(Duration.ofSeconds(10))).isTrue();
        RunRecord run = stores.runLog().recent(Fixtures.SHOP_ID, 10).stream()
                .filter(r -> r.pipeline().equals(LegalPipelines.NAME)).findFirst().orElseThrow();
        assertThat(run.outcome()).as(run.reason()).isEqualTo(RunOutcome.COMPLETED);
        return SdkJson.mapper().readTree(run.resultJson());
    }

    @Test
    void the_seeds_body_gets_the_full_assessment_and_names_the_documents_it_could_not_find() throws Exception {
        documents.put(Fixtures.SHOP_ID, "fine_notice.pdf", "Заказ KSP-556677 передан в доставку позже срока.");

        WebhookResponse response = post("{\"shop_id\": \"kaspi_123\", \"event_type\": \"fine\", \"order_id\":"
                + " \"KSP-556677\", \"product_name\": \"Мужской шампунь\", \"fine_reason\": \"Нарушение сроков"
                + " доставки\", \"documents\": [\"fine_notice.pdf\", \"kaspi_message.txt\"]}");

        assertThat(response.status()).isEqualTo(200);
        JsonNode r = assessment();
        for (String field : new String[] {"analysis", "risk_level", "document", "recommendation", "can_contest",
                "deadline", "deadline_official", "sources"}) {
            assertThat(r.has(field)).as(field).isTrue();
        }
        assertThat(r.get("document_problems")).singleElement().satisfies(p -> {
            assertThat(p.get("name").asText()).isEqualTo("kaspi_message.txt");
            assertThat(p.get("kind").asText()).isEqualTo("NOT_FOUND");
        });
        assertThat(r.get("document").asText()).contains("fine_notice.pdf").contains("KSP-556677");
    }

    @Test
    void an_unknown_event_type_is_a_field_error() {
        WebhookResponse response = post("{\"shop_id\": \"kaspi_123\", \"event_type\": \"penalty\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyText()).contains("event_type").contains("must be one of fine");
    }

    @Test
    void a_5_mb_body_is_refused_before_parsing_and_a_5_mb_named_document_is_reported_not_read() throws Exception {
        String big = "я".repeat(5 * 1024 * 1024 / 2 + 1);
        WebhookResponse tooLarge = post("{\"shop_id\": \"kaspi_123\", \"event_type\": \"fine\", \"documents\":"
                + " [{\"name\": \"scan.txt\", \"text\": \"" + big + "\"}]}");
        documents.put(Fixtures.SHOP_ID, "scan.txt", big);

        WebhookResponse named = post("{\"shop_id\": \"kaspi_123\", \"event_type\": \"fine\", \"fine_reason\":"
                + " \"Просрочка передачи в доставку\", \"documents\": [\"scan.txt\"]}");

        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.bodyText()).contains("payload_too_large");
        assertThat(named.status()).isEqualTo(200);
        JsonNode r = assessment();
        assertThat(r.get("document_problems")).singleElement()
                .satisfies(p -> assertThat(p.get("kind").asText()).isEqualTo("TOO_LARGE"));
        assertThat(r.get("analysis").asText()).contains("scan.txt");
    }

    @Test
    void a_return_without_an_order_id_is_assessed_and_says_what_is_missing() throws Exception {
        WebhookResponse response = post("{\"shop_id\": \"kaspi_123\", \"event_type\": \"customer_dispute\","
                + " \"product_name\": \"Смартфон 128 ГБ\", \"fine_reason\": \"Покупатель требует вернуть деньги,"
                + " дефектов не заявляет\", \"dates\": {\"claim_received_at\": \"2026-03-02\"}}");

        assertThat(response.status()).isEqualTo(200);
        JsonNode r = assessment();
        assertThat(r.get("notes").toString()).contains("нет номера заказа");
        assertThat(r.get("deadline").asText()).isEqualTo("2026-03-12T23:59:59+05:00");
        assertThat(r.get("deadline_official").asBoolean()).isTrue();
    }

    @Test
    void a_redelivered_body_is_one_case() throws Exception {
        String body = "{\"shop_id\": \"kaspi_123\", \"event_type\": \"fine\", \"order_id\": \"KSP-1\","
                + " \"fine_reason\": \"Просрочка\"}";

        post(body);
        post(body);

        assessment();
        assertThat(stores.legalCases().history(Fixtures.SHOP_ID, Fixtures.NOW.minus(Duration.ofDays(1)),
                Fixtures.NOW.plus(Duration.ofDays(1)), 10)).singleElement()
                .satisfies(c -> assertThat(c.key()).startsWith(LegalEvent.TYPE_PREFIX + "fine:KSP-1:"));
    }
}

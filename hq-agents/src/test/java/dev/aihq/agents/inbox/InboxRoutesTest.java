package dev.aihq.agents.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.agents.AiHq;
import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import dev.aihq.api.event.InboxEvent;
import dev.aihq.api.event.InboxItemKind;
import dev.aihq.api.event.InboxSender;
import dev.aihq.api.inbox.Classification;
import dev.aihq.api.inbox.InboxEmotion;
import dev.aihq.api.inbox.InboxIntent;
import dev.aihq.api.inbox.InboxPriority;
import dev.aihq.api.inbox.Interaction;
import dev.aihq.api.inbox.InteractionStatus;
import dev.aihq.api.shop.LegalForm;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.shop.TaxMode;
import dev.aihq.api.web.WebhookRequest;
import dev.aihq.api.web.WebhookResponse;
import dev.aihq.pipeline.json.SdkJson;
import dev.aihq.pipeline.memory.InMemoryStores;
import dev.aihq.pipeline.web.WebhookSecretProvider;
import dev.aihq.testkit.RecordingChannel;
import dev.aihq.testkit.SettableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The inbox's people-facing API and its JSON over the front door: queue, correction, close, metrics. */
class InboxRoutesTest {

    private static final ShopId SHOP = ShopId.of("wb_shop");
    private static final String SECRET = "wb-shop-secret-0000000001";
    private static final Instant T0 = Instant.parse("2026-03-03T08:00:00Z");

    private final SettableClock clock = SettableClock.at(T0);
    private final InMemoryStores stores = InMemoryStores.create();
    private AiHq hq;

    @BeforeEach
    void start() throws InterruptedException {
        stores.shops().save(Shop.builder(SHOP, Marketplace.WILDBERRIES).name("Магазин").zone(ZoneId.of("Europe/Moscow"))
                .legalForm(LegalForm.OOO).taxMode(TaxMode.RU_USN_INCOME).build());
        hq = AiHq.builder().stores(stores).channel(new RecordingChannel(clock))
                .secrets(WebhookSecretProvider.of(Map.of(SHOP, SECRET))).clock(clock)
                .connector(new StubConnector(Marketplace.WILDBERRIES, clock)).build().start();
        for (String[] m : List.of(new String[] {"q-1", "Есть ли размер 48?"},
                new String[] {"q-2", "ЭТО ОБМАН!!! Пишу жалобу, больше никогда у вас не закажу"})) {
            hq.events().accept(InboxEvent.builder().shopId(SHOP).marketplace(Marketplace.WILDBERRIES)
                    .kind(InboxItemKind.CHAT_MESSAGE).threadId(m[0]).messageId(m[0] + "-1").sender(InboxSender.BUYER)
                    .text(m[1]).occurredAt(T0).build());
        }
        assertThat(hq.inbox().awaitDrained(Duration.ofSeconds(10))).isTrue();
    }

    @AfterEach
    void stop() {
        hq.close();
    }

    private WebhookResponse get(String pathAndQuery, String secret) {
        int q = pathAndQuery.indexOf('?');
        return hq.frontDoor().handle(new WebhookRequest("GET", pathAndQuery.substring(0, q),
                pathAndQuery.substring(q + 1), Map.of("Authorization", List.of("Bearer " + secret)), new byte[0],
                "127.0.0.1"));
    }

    private static JsonNode json(WebhookResponse response) throws Exception {
        return SdkJson.mapper().readTree(new String(response.body(), StandardCharsets.UTF_8));
    }

    @Test
    void should_list_the_queue_by_deadline_and_let_a_person_correct_and_close() throws Exception {
        Inbox inbox = hq.unifiedInbox();

        List<Interaction> queue = inbox.queue(SHOP, 10);
        Interaction corrected = inbox.correct(SHOP, queue.get(1).id(), Classification.byHuman(InboxIntent.SIZING,
                InboxEmotion.NEUTRAL, InboxPriority.NORMAL));
        Interaction closed = inbox.close(SHOP, queue.get(0).id());
        JsonNode served = json(get("/inbox/queue?shop_id=wb_shop&limit=10", SECRET));

        // the critical message (1 h) comes before the question (4 h)
        assertThat(queue).extracting(Interaction::threadId).containsExactly("q-2", "q-1");
        assertThat(corrected.slaDeadline()).isEqualTo(T0.plus(Duration.ofHours(24)));
        assertThat(corrected.effectiveClassification().intent()).isEqualTo(InboxIntent.SIZING);
        assertThat(closed.status()).isEqualTo(InteractionStatus.CLOSED);
        assertThat(inbox.queue(SHOP, 10)).extracting(Interaction::threadId).containsExactly("q-1");
        assertThat(served.path("queue")).hasSize(1);
        assertThat(served.path("queue").get(0).path("intent").asText()).isEqualTo("sizing");
        assertThat(served.path("queue").get(0).path("classified_by").asText()).isEqualTo("human");
    }

    @Test
    void should_serve_the_metrics_as_json_to_the_shop_only() throws Exception {
        hq.unifiedInbox().correct(SHOP, "wildberries:chat_message:q-1", Classification.byHuman(
                InboxIntent.AVAILABILITY, InboxEmotion.NEUTRAL, InboxPriority.HIGH));

        WebhookResponse ok = get("/inbox/metrics?shop_id=wb_shop&from=2026-03-01&to=2026-03-31", SECRET);
        WebhookResponse wrongSecret = get("/inbox/metrics?shop_id=wb_shop&from=2026-03-01&to=2026-03-31",
                "not-the-secret-0000000");
        WebhookResponse badDate = get("/inbox/metrics?shop_id=wb_shop&from=March&to=2026-03-31", SECRET);
        WebhookResponse unknown = get("/inbox/metrics?shop_id=other&from=2026-03-01&to=2026-03-31", SECRET);

        assertThat(ok.status()).isEqualTo(200);
        JsonNode metrics = json(ok);
        assertThat(metrics.path("interactions").asInt()).isEqualTo(2);
        assertThat(metrics.path("classification_accuracy").path("reviewed").asInt()).isEqualTo(1);
        assertThat(metrics.path("sla_compliance").path("pending").asInt()).isEqualTo(2);
        assertThat(metrics.path("response_time").path("median_seconds").isNull()).isTrue();
        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(json(badDate).path("message").asText()).contains("from and to must be dates");
        assertThat(unknown.status()).isEqualTo(404);
    }
}

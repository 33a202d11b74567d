package dev.aihq.connectors.ozon.push;

import static dev.aihq.connectors.ozon.push.Pushes.OZON_ADDRESS;
import static dev.aihq.connectors.ozon.push.Pushes.payload;
import static dev.aihq.connectors.ozon.push.Pushes.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.agents.AiHq;
import dev.aihq.api.Marketplace;
import dev.aihq.api.Money;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.api.shop.LegalForm;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.shop.TaxMode;
import dev.aihq.api.store.Product;
import dev.aihq.api.web.WebhookResponse;
import dev.aihq.connectors.ozon.OzonClient;
import dev.aihq.connectors.ozon.OzonConfig;
import dev.aihq.connectors.ozon.OzonConnector;
import dev.aihq.connectors.ozon.OzonCredentials;
import dev.aihq.connectors.ozon.OzonCredentialsProvider;
import dev.aihq.connectors.ozon.OzonSubscription;
import dev.aihq.pipeline.memory.InMemoryStores;
import dev.aihq.pipeline.web.WebhookSecretProvider;
import dev.aihq.testkit.RecordingChannel;
import dev.aihq.testkit.SettableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The README's wiring: the push route mounted on AiHq's front door, journaling into AiHq's own pipelines. */
class OzonPushOnAiHqTest {

    private static final ShopId SHOP = ShopId.of("ozon_shop_1");
    private static final String SECRET = "k7Qz-2vR9_xLmP4sTw8Yb3Nc";

    @Test
    void a_new_posting_pushed_to_aihq_is_journaled_once_in_its_purchase_pipeline() throws InterruptedException {
        // given
        InMemoryStores stores = InMemoryStores.create();
        stores.shops().save(Shop.builder(SHOP, Marketplace.OZON).name("Ozon shop").legalForm(LegalForm.OOO)
                .taxMode(TaxMode.RU_USN_INCOME).build());
        stores.catalog().save(new Product(SHOP, Sku.of("PHN-A55"), "Смартфон A55", "Смартфоны",
                Money.of(new BigDecimal("25990"), Money.RUB), null, 10, true));
        SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T11:00:00Z"));
        AtomicReference<AiHq> hq = new AtomicReference<>();
        OzonPushRoute push = OzonPushRoute.builder()
                .secrets(OzonPushSecrets.of(Map.of(SHOP, SECRET)))
                .lazySink(() -> hq.get() == null ? null : hq.get().events())
                .catalog(stores.catalog()).purchases(stores.purchases()).clock(clock)
                .build();
        AiHq.Builder builder = AiHq.builder().stores(stores).channel(new RecordingChannel(clock))
                .secrets(WebhookSecretProvider.of(Map.of())).clock(clock);
        push.perShopRoutes().forEach(builder::route);
        hq.set(builder.build().start());
        try {
            // when: Ozon checks the URL, then pushes the same new posting twice
            WebhookResponse ping = hq.get().frontDoor().handle(post("/ozon/push/" + SECRET, payload("TYPE_PING"),
                    OZON_ADDRESS));
            WebhookResponse first = hq.get().frontDoor().handle(post("/ozon/push/" + SECRET,
                    payload("TYPE_NEW_POSTING"), OZON_ADDRESS));
            WebhookResponse again = hq.get().frontDoor().handle(post("/ozon/push/" + SECRET,
                    payload("TYPE_NEW_POSTING"), OZON_ADDRESS));

            // then
            assertThat(ping.status()).isEqualTo(200);
            assertThat(first.status()).isEqualTo(200);
            assertThat(again.status()).isEqualTo(200);
            assertThat(hq.get().purchases().awaitDrained(Duration.ofSeconds(10))).isTrue();
            assertThat(stores.journal().find(SHOP, "purchase:24219509-0020-1:order_accepted")).isPresent();
            assertThat(stores.runLog().recent(SHOP, 10)).filteredOn(r -> r.pipeline().equals("sales.purchase"))
                    .hasSize(1);
        } finally {
            hq.get().close();
        }
    }

    @Test
    void a_connector_built_with_the_push_route_mounts_its_shop_routes_on_aihq() throws InterruptedException {
        // given
        InMemoryStores stores = InMemoryStores.create();
        stores.shops().save(Shop.builder(SHOP, Marketplace.OZON).name("Ozon shop").legalForm(LegalForm.OOO)
                .taxMode(TaxMode.RU_USN_INCOME).build());
        stores.catalog().save(new Product(SHOP, Sku.of("PHN-A55"), "Смартфон A55", "Смартфоны",
                Money.of(new BigDecimal("25990"), Money.RUB), null, 10, true));
        SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T11:00:00Z"));
        AtomicReference<AiHq> hq = new AtomicReference<>();
        OzonPushRoute push = OzonPushRoute.builder()
                .secrets(OzonPushSecrets.of(Map.of(SHOP, SECRET)))
                .lazySink(() -> hq.get() == null ? null : hq.get().events())
                .catalog(stores.catalog()).purchases(stores.purchases()).clock(clock)
                .build();
        OzonClient client = OzonClient.builder(OzonConfig.builder().baseUrl("http://localhost:9").build(),
                OzonCredentialsProvider.of(SHOP, OzonCredentials.of("123456", "ozon-api-key-0000"),
                        OzonSubscription.STANDARD)).clock(clock).build();
        hq.set(AiHq.builder().stores(stores).channel(new RecordingChannel(clock))
                .secrets(WebhookSecretProvider.of(Map.of())).clock(clock)
                .connector(OzonConnector.builder(client).push(push).build())
                .build().start());
        try {
            // when
            WebhookResponse pushed = hq.get().frontDoor().handle(post("/ozon/push/" + SECRET,
                    payload("TYPE_NEW_POSTING"), OZON_ADDRESS));
            WebhookResponse unknownPath = hq.get().frontDoor().handle(post("/ozon/push/not-the-secret-0000000",
                    payload("TYPE_NEW_POSTING"), OZON_ADDRESS));

            // then
            assertThat(pushed.status()).isEqualTo(200);
            assertThat(unknownPath.status()).isEqualTo(404);
            assertThat(hq.get().purchases().awaitDrained(Duration.ofSeconds(10))).isTrue();
            assertThat(stores.journal().find(SHOP, "purchase:24219509-0020-1:order_accepted")).isPresent();
        } finally {
            hq.get().close();
        }
    }
}

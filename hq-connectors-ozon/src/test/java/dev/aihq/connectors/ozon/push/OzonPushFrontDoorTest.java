package dev.aihq.connectors.ozon.push;

import static dev.aihq.connectors.ozon.push.Pushes.OZON_ADDRESS;
import static dev.aihq.connectors.ozon.push.Pushes.payload;
import static dev.aihq.connectors.ozon.push.Pushes.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.Money;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.store.Product;
import dev.aihq.api.web.WebhookResponse;
import dev.aihq.pipeline.memory.InMemoryStores;
import dev.aihq.pipeline.web.WebhookFrontDoor;
import dev.aihq.pipeline.web.WebhookSecretProvider;
import dev.aihq.testkit.RecordingEventSink;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-shop routes mounted on the SDK's front door, which matches exact paths. */
class OzonPushFrontDoorTest {

    private static final ShopId SHOP = ShopId.of("ozon_shop_1");
    private static final String SECRET = "k7Qz-2vR9_xLmP4sTw8Yb3Nc";

    @Test
    void theFrontDoorHandsEachShopsSecretPathToTheRoute() {
        RecordingEventSink sink = new RecordingEventSink();
        InMemoryStores stores = InMemoryStores.create();
        stores.catalog().save(new Product(SHOP, Sku.of("PHN-A55"), "Смартфон A55", "Смартфоны",
                Money.of(new BigDecimal("25990"), Money.RUB), null, 10, true));
        OzonPushRoute route = OzonPushRoute.builder().secrets(OzonPushSecrets.of(Map.of(SHOP, SECRET))).sink(sink)
                .catalog(stores.catalog()).build();
        WebhookFrontDoor frontDoor = WebhookFrontDoor.builder().shops(stores.shops()).runLog(stores.runLog())
                .secrets(WebhookSecretProvider.of(Map.of())).routes(route.perShopRoutes()).build();

        WebhookResponse ping = frontDoor.handle(post("/ozon/push/" + SECRET, payload("TYPE_PING"), OZON_ADDRESS));
        WebhookResponse posting = frontDoor.handle(post("/ozon/push/" + SECRET, payload("TYPE_NEW_POSTING"),
                OZON_ADDRESS));
        WebhookResponse guessed = frontDoor.handle(post("/ozon/push/" + "z".repeat(24), payload("TYPE_PING"),
                OZON_ADDRESS));

        assertThat(ping.status()).isEqualTo(200);
        assertThat(ping.bodyText()).startsWith("{\"version\":");
        assertThat(posting.status()).isEqualTo(200);
        assertThat(posting.bodyText()).isEqualTo("{\"result\":true}");
        assertThat(sink.events(PurchaseEvent.class)).hasSize(1);
        assertThat(guessed.status()).as("an unknown secret path is not mounted at all").isEqualTo(404);
    }
}

package dev.aihq.agents.sales;

import dev.aihq.api.OrderId;
import dev.aihq.api.Sku;
import dev.aihq.api.connector.MarketplaceConnector;
import dev.aihq.api.event.CustomerReplyEvent;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.event.PurchaseItem;
import dev.aihq.api.event.PurchaseTrigger;
import dev.aihq.api.result.SalesOffer;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.store.ConsentEvent;
import dev.aihq.api.store.Product;
import dev.aihq.api.store.RunRecord;
import dev.aihq.pipeline.AgentPipeline;
import dev.aihq.pipeline.memory.InMemoryStores;
import dev.aihq.testkit.DemoCatalog;
import dev.aihq.testkit.Fixtures;
import dev.aihq.testkit.RecordingChannel;
import dev.aihq.testkit.SettableClock;
import dev.langchain4j.model.chat.ChatModel;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.annotation.Nullable;

/**
 * One shop on the demo catalog with in-memory stores, a recording channel, a settable clock and the
 * {@code sales.purchase} pipeline (consent-first, the customer's consent granted beforehand), for the
 * end-to-end sales tests of this package.
 */
final class SalesWorld implements AutoCloseable {

    /** The shampoo the customer buys. */
    static final Sku SHAMPOO = Sku.of("SH-HS-MEN-400");
    static final Locale RUSSIAN = Locale.forLanguageTag("ru-KZ");
    static final Locale KAZAKH = Locale.forLanguageTag("kk-KZ");

    final InMemoryStores stores = InMemoryStores.create();
    /** The waits the model agents asked for between retries. */
    final List<java.time.Duration> waits = new java.util.concurrent.CopyOnWriteArrayList<>();
    final SettableClock clock;
    final RecordingChannel channel;
    final Shop shop;
    final AgentPipeline<PurchaseEvent, PurchaseContext, SalesOffer> purchases;
    /** The {@code sales.reply} pipeline on the same stores and model. */
    final AgentPipeline<CustomerReplyEvent, ReplyContext, SalesOffer> replies;

    SalesWorld(Locale locale, ShopSettings settings, @Nullable ChatModel model, Instant now) {
        this(locale, settings, model, now, List.of());
    }

    /** The same world with marketplace connectors given to the pipelines (their messaging rules). */
    SalesWorld(Locale locale, ShopSettings settings, @Nullable ChatModel model, Instant now,
            List<MarketplaceConnector> connectors) {
        clock = SettableClock.at(now);
        channel = new RecordingChannel(clock);
        shop = Fixtures.kaspiShop().locale(locale).settings(settings).build();
        stores.shops().save(shop);
        DemoCatalog.products(Fixtures.SHOP_ID).forEach(stores.catalog()::save);
        stores.consents().apply(Fixtures.SHOP_ID, Fixtures.CUSTOMER, ConsentEvent.GRANTED, now.minusSeconds(3600),
                "checkout");
        SalesPipelines.Builder builder = SalesPipelines.builder().shops(stores.shops()).journal(stores.journal())
                .runLog(stores.runLog()).purchases(stores.purchases()).catalog(stores.catalog())
                .outbox(stores.outbox()).tokenUsage(stores.tokenUsage()).channel(channel).chatModel(model)
                .consents(stores.consents()).conversations(stores.conversations()).clock(clock)
                .executor(Runnable::run)
                // Retries are counted, not waited for: the backoff itself is ModelAgentRetryTest's.
                .modelSleeper(wait -> waits.add(wait));
        connectors.forEach(builder::connector);
        SalesPipelines pipelines = builder.build();
        purchases = pipelines.purchase();
        purchases.start();
        replies = pipelines.reply();
        replies.start();
    }

    /** The customer writes to the shop, now. */
    RunRecord customerWrites(String text) {
        return replies.run(CustomerReplyEvent.of(Fixtures.SHOP_ID, "whatsapp", Fixtures.CUSTOMER, text,
                "wamid.in." + Math.abs(text.hashCode()), clock.instant()));
    }

    /** The demo catalog's settings with no send delay, no quiet hours and no frequency cap. */
    static ShopSettings immediateSettings() {
        return DemoCatalog.shopSettings().toBuilder().sendDelay(java.time.Duration.ZERO).quietHours(null)
                .frequencyCap(null).build();
    }

    /** Buys the shampoo under an order number, now. */
    RunRecord buyShampoo(String order) {
        return purchases.run(shampooPurchase(order, clock.instant()));
    }

    /** An accepted order of one shampoo. */
    PurchaseEvent shampooPurchase(String order, Instant at) {
        Product shampoo = stores.catalog().find(Fixtures.SHOP_ID, SHAMPOO).orElseThrow();
        return PurchaseEvent.builder().shopId(Fixtures.SHOP_ID).orderId(OrderId.of(order))
                .item(new PurchaseItem(shampoo.sku(), shampoo.name(), shampoo.price(), 1))
                .customer(Fixtures.CUSTOMER).occurredAt(at).trigger(PurchaseTrigger.ORDER_ACCEPTED).build();
    }

    /** The delivery of that order. */
    PurchaseEvent shampooDelivered(String order, Instant at) {
        return shampooPurchase(order, at).toBuilder().trigger(PurchaseTrigger.ORDER_DELIVERED).idempotencyKey(null)
                .build();
    }

    @Override
    public void close() {
        replies.close();
        purchases.close();
    }
}

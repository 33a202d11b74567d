package dev.aihq.agents.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.Money;
import dev.aihq.api.Sku;
import dev.aihq.api.channel.InboundTraffic;
import dev.aihq.api.event.CustomerReplyEvent;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.result.SalesOffer;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.store.OutboxMessage;
import dev.aihq.api.store.OutboxStatus;
import dev.aihq.api.store.Product;
import dev.aihq.pipeline.AgentPipeline;
import dev.aihq.pipeline.delivery.OutboxDispatcher;
import dev.aihq.pipeline.inbound.ChannelTrafficRecorder;
import dev.aihq.pipeline.memory.InMemoryStores;
import dev.aihq.testkit.Fixtures;
import dev.aihq.testkit.RecordingChannel;
import dev.aihq.testkit.SettableClock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An offer released days later by the customer's "yes" is checked again against stock and prices. */
class OfferRecheckTest {

    private static final Sku OFFERED = Sku.of("ACC-GLASS-A55");

    private final InMemoryStores stores = InMemoryStores.create();
    private final SettableClock clock = SettableClock.at(Fixtures.NOW);
    private final RecordingChannel channel = new RecordingChannel(clock);
    private AgentPipeline<PurchaseEvent, PurchaseContext, SalesOffer> pipeline;
    private OutboxDispatcher dispatcher;
    private ChannelTrafficRecorder inbound;

    @BeforeEach
    void setUp() {
        stores.shops().save(Fixtures.kaspiShop().settings(ShopSettings.builder().sendDelay(Duration.ZERO)
                .quietHours(null).frequencyCap(null).build()).build());
        Fixtures.catalog(Fixtures.SHOP_ID).forEach(stores.catalog()::save);
        pipeline = SalesPipelines.builder().shops(stores.shops()).journal(stores.journal()).runLog(stores.runLog())
                .purchases(stores.purchases()).catalog(stores.catalog()).outbox(stores.outbox())
                .tokenUsage(stores.tokenUsage()).channel(channel).chatModel(null).clock(clock)
                .executor(Runnable::run).consents(stores.consents()).build().purchase();
        pipeline.start();
        dispatcher = OutboxDispatcher.builder().outbox(stores.outbox()).channel(channel).clock(clock)
                .consents(stores.consents()).sendCheck(new OfferRecheck(stores.runLog(), stores.catalog())).build();
        inbound = ChannelTrafficRecorder.builder().outbox(stores.outbox()).consents(stores.consents())
                .replies(reply -> { }).clock(clock).build();
        // the offer waits for consent; the question went
        pipeline.run(Fixtures.purchaseEvent());
        assertThat(channel.sent()).hasSize(1);
    }

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void should_send_the_released_offer_when_stock_and_price_still_hold() {
        // when the customer says yes three days later
        clock.advance(Duration.ofDays(3));
        sayYes();

        // then
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        assertThat(channel.sent()).hasSize(2);
        assertThat(channel.sent().get(1).text()).contains("2 490 ₸");
    }

    @Test
    void should_give_up_the_released_offer_when_its_product_ran_out_meanwhile() {
        // given
        change(p -> new Product(p.shopId(), p.sku(), p.name(), p.category(), p.price(), p.costPrice(), 0, true));
        clock.advance(Duration.ofDays(3));

        // when
        sayYes();

        // then
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(channel.sent()).hasSize(1);
        assertThat(offer().status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(offer().lastError()).isEqualTo("not sent: offered product " + OFFERED
                + " is no longer available (inactive or out of stock)");
    }

    @Test
    void should_give_up_the_released_offer_when_its_price_changed_meanwhile() {
        // given
        change(p -> new Product(p.shopId(), p.sku(), p.name(), p.category(), Money.kzt(2990), p.costPrice(),
                p.stock(), true));
        clock.advance(Duration.ofDays(3));

        // when
        sayYes();

        // then
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(offer().lastError()).isEqualTo("not sent: the price of offered product " + OFFERED
                + " is now 2 990 ₸, not the one the message states");
    }

    private OutboxMessage offer() {
        return stores.outbox().list(Fixtures.SHOP_ID, EnumSet.allOf(OutboxStatus.class), 10).stream()
                .filter(m -> m.stableKey().startsWith("run:")).findFirst().orElseThrow();
    }

    private void change(UnaryOperator<Product> change) {
        stores.catalog().save(change.apply(stores.catalog().find(Fixtures.SHOP_ID, OFFERED).orElseThrow()));
    }

    private void sayYes() {
        inbound.receive(new InboundTraffic(List.of(new CustomerReplyEvent(Fixtures.SHOP_ID, channel.name(),
                Fixtures.CUSTOMER, null, "Иә / Да", "consent:yes", "in-1", clock.instant(),
                CustomerReplyEvent.keyFor(channel.name(), "in-1"))), List.of(), List.of(), List.of()));
    }
}

package dev.aihq.agents.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.aihq.api.Money;
import dev.aihq.api.OrderId;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.event.PurchaseTrigger;
import dev.aihq.api.result.RunOutcome;
import dev.aihq.api.result.SalesOffer;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.store.LedgerEntry;
import dev.aihq.api.store.LedgerEntryKind;
import dev.aihq.api.store.LedgerTotal;
import dev.aihq.api.store.Product;
import dev.aihq.api.store.RunRecord;
import dev.aihq.pipeline.AgentPipeline;
import dev.aihq.pipeline.Submission;
import dev.aihq.pipeline.memory.InMemoryLedgerStore;
import dev.aihq.pipeline.memory.InMemoryStores;
import dev.aihq.testkit.Fixtures;
import dev.aihq.testkit.ForwardingLedgerStore;
import dev.aihq.testkit.RecordingChannel;
import dev.aihq.testkit.SettableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The purchase pipeline's ledger step on the in-memory stores: a purchase records one sale per product once,
 * however often its order comes; a return or cancellation reverses the recorded sales at its own time, once
 * per order and product, and an order never recorded reverses nothing.
 */
class SalesLedgerTest {

    private static final Instant MARCH = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant APRIL = Instant.parse("2026-04-01T00:00:00Z");
    private static final Instant MAY = Instant.parse("2026-05-01T00:00:00Z");
    private static final String ORDER = "512345678";

    private final InMemoryStores stores = InMemoryStores.create();
    private final CountingLedger ledger = new CountingLedger(stores.ledger());
    private final SettableClock clock = SettableClock.at(Fixtures.NOW);
    private final RecordingChannel channel = new RecordingChannel(clock);
    private final List<AgentPipeline<?, ?, ?>> started = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        started.forEach(AgentPipeline::close);
    }

    @Test
    void should_record_one_sale_per_product_with_its_lines_summed_when_a_purchase_is_journaled() {
        // given: two lines of the smartphone and one case
        givenShop();
        List<Product> catalog = Fixtures.catalog(Fixtures.SHOP_ID);
        PurchaseEvent event = Fixtures.purchaseEvent().toBuilder().idempotencyKey(null).items(List.of(
                Fixtures.item(catalog.get(0), 1), Fixtures.item(catalog.get(2), 1), Fixtures.item(catalog.get(0), 2)))
                .build();

        // when
        RunRecord run = purchasePipeline().run(event);

        // then
        assertThat(run.outcome()).isEqualTo(RunOutcome.SENT);
        assertThat(stores.ledger().entries(Fixtures.SHOP_ID, MARCH, APRIL, 10)).containsExactly(
                new LedgerEntry(Fixtures.SHOP_ID, "sale:512345678:ACC-CASE-A55", LedgerEntryKind.SALE, Fixtures.NOW,
                        Fixtures.PHONE_CASE, OrderId.of(ORDER), BigDecimal.ONE, Money.kzt(4_990), "purchase-event"),
                new LedgerEntry(Fixtures.SHOP_ID, "sale:512345678:PHN-A55-256", LedgerEntryKind.SALE, Fixtures.NOW,
                        Fixtures.SMARTPHONE, OrderId.of(ORDER), BigDecimal.valueOf(3), Money.kzt(569_970),
                        "purchase-event"));
    }

    @Test
    void should_record_the_sales_once_when_the_event_is_redelivered_and_the_order_comes_again_delivered() {
        // given
        givenShop();
        AgentPipeline<PurchaseEvent, PurchaseContext, SalesOffer> pipeline = purchasePipeline();
        PurchaseEvent accepted = Fixtures.purchaseEvent();
        pipeline.run(accepted);
        clock.advance(Duration.ofDays(2));

        // when
        Submission redelivered = pipeline.submit(accepted);
        RunRecord delivered = pipeline.run(accepted.toBuilder().idempotencyKey(null)
                .trigger(PurchaseTrigger.ORDER_DELIVERED).occurredAt(clock.instant()).build());

        // then
        assertThat(redelivered.kind()).isEqualTo(Submission.Kind.DUPLICATE);
        assertThat(delivered.outcome()).isNotEqualTo(RunOutcome.FAILED);
        assertThat(stores.ledger().entries(Fixtures.SHOP_ID, MARCH, APRIL, 10))
                .extracting(LedgerEntry::key, LedgerEntry::occurredAt).containsExactly(
                        tuple("sale:512345678:ACC-CASE-A55", Fixtures.NOW),
                        tuple("sale:512345678:PHN-A55-256", Fixtures.NOW));
        assertThat(stores.ledger().totals(Fixtures.SHOP_ID, MARCH, APRIL)).allSatisfy(
                total -> assertThat(total.entries()).isEqualTo(1));
    }

    @Test
    void should_record_the_sales_once_when_a_lost_run_is_resumed() {
        // given: instance A journaled the purchase and recorded its sales, then died before running the rest
        givenShop();
        Executor lost = task -> { };
        AgentPipeline<PurchaseEvent, PurchaseContext, SalesOffer> instanceA = pipelines(lost).purchase();
        instanceA.start();
        Submission accepted = instanceA.submit(Fixtures.purchaseEvent());
        instanceA.stop();
        assertThat(accepted.kind()).isEqualTo(Submission.Kind.ACCEPTED);
        clock.advance(Duration.ofMinutes(11));
        AgentPipeline<PurchaseEvent, PurchaseContext, SalesOffer> instanceB = purchasePipeline();

        // when
        int resumed = instanceB.resumeExpired();

        // then: the journal stage ran again and wrote the ledger again, which kept the first entries
        assertThat(resumed).isEqualTo(1);
        assertThat(ledger.recordAllCalls).hasValue(2);
        assertThat(stores.runLog().find(Fixtures.SHOP_ID, accepted.runId())).map(RunRecord::outcome)
                .contains(RunOutcome.SENT);
        assertThat(stores.ledger().totals(Fixtures.SHOP_ID, MARCH, APRIL)).extracting(LedgerTotal::entries)
                .containsExactly(1L, 1L);
    }

    @Test
    void should_record_the_return_in_the_month_it_happened_when_the_order_comes_back_later() {
        // given: bought in March
        givenShop();
        AgentPipeline<PurchaseEvent, PurchaseContext, SalesOffer> pipeline = purchasePipeline();
        pipeline.run(Fixtures.purchaseEvent());
        Instant returnedAt = Instant.parse("2026-04-03T09:30:00.123456Z");
        clock.set(returnedAt);

        // when: returned in April
        RunRecord run = pipeline.run(withdrawal(PurchaseTrigger.ORDER_RETURNED, returnedAt));

        // then: March keeps its sales, April has the return of each product
        assertThat(run.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(stores.ledger().totals(Fixtures.SHOP_ID, MARCH, APRIL)).extracting(LedgerTotal::kind)
                .containsOnly(LedgerEntryKind.SALE);
        assertThat(stores.ledger().entries(Fixtures.SHOP_ID, APRIL, MAY, 10)).containsExactly(
                new LedgerEntry(Fixtures.SHOP_ID, "return:512345678:ACC-CASE-A55", LedgerEntryKind.RETURN, returnedAt,
                        Fixtures.PHONE_CASE, OrderId.of(ORDER), BigDecimal.ONE, Money.kzt(4_990), "purchase-event"),
                new LedgerEntry(Fixtures.SHOP_ID, "return:512345678:PHN-A55-256", LedgerEntryKind.RETURN, returnedAt,
                        Fixtures.SMARTPHONE, OrderId.of(ORDER), BigDecimal.ONE, Money.kzt(189_990), "purchase-event"));
    }

    @Test
    void should_reverse_the_recorded_sales_when_the_order_is_cancelled() {
        // given
        givenShop();
        AgentPipeline<PurchaseEvent, PurchaseContext, SalesOffer> pipeline = purchasePipeline();
        pipeline.run(Fixtures.purchaseEvent());
        clock.advance(Duration.ofHours(2));

        // when
        pipeline.run(withdrawal(PurchaseTrigger.ORDER_CANCELLED, clock.instant()));

        // then
        assertThat(stores.ledger().totals(Fixtures.SHOP_ID, MARCH, APRIL))
                .extracting(t -> t.sku().value() + " " + t.kind() + " " + t.amount().toPlainString())
                .containsExactly("ACC-CASE-A55 SALE 4990.00", "ACC-CASE-A55 CANCELLATION 4990.00",
                        "PHN-A55-256 SALE 189990.00", "PHN-A55-256 CANCELLATION 189990.00");
        assertThat(stores.ledger().find(Fixtures.SHOP_ID, "cancel:512345678:PHN-A55-256"))
                .hasValueSatisfying(e -> assertThat(e.occurredAt()).isEqualTo(clock.instant()));
    }

    @Test
    void should_write_nothing_when_an_order_never_recorded_is_cancelled() {
        // given: the order was never seen, and another order was saved before the ledger was configured
        givenShop();
        stores.purchases().save(Fixtures.purchase(Fixtures.SHOP_ID, "500000001", Fixtures.CUSTOMER, Fixtures.NOW));
        AgentPipeline<PurchaseEvent, PurchaseContext, SalesOffer> pipeline = purchasePipeline();

        // when
        RunRecord neverSeen = pipeline.run(withdrawal(PurchaseTrigger.ORDER_CANCELLED, clock.instant()));
        RunRecord neverRecorded = pipeline.run(Fixtures.purchaseEvent(Fixtures.SHOP_ID, "500000001",
                Fixtures.CUSTOMER, clock.instant()).toBuilder().idempotencyKey(null)
                .trigger(PurchaseTrigger.ORDER_CANCELLED).build());

        // then
        assertThat(neverSeen.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(neverRecorded.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(stores.ledger().entries(Fixtures.SHOP_ID, Instant.EPOCH, MAY, 10)).isEmpty();
    }

    @Test
    void should_reverse_once_when_a_cancelled_order_is_returned_too() {
        // given: bought, then cancelled
        givenShop();
        AgentPipeline<PurchaseEvent, PurchaseContext, SalesOffer> pipeline = purchasePipeline();
        pipeline.run(Fixtures.purchaseEvent());
        clock.advance(Duration.ofHours(1));
        pipeline.run(withdrawal(PurchaseTrigger.ORDER_CANCELLED, clock.instant()));
        clock.advance(Duration.ofDays(3));

        // when: the marketplace reports it returned as well, twice
        pipeline.run(withdrawal(PurchaseTrigger.ORDER_RETURNED, clock.instant()));
        pipeline.run(withdrawal(PurchaseTrigger.ORDER_RETURNED, clock.instant()).toBuilder()
                .idempotencyKey("kaspi:return:again").build());

        // then: one reversal per product, the cancellation
        assertThat(stores.ledger().entries(Fixtures.SHOP_ID, MARCH, APRIL, 10)).extracting(LedgerEntry::kind)
                .containsExactly(LedgerEntryKind.SALE, LedgerEntryKind.SALE, LedgerEntryKind.CANCELLATION,
                        LedgerEntryKind.CANCELLATION);
        assertThat(stores.ledger().find(Fixtures.SHOP_ID, "return:512345678:PHN-A55-256")).isEmpty();
    }

    private PurchaseEvent withdrawal(PurchaseTrigger trigger, Instant at) {
        return Fixtures.purchaseEvent().toBuilder().idempotencyKey(null).trigger(trigger).occurredAt(at).build();
    }

    private void givenShop() {
        stores.shops().save(Fixtures.kaspiShop().settings(ShopSettings.builder()
                .sendDelay(Duration.ZERO)
                .quietHours(null)
                .frequencyCap(null)
                .build()).build());
        Fixtures.catalog(Fixtures.SHOP_ID).forEach(stores.catalog()::save);
    }

    private AgentPipeline<PurchaseEvent, PurchaseContext, SalesOffer> purchasePipeline() {
        return start(pipelines(Runnable::run).purchase());
    }

    private SalesPipelines pipelines(Executor executor) {
        return SalesPipelines.builder()
                .shops(stores.shops())
                .journal(stores.journal())
                .runLog(stores.runLog())
                .purchases(stores.purchases())
                .catalog(stores.catalog())
                .outbox(stores.outbox())
                .tokenUsage(stores.tokenUsage())
                .ledger(ledger)
                .channel(channel)
                .clock(clock)
                .executor(executor)
                .recoveryInterval(Duration.ZERO)
                .build();
    }

    private <P extends AgentPipeline<?, ?, ?>> P start(P pipeline) {
        pipeline.start();
        started.add(pipeline);
        return pipeline;
    }

    /** A ledger that counts its batch writes, to tell that a resumed run wrote again. */
    private static final class CountingLedger extends ForwardingLedgerStore {
        final AtomicInteger recordAllCalls = new AtomicInteger();

        CountingLedger(InMemoryLedgerStore delegate) {
            super(delegate);
        }

        @Override
        public int recordAll(List<LedgerEntry> entries) {
            recordAllCalls.incrementAndGet();
            return super.recordAll(entries);
        }
    }
}

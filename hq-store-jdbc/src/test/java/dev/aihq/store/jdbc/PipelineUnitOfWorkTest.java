package dev.aihq.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.ShopId;
import dev.aihq.api.error.StoreException;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.result.OfferKind;
import dev.aihq.api.result.RunOutcome;
import dev.aihq.api.result.SalesOffer;
import dev.aihq.api.store.AgentTrace;
import dev.aihq.api.store.EventJournal;
import dev.aihq.api.store.JournalEntry;
import dev.aihq.api.store.OutboxMessage;
import dev.aihq.api.store.OutboxStatus;
import dev.aihq.api.store.Purchase;
import dev.aihq.api.store.RunLog;
import dev.aihq.api.store.RunRecord;
import dev.aihq.pipeline.AgentOutput;
import dev.aihq.pipeline.AgentPipeline;
import dev.aihq.pipeline.ContextSource;
import dev.aihq.pipeline.Submission;
import dev.aihq.pipeline.delivery.DeliveryPolicy;
import dev.aihq.pipeline.delivery.MessageDelivery;
import dev.aihq.testkit.Fixtures;
import dev.aihq.testkit.ForwardingEventJournal;
import dev.aihq.testkit.ForwardingRunLog;
import dev.aihq.testkit.RecordingChannel;
import dev.aihq.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pipeline on the JDBC stores with their transactions: the journal entry, the event's records and the
 * in-progress run record commit together; the final record and the finished mark commit together; and a
 * failure in either unit leaves the database as if the unit had never begun.
 */
class PipelineUnitOfWorkTest {

    private final SettableClock clock = SettableClock.at(Fixtures.NOW);
    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    static Object[] databases() {
        return MigratedDatabase.both().toArray();
    }

    @AfterEach
    void stopExecutor() throws InterruptedException {
        executor.shutdownNow();
        assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    private AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline(JdbcStores stores, EventJournal journal,
            RunLog runLog) {
        stores.shops().save(Fixtures.kaspiShop().build());
        ContextSource<PurchaseEvent, String> order = ContextSource.required("order", Duration.ofSeconds(5),
                r -> r.event().orderId().value());
        return AgentPipeline.<PurchaseEvent, String, SalesOffer>builder("test.purchase")
                .shops(stores.shops()).journal(journal).runLog(runLog).transactions(stores.transactions())
                .clock(clock).executor(executor).recoveryInterval(Duration.ZERO)
                .resumes(PurchaseEvent.TYPE).eventClass(PurchaseEvent.class)
                .recordEvent(e -> stores.purchases().save(Purchase.of(e)))
                .source(order)
                .assembler((event, shop, gathered) -> gathered.get(order))
                .agent(input -> new AgentOutput<>(SalesOffer.builder(OfferKind.UPSELL, "Заказ " + input.context())
                        .build(), AgentTrace.fallback("no model configured")))
                .build().start();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRunWritesItsJournalEntryPurchaseAndRecords(Supplier<MigratedDatabase> database) {
        JdbcStores stores = database.get().stores();
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = pipeline(stores, stores.journal(),
                stores.runLog());
        PurchaseEvent event = Fixtures.purchaseEvent();

        RunRecord record = pipeline.run(event);

        assertThat(record.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(stores.journal().find(event.shopId(), event.idempotencyKey())).isPresent();
        assertThat(stores.purchases().find(event.shopId(), event.orderId())).isPresent();
        assertThat(stores.runLog().find(event.shopId(), record.runId())).map(RunRecord::outcome)
                .contains(RunOutcome.COMPLETED);
        assertThat(stores.journal().claimExpired(Fixtures.NOW.plus(Duration.ofDays(1)), 10, "w2",
                Duration.ofMinutes(1), List.of(""))).as("finished entries are never resumed").isEmpty();
        assertThat(pipeline.submit(event).kind()).isEqualTo(Submission.Kind.DUPLICATE);
        pipeline.stop();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void whenTheInProgressRecordCannotBeWrittenNothingIsJournaledAndTheEventCanBeSentAgain(
            Supplier<MigratedDatabase> database) {
        JdbcStores stores = database.get().stores();
        FailingRunLog runLog = new FailingRunLog(stores.runLog());
        runLog.failInProgress = true;
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = pipeline(stores, stores.journal(), runLog);
        PurchaseEvent event = Fixtures.purchaseEvent();

        assertThatThrownBy(() -> pipeline.submit(event)).isInstanceOf(StoreException.class)
                .hasMessageContaining("run log unavailable");

        assertThat(stores.journal().find(event.shopId(), event.idempotencyKey())).isEmpty();
        assertThat(stores.purchases().find(event.shopId(), event.orderId())).as("rolled back with the entry")
                .isEmpty();
        runLog.failInProgress = false;
        RunRecord again = pipeline.run(event);
        assertThat(again.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(stores.purchases().find(event.shopId(), event.orderId())).isPresent();
        pipeline.stop();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFailingRecorderFailsTheRunAndTheEventStaysJournaled(Supplier<MigratedDatabase> database) {
        JdbcStores stores = database.get().stores();
        stores.shops().save(Fixtures.kaspiShop().build());
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = AgentPipeline
                .<PurchaseEvent, String, SalesOffer>builder("test.purchase")
                .shops(stores.shops()).journal(stores.journal()).runLog(stores.runLog())
                .transactions(stores.transactions()).clock(clock).executor(executor)
                .recoveryInterval(Duration.ZERO)
                .recordEvent(e -> stores.purchases().save(Purchase.of(e)))
                .recordEvent(e -> {
                    throw new IllegalStateException("the order's items are unreadable");
                })
                .assembler((e, shop, gathered) -> "")
                .agent(input -> {
                    throw new AssertionError("the agent must not run");
                })
                .build().start();
        PurchaseEvent event = Fixtures.purchaseEvent();

        RunRecord record = pipeline.run(event);

        assertThat(record.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(record.reason()).isEqualTo("recording the event failed: the order's items are unreadable");
        assertThat(stores.runLog().find(event.shopId(), record.runId())).map(RunRecord::reason)
                .contains(record.reason());
        assertThat(stores.journal().find(event.shopId(), event.idempotencyKey())).map(JournalEntry::runId)
                .contains(record.runId());
        assertThat(stores.purchases().find(event.shopId(), event.orderId()))
                .as("the first recorder's write went with the unit that failed").isEmpty();
        Submission again = pipeline.submit(event);
        assertThat(again.kind()).isEqualTo(Submission.Kind.DUPLICATE);
        assertThat(again.runId()).isEqualTo(record.runId());
        pipeline.stop();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void whenTheFinishedMarkFailsTheFinalRecordIsRolledBackAndTheRunIsResumedLater(
            Supplier<MigratedDatabase> database) {
        JdbcStores stores = database.get().stores();
        FailingJournal journal = new FailingJournal(stores.journal());
        journal.failMarkFinished = true;
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = pipeline(stores, journal, stores.runLog());
        PurchaseEvent event = Fixtures.purchaseEvent();

        RunRecord record = pipeline.run(event);

        assertThat(record.outcome()).isEqualTo(RunOutcome.COMPLETED);
        Optional<RunRecord> stored = stores.runLog().find(event.shopId(), record.runId());
        assertThat(stored).map(RunRecord::inProgress).as("the final record went with the failed unit")
                .contains(true);
        journal.failMarkFinished = false;
        clock.advance(Duration.ofMinutes(11));
        assertThat(pipeline.resumeExpired()).isEqualTo(1);
        assertThat(pipeline.submit(event).join().outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(stores.runLog().find(event.shopId(), record.runId())).map(RunRecord::inProgress)
                .contains(false);
        pipeline.stop();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theSentMarkCommitsWithTheFinalRecord(Supplier<MigratedDatabase> database) {
        JdbcStores stores = database.get().stores();
        RecordingChannel channel = new RecordingChannel(clock);
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = delivering(stores, stores.journal(), channel);
        PurchaseEvent event = Fixtures.purchaseEvent();

        RunRecord record = pipeline.run(event);

        assertThat(record.outcome()).isEqualTo(RunOutcome.SENT);
        assertThat(channel.sent()).hasSize(1);
        assertThat(stores.outbox().find(event.shopId(), record.runId().value())).map(OutboxMessage::status)
                .contains(OutboxStatus.SENT);
        pipeline.stop();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aMessageSentByARunWhoseEndFailsIsStillMarkedSent(Supplier<MigratedDatabase> database) {
        JdbcStores stores = database.get().stores();
        FailingJournal journal = new FailingJournal(stores.journal());
        journal.failMarkFinished = true;
        RecordingChannel channel = new RecordingChannel(clock);
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = delivering(stores, journal, channel);
        PurchaseEvent event = Fixtures.purchaseEvent();

        RunRecord record = pipeline.run(event);

        // The unit that ends the run failed and took the sent mark with it; the mark is made on its own,
        // or a dispatcher would send the message again once the claim's lease expires.
        assertThat(stores.runLog().find(event.shopId(), record.runId())).map(RunRecord::inProgress).contains(true);
        assertThat(stores.outbox().find(event.shopId(), record.runId().value())).map(OutboxMessage::status)
                .contains(OutboxStatus.SENT);
        assertThat(stores.outbox().claimDue(Fixtures.NOW.plus(Duration.ofHours(1)), 10, "dispatcher",
                Duration.ofMinutes(1))).isEmpty();
        assertThat(channel.sent()).hasSize(1);
        pipeline.stop();
    }

    private AgentPipeline<PurchaseEvent, String, SalesOffer> delivering(JdbcStores stores, EventJournal journal,
            RecordingChannel channel) {
        stores.shops().save(Fixtures.kaspiShop().build());
        return AgentPipeline.<PurchaseEvent, String, SalesOffer>builder("test.purchase")
                .shops(stores.shops()).journal(journal).runLog(stores.runLog()).transactions(stores.transactions())
                .clock(clock).executor(executor).recoveryInterval(Duration.ZERO)
                .assembler((e, shop, gathered) -> e.orderId().value())
                .agent(input -> new AgentOutput<>(SalesOffer.builder(OfferKind.UPSELL, "Заказ " + input.context())
                        .build(), AgentTrace.fallback("no model configured")))
                .delivery(MessageDelivery.<PurchaseEvent, String, SalesOffer>builder().channel(channel)
                        .outbox(stores.outbox()).policy(DeliveryPolicy.immediate())
                        .recipient(r -> r.event().customerContact()).text(SalesOffer::text).build())
                .build().start();
    }

    /** A run log whose in-progress saves fail when told to. */
    private static final class FailingRunLog extends ForwardingRunLog {
        volatile boolean failInProgress;

        FailingRunLog(RunLog delegate) {
            super(delegate);
        }

        @Override
        public void save(RunRecord record) {
            if (failInProgress && record.inProgress()) {
                throw new StoreException("run log unavailable");
            }
            super.save(record);
        }
    }

    /** A journal whose finished marks fail when told to. */
    private static final class FailingJournal extends ForwardingEventJournal {
        volatile boolean failMarkFinished;

        FailingJournal(EventJournal delegate) {
            super(delegate);
        }

        @Override
        public void markFinished(ShopId shopId, String idempotencyKey, Instant at) {
            if (failMarkFinished) {
                throw new StoreException("journal unavailable");
            }
            super.markFinished(shopId, idempotencyKey, at);
        }
    }
}

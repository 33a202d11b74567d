package dev.aihq.store.jdbc;

import static dev.aihq.testkit.Fixtures.CUSTOMER;
import static dev.aihq.testkit.Fixtures.NOW;
import static dev.aihq.testkit.Fixtures.SHOP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.OrderId;
import dev.aihq.api.error.StoreException;
import dev.aihq.api.result.RunId;
import dev.aihq.api.shop.FrequencyCap;
import dev.aihq.api.store.JournalEntry;
import dev.aihq.api.store.OutboxMessage;
import dev.aihq.api.store.RunRecord;
import dev.aihq.api.store.ScheduleResult;
import dev.aihq.api.store.Transactions;
import dev.aihq.testkit.Fixtures;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link JdbcStores#transactions()}: the writes of several stores inside one unit commit together or not
 * at all, on both databases.
 */
class JdbcTransactionsTest {

    static Object[] databases() {
        return MigratedDatabase.both().toArray();
    }

    private static final RunId RUN = RunId.of("run-tx-1");

    @ParameterizedTest
    @MethodSource("databases")
    void writesOfSeveralStoresCommitTogether(Supplier<MigratedDatabase> database) {
        JdbcStores stores = database.get().stores();
        JournalEntry entry = Fixtures.journalEntry(SHOP_ID, "700000001", RUN, NOW);

        boolean appended = stores.transactions().inTransaction(() -> {
            boolean first = stores.journal().append(entry, Fixtures.lease("w1", NOW)).appended();
            stores.purchases().save(Fixtures.purchase(SHOP_ID, "700000001", CUSTOMER, NOW));
            stores.runLog().save(Fixtures.startedRun(SHOP_ID, RUN, NOW));
            return first;
        });

        assertThat(appended).isTrue();
        assertThat(stores.journal().find(SHOP_ID, entry.idempotencyKey())).isPresent();
        assertThat(stores.purchases().find(SHOP_ID, OrderId.of("700000001"))).isPresent();
        assertThat(stores.runLog().find(SHOP_ID, RUN)).map(RunRecord::inProgress).contains(true);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aUnitThatThrowsWritesNothing(Supplier<MigratedDatabase> database) {
        JdbcStores stores = database.get().stores();
        JournalEntry entry = Fixtures.journalEntry(SHOP_ID, "700000002", RUN, NOW);
        IllegalStateException failure = new IllegalStateException("the recorder broke");

        assertThatThrownBy(() -> stores.transactions().inTransaction(() -> {
            stores.journal().append(entry, Fixtures.lease("w1", NOW));
            stores.purchases().save(Fixtures.purchase(SHOP_ID, "700000002", CUSTOMER, NOW));
            throw failure;
        })).isSameAs(failure);

        assertThat(stores.journal().find(SHOP_ID, entry.idempotencyKey())).isEmpty();
        assertThat(stores.purchases().find(SHOP_ID, OrderId.of("700000002"))).isEmpty();
        // Nothing of the unit is left holding the key: appending again succeeds.
        assertThat(stores.journal().append(entry, Fixtures.lease("w2", NOW)).appended()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aStoreErrorInsideTheUnitRollsItBackAndReachesTheCaller(Supplier<MigratedDatabase> database) {
        MigratedDatabase db = database.get();
        JdbcStores stores = db.stores();
        JournalEntry entry = Fixtures.journalEntry(SHOP_ID, "700000003", RUN, NOW);

        assertThatThrownBy(() -> stores.transactions().inTransaction(() -> {
            stores.journal().append(entry, Fixtures.lease("w1", NOW));
            try {
                db.execute("DROP TABLE " + db.table("runs"));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            stores.runLog().save(Fixtures.startedRun(SHOP_ID, RUN, NOW));
            return null;
        })).isInstanceOf(StoreException.class).hasMessageContaining("saving run");

        assertThat(stores.journal().find(SHOP_ID, entry.idempotencyKey())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void unitsNestByJoiningAndAnInnerFailureUndoesOnlyItsOwnStatements(Supplier<MigratedDatabase> database) {
        JdbcStores stores = database.get().stores();
        OutboxMessage first = Fixtures.outboxMessage(SHOP_ID, "m1", CUSTOMER, NOW);
        OutboxMessage second = Fixtures.outboxMessage(SHOP_ID, "m2", CUSTOMER, NOW.plusSeconds(1));
        FrequencyCap oneADay = FrequencyCap.of(1, Duration.ofDays(1));

        ScheduleResult[] results = stores.transactions().inTransaction(() -> stores.transactions().inTransaction(
                () -> new ScheduleResult[] {
                    stores.outbox().scheduleWithinCap(first, oneADay, NOW),
                    stores.outbox().scheduleWithinCap(second, oneADay, NOW)
                }));

        assertThat(results).containsExactly(ScheduleResult.SCHEDULED, ScheduleResult.CAPPED);
        assertThat(stores.outbox().find(SHOP_ID, first.id())).isPresent();
        assertThat(stores.outbox().find(SHOP_ID, second.id())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aUnitIsTheCallingThreadsOnly(Supplier<MigratedDatabase> database) throws Exception {
        JdbcStores stores = database.get().stores();
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            RuntimeException failure = new RuntimeException("rolled back");
            assertThatThrownBy(() -> stores.transactions().inTransaction(() -> {
                // Written by another thread on its own connection: committed, whatever the unit does.
                CompletableFuture.runAsync(() -> stores.purchases().save(
                        Fixtures.purchase(SHOP_ID, "700000004", CUSTOMER, NOW)), other).join();
                stores.purchases().save(Fixtures.purchase(SHOP_ID, "700000005", CUSTOMER, NOW));
                throw failure;
            })).isSameAs(failure);

            assertThat(stores.purchases().find(SHOP_ID, OrderId.of("700000004"))).isPresent();
            assertThat(stores.purchases().find(SHOP_ID, OrderId.of("700000005"))).isEmpty();
        } finally {
            other.shutdownNow();
            assertThat(other.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void storesWithoutTransactionsRunTheWorkAsItIs() {
        assertThat(Transactions.NONE.inTransaction(() -> "done")).isEqualTo("done");
    }
}

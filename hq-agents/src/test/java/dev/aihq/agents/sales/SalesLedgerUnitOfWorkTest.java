package dev.aihq.agents.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.error.StoreException;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.result.RunOutcome;
import dev.aihq.api.result.SalesOffer;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.store.LedgerEntry;
import dev.aihq.api.store.RunLog;
import dev.aihq.api.store.RunRecord;
import dev.aihq.pipeline.AgentPipeline;
import dev.aihq.store.jdbc.JdbcStores;
import dev.aihq.testkit.Fixtures;
import dev.aihq.testkit.ForwardingRunLog;
import dev.aihq.testkit.RecordingChannel;
import dev.aihq.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The purchase pipeline's sales on the JDBC stores over an embedded H2, with their transactions: the sales
 * commit in the journal's unit of work, so a unit that fails leaves neither the journal entry nor the sales,
 * and the event sent again records both.
 */
class SalesLedgerUnitOfWorkTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final Instant MARCH = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant APRIL = Instant.parse("2026-04-01T00:00:00Z");

    private final SettableClock clock = SettableClock.at(Fixtures.NOW);
    private final JdbcStores stores = h2Stores();
    private final FailingRunLog runLog = new FailingRunLog(stores.runLog());
    private final AgentPipeline<PurchaseEvent, PurchaseContext, SalesOffer> pipeline = SalesPipelines.builder()
            .shops(stores.shops()).journal(stores.journal()).runLog(runLog).transactions(stores.transactions())
            .purchases(stores.purchases()).catalog(stores.catalog()).outbox(stores.outbox())
            .tokenUsage(stores.tokenUsage()).ledger(stores.ledger()).channel(new RecordingChannel(clock))
            .clock(clock).executor(Runnable::run).recoveryInterval(Duration.ZERO)
            .build().purchase();

    private static JdbcStores h2Stores() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:sales-ledger" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        JdbcStores stores = JdbcStores.builder(h2).build();
        stores.migrate();
        stores.shops().save(Fixtures.kaspiShop().settings(ShopSettings.builder().sendDelay(Duration.ZERO)
                .quietHours(null).frequencyCap(null).build()).build());
        Fixtures.catalog(Fixtures.SHOP_ID).forEach(stores.catalog()::save);
        return stores;
    }

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void should_commit_the_sales_with_the_journal_entry() {
        // given
        pipeline.start();
        PurchaseEvent event = Fixtures.purchaseEvent();

        // when
        RunRecord run = pipeline.run(event);

        // then
        assertThat(run.outcome()).isEqualTo(RunOutcome.SENT);
        assertThat(stores.journal().find(event.shopId(), event.idempotencyKey())).isPresent();
        assertThat(stores.ledger().entries(Fixtures.SHOP_ID, MARCH, APRIL, 10)).extracting(LedgerEntry::key)
                .containsExactly("sale:512345678:ACC-CASE-A55", "sale:512345678:PHN-A55-256");
    }

    @Test
    void should_leave_no_sales_when_the_journal_unit_fails_and_record_them_when_the_event_comes_again() {
        // given: the in-progress run record, the last write of the journal's unit, cannot be written
        pipeline.start();
        PurchaseEvent event = Fixtures.purchaseEvent();
        runLog.failInProgress = true;

        // when
        assertThatThrownBy(() -> pipeline.submit(event)).isInstanceOf(StoreException.class)
                .hasMessageContaining("run log unavailable");

        // then: the journal entry and the sales were rolled back together
        assertThat(stores.journal().find(event.shopId(), event.idempotencyKey())).isEmpty();
        assertThat(stores.ledger().entries(Fixtures.SHOP_ID, MARCH, APRIL, 10)).isEmpty();

        // when: the event comes again
        runLog.failInProgress = false;
        RunRecord again = pipeline.run(event);

        // then
        assertThat(again.outcome()).isEqualTo(RunOutcome.SENT);
        assertThat(stores.journal().find(event.shopId(), event.idempotencyKey())).isPresent();
        assertThat(stores.ledger().totals(Fixtures.SHOP_ID, MARCH, APRIL)).hasSize(2)
                .allSatisfy(total -> assertThat(total.entries()).isEqualTo(1));
    }

    /** A run log whose saves of in-progress records fail when told to. */
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
}

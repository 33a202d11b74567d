package dev.aihq.store.jdbc;

import static dev.aihq.testkit.Fixtures.CUSTOMER;
import static dev.aihq.testkit.Fixtures.SHOP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.store.Outbox;
import dev.aihq.api.store.OutboxMessage;
import dev.aihq.api.store.OutboxStatus;
import dev.aihq.testkit.Fixtures;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the outbox does beyond its contract, on both databases: refusals, the sent time, precision. */
class JdbcOutboxTest {

    private static final Instant NOW = Fixtures.NOW;
    private static final Duration LEASE = Duration.ofSeconds(30);

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_refuse_a_message_when_its_id_is_taken_by_another_stable_key(StoreDatabase database) {
        // given
        Outbox outbox = database.freshTables().stores().outbox();
        OutboxMessage first = Fixtures.outboxMessage(SHOP_ID, "m-1", "sales.purchase:1", CUSTOMER, NOW);
        outbox.schedule(first);

        // when / then
        assertThatThrownBy(() -> outbox.schedule(Fixtures.outboxMessage(SHOP_ID, "m-1", "sales.purchase:2", CUSTOMER,
                NOW))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("m-1");
        assertThat(outbox.find(SHOP_ID, "m-1")).contains(first);
    }

    @ParameterizedTest
    @EnumSource(value = OutboxStatus.class, names = {"SENT", "FAILED", "CANCELLED"})
    void should_refuse_a_message_when_it_is_neither_pending_nor_claimed(OutboxStatus status) {
        // given
        Outbox outbox = StoreDatabase.H2.freshTables().stores().outbox();
        OutboxMessage pending = Fixtures.outboxMessage(SHOP_ID, "m-1", CUSTOMER, NOW);
        OutboxMessage other = new OutboxMessage(pending.id(), pending.shopId(), pending.runId(), pending.channel(),
                pending.to(), pending.text(), pending.stableKey(), NOW, status, 1, null, null, null, null, null,
                null);

        // when / then
        assertThatThrownBy(() -> outbox.schedule(other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(status.name());
        assertThat(outbox.find(SHOP_ID, "m-1")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_refuse_a_claimed_message_when_it_has_no_lease(StoreDatabase database) {
        // given
        Outbox outbox = database.freshTables().stores().outbox();
        OutboxMessage pending = Fixtures.outboxMessage(SHOP_ID, "m-1", CUSTOMER, NOW);
        OutboxMessage claimed = new OutboxMessage(pending.id(), pending.shopId(), pending.runId(), pending.channel(),
                pending.to(), pending.text(), pending.stableKey(), NOW, OutboxStatus.CLAIMED, 1, "creator", null, null,
                null, null, null);

        // when / then
        assertThatThrownBy(() -> outbox.schedule(claimed)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_refuse_to_mark_a_message_when_the_shop_has_none_with_that_id(StoreDatabase database) {
        // given
        Outbox outbox = database.freshTables().stores().outbox();
        outbox.schedule(Fixtures.outboxMessage(SHOP_ID, "m-1", CUSTOMER, NOW));

        // when / then
        assertThatThrownBy(() -> outbox.markSent(Fixtures.OTHER_SHOP_ID, "m-1", "wamid.1", NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("m-1");
        assertThatThrownBy(() -> outbox.markFailed(SHOP_ID, "m-404", "503", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("m-404");
        assertThat(outbox.find(SHOP_ID, "m-1").orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_record_the_sent_time_and_end_the_lease_when_marked_sent(StoreDatabase database) throws SQLException {
        // given
        MigratedDatabase tables = database.freshTables();
        Outbox outbox = tables.stores().outbox();
        outbox.schedule(Fixtures.outboxMessage(SHOP_ID, "m-1", CUSTOMER, NOW));
        outbox.claimDue(NOW, 1, "worker-1", LEASE);

        // when
        outbox.markSent(SHOP_ID, "m-1", "wamid.1", NOW.plusSeconds(2));

        // then
        OutboxMessage sent = outbox.find(SHOP_ID, "m-1").orElseThrow();
        assertThat(sent.leaseUntil()).isNull();
        assertThat(sent.claimedBy()).isEqualTo("worker-1");
        try (Connection c = tables.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet row = s.executeQuery("SELECT sent_at FROM " + tables.table("outbox"))) {
            assertThat(row.next()).isTrue();
            assertThat(Jdbc.instant(row, "sent_at")).isEqualTo(NOW.plusSeconds(2));
        }
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_release_the_worker_when_a_failure_is_retried_later(StoreDatabase database) {
        // given
        Outbox outbox = database.freshTables().stores().outbox();
        outbox.schedule(Fixtures.outboxMessage(SHOP_ID, "m-1", CUSTOMER, NOW));
        outbox.claimDue(NOW, 1, "worker-1", LEASE);

        // when
        outbox.markFailed(SHOP_ID, "m-1", "429 too many requests", NOW.plusSeconds(60));

        // then
        OutboxMessage retried = outbox.find(SHOP_ID, "m-1").orElseThrow();
        assertThat(retried.claimedBy()).isNull();
        assertThat(retried.leaseUntil()).isNull();
        assertThat(retried.attempts()).isEqualTo(1);
        assertThat(outbox.countRecent(SHOP_ID, CUSTOMER, NOW)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_keep_microseconds_when_times_have_nanoseconds(StoreDatabase database) {
        // given
        Outbox outbox = database.freshTables().stores().outbox();
        Instant due = Instant.parse("2026-03-02T06:00:00.123456789Z");
        outbox.schedule(Fixtures.outboxMessage(SHOP_ID, "m-1", CUSTOMER, due));

        // when
        List<OutboxMessage> claimed = outbox.claimDue(due, 1, "worker-1", Duration.ofNanos(30_000_000_999L));

        // then
        Instant micros = Instant.parse("2026-03-02T06:00:00.123456Z");
        assertThat(claimed).singleElement().satisfies(m -> {
            assertThat(m.dueAt()).isEqualTo(micros);
            assertThat(m.leaseUntil()).isEqualTo(Instant.parse("2026-03-02T06:00:30.123457Z"));
        });
        assertThat(outbox.find(SHOP_ID, "m-1")).contains(claimed.get(0));
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_keep_the_text_exactly_when_it_has_quotes_and_line_breaks(StoreDatabase database) {
        // given
        Outbox outbox = database.freshTables().stores().outbox();
        OutboxMessage base = Fixtures.outboxMessage(SHOP_ID, "m-1", CUSTOMER, NOW);
        OutboxMessage message = new OutboxMessage(base.id(), base.shopId(), base.runId(), base.channel(), base.to(),
                "Здравствуйте!\nСкидка 5% по коду «SPRING10» — до 31.05 🙂 'кавычки' \"и\" \\", base.stableKey(),
                NOW, OutboxStatus.PENDING, 0, null, null, null, null, "order-1", null);

        // when
        outbox.schedule(message);

        // then
        assertThat(outbox.find(SHOP_ID, "m-1")).contains(message);
    }
}

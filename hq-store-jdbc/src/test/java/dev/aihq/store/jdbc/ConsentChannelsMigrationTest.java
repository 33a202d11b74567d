package dev.aihq.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.channel.DeliveryState;
import dev.aihq.api.channel.MessageCategory;
import dev.aihq.api.store.ConsentEvent;
import dev.aihq.api.store.ConsentStatus;
import dev.aihq.api.store.OutboxMessage;
import dev.aihq.api.store.OutboxStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Upgrading a version-8 database to consent and channel reports: outbox messages written before the upgrade
 * read back as marketing messages without quick replies, keep working (claimed, sent, reported on,
 * cancelled), and the consent table is there.
 */
class ConsentChannelsMigrationTest {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Instant DUE = Instant.parse("2026-03-01T06:00:00Z");
    private static final ShopId SHOP = ShopId.of("kaspi_123");
    private static final PhoneNumber CUSTOMER = PhoneNumber.parse("+77011234567");

    /** Applies versions 1 to 8, as an SDK of version 8 did, records them, and writes two outbox rows. */
    private static void installVersionEight(DataSource dataSource, Dialect dialect, String prefix) throws Exception {
        OlderSchema.install(dataSource, dialect, prefix, 8, DUE);
        try (Connection c = dataSource.getConnection()) {
            // The columns of version 8's outbox, as its SDK wrote them.
            try (PreparedStatement old = c.prepareStatement("INSERT INTO " + prefix + "outbox (shop_id, message_id,"
                    + " run_id, channel, to_phone, body, stable_key, due_at, status, attempts, claimed_by, lease_until,"
                    + " provider_message_id, last_error, order_key, sent_at)"
                    + " VALUES (?, ?, 'run-old', 'whatsapp', ?, ?, ?, ?, ?, ?, NULL, NULL, ?, NULL, ?, ?)")) {
                for (String[] row : new String[][] {
                        {"old-pending", "PENDING", "0", null, "512345678", null},
                        {"old-sent", "SENT", "1", "wamid.OLD", null, "2026-03-01T06:00:01Z"}}) {
                    old.setString(1, SHOP.value());
                    old.setString(2, row[0]);
                    old.setString(3, CUSTOMER.e164());
                    old.setString(4, "Здравствуйте! К смартфону подойдёт стекло.");
                    old.setString(5, "key:" + row[0]);
                    old.setObject(6, DUE.atOffset(ZoneOffset.UTC));
                    old.setString(7, row[1]);
                    old.setInt(8, Integer.parseInt(row[2]));
                    old.setString(9, row[3]);
                    old.setString(10, row[4]);
                    old.setObject(11, row[5] == null ? null : Instant.parse(row[5]).atOffset(ZoneOffset.UTC));
                    old.executeUpdate();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_read_an_old_outbox_row_as_marketing_without_quick_replies_when_upgraded(StoreDatabase database)
            throws Exception {
        // given
        DataSource dataSource = database == StoreDatabase.H2 ? TestDatabases.h2() : TestDatabases.postgres();
        String prefix = "cc" + COUNTER.incrementAndGet() + "_";
        Dialect dialect = database == StoreDatabase.H2 ? Dialect.H2 : Dialect.POSTGRESQL;
        installVersionEight(dataSource, dialect, prefix);
        JdbcStores stores = JdbcStores.builder(dataSource).tablePrefix(prefix).build();

        // when
        assertThat(stores.migrate()).containsExactly("V9__consent_channels.sql", "V10__run_outcomes.sql",
                "V11__purchase_lines.sql", "V12__poll_cursors.sql", "V13__ledger.sql", "V14__legal_cases.sql",
                "V15__order_index.sql", "V16__interactions.sql");

        // then
        OutboxMessage pending = stores.outbox().find(SHOP, "old-pending").orElseThrow();
        assertThat(pending.category()).isEqualTo(MessageCategory.MARKETING);
        assertThat(pending.quickReplies()).isEmpty();
        assertThat(pending.consent()).isNull();
        assertThat(pending.templateRequired()).isFalse();
        assertThat(pending.deliveryState()).isNull();
        assertThat(pending.deliveryAt()).isNull();
        assertThat(pending).isEqualTo(new OutboxMessage("old-pending", SHOP, pending.runId(), "whatsapp", CUSTOMER,
                "Здравствуйте! К смартфону подойдёт стекло.", "key:old-pending", DUE, OutboxStatus.PENDING, 0, null,
                null, null, null, "512345678", null));
        assertThat(stores.outbox().list(SHOP, EnumSet.allOf(OutboxStatus.class), 10)).hasSize(2)
                .allSatisfy(m -> assertThat(m.category()).isEqualTo(MessageCategory.MARKETING));
        assertThat(stores.outbox().recordDelivery(SHOP, "wamid.OLD", DeliveryState.DELIVERED,
                DUE.plusSeconds(5), null)).hasValueSatisfying(m -> {
                    assertThat(m.id()).isEqualTo("old-sent");
                    assertThat(m.deliveryState()).isEqualTo(DeliveryState.DELIVERED);
                });
        assertThat(stores.outbox().cancelByOrder(SHOP, "512345678")).isEqualTo(1);
        assertThat(stores.consents().apply(SHOP, CUSTOMER, ConsentEvent.GRANTED, DUE, "import").after().status())
                .isEqualTo(ConsentStatus.OPTED_IN);
        assertThat(stores.outbox().claimDue(DUE.plus(Duration.ofDays(1)), 10, "worker", Duration.ofMinutes(1)))
                .isEmpty();
    }
}

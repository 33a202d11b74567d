package dev.aihq.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.ShopId;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.store.RunLease;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Upgrading a version-1 database to run leases: entries journaled before the upgrade count as finished, so
 * that the upgrade resumes nothing old, and new entries are leased as usual.
 */
class RunLeaseMigrationTest {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Instant RECEIVED = Instant.parse("2026-03-01T06:00:00Z");

    /** Applies version 1 only, as an SDK of that version did, and records it in the schema history. */
    private static void installVersionOne(DataSource dataSource, Dialect dialect, String prefix) throws Exception {
        new SchemaMigrator(dataSource, dialect, prefix).currentVersion();
        String script;
        try (InputStream in = RunLeaseMigrationTest.class.getClassLoader()
                .getResourceAsStream(dialect.schemaLocation() + "/V1__core.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String statement : SchemaMigrator.statements(script.replace("${prefix}", prefix))) {
                s.execute(statement);
            }
            try (PreparedStatement history = c.prepareStatement("INSERT INTO " + prefix + "schema_history"
                    + " (version, script, checksum, installed_at) VALUES (1, 'V1__core.sql', ?, ?)")) {
                history.setString(1, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(script.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8))));
                history.setObject(2, RECEIVED.atOffset(ZoneOffset.UTC));
                history.executeUpdate();
            }
            try (PreparedStatement old = c.prepareStatement("INSERT INTO " + prefix + "event_journal (shop_id,"
                    + " idempotency_key, event_type, run_id, received_at, payload, payload_version) VALUES (?, ?, ?, ?,"
                    + " ?, " + dialect.jsonParameter() + ", 1)")) {
                old.setString(1, "kaspi_123");
                old.setString(2, "purchase:400000001:order_accepted");
                old.setString(3, PurchaseEvent.TYPE);
                old.setString(4, "run-old");
                old.setObject(5, RECEIVED.atOffset(ZoneOffset.UTC));
                old.setString(6, "{}");
                old.executeUpdate();
            }
        }
    }

    private static DataSource dataSource(StoreDatabase database) {
        return database == StoreDatabase.H2 ? TestDatabases.h2() : TestDatabases.postgres();
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_resume_nothing_old_when_a_version_one_database_is_upgraded(StoreDatabase database)
            throws Exception {
        // given
        DataSource dataSource = dataSource(database);
        String prefix = "up" + COUNTER.incrementAndGet() + "_";
        Dialect dialect = database == StoreDatabase.H2 ? Dialect.H2 : Dialect.POSTGRESQL;
        installVersionOne(dataSource, dialect, prefix);
        JdbcStores stores = JdbcStores.builder(dataSource).tablePrefix(prefix).build();

        // when
        List<String> applied = stores.migrate();

        // then
        assertThat(applied).startsWith("V2__run_leases.sql").doesNotContain("V1__core.sql");
        assertThat(stores.journal().claimExpired(RECEIVED.plus(Duration.ofDays(365)), 10, "worker-2",
                Duration.ofMinutes(5), List.of(""))).isEmpty();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet row = s.executeQuery("SELECT finished_at, lease_worker, lease_until FROM " + prefix
                        + "event_journal WHERE shop_id = 'kaspi_123'")) {
            assertThat(row.next()).isTrue();
            assertThat(Jdbc.instant(row, "finished_at")).isEqualTo(RECEIVED);
            assertThat(row.getString("lease_worker")).isNull();
            assertThat(Jdbc.instant(row, "lease_until")).isNull();
        }
        assertThat(stores.journal().renewLease(ShopId.of("kaspi_123"), "purchase:400000001:order_accepted",
                new RunLease("worker-2", RECEIVED))).isFalse();
    }
}

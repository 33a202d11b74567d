package dev.aihq.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.ShopId;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Upgrading a version-6 database to sharded token usage: a day's count written before the upgrade stays
 * the day's total, and later additions add to it.
 */
class TokenUsageShardsMigrationTest {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    /** Applies versions 1 to 6, as an SDK of version 6 did, and records them in the schema history. */
    private static void installVersionSix(DataSource dataSource, Dialect dialect, String prefix) throws Exception {
        new SchemaMigrator(dataSource, dialect, prefix).currentVersion();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (int version = 1; version <= 6; version++) {
                String name = SchemaMigrator.SCRIPTS.get(version - 1);
                String script;
                try (InputStream in = TokenUsageShardsMigrationTest.class.getClassLoader()
                        .getResourceAsStream(dialect.schemaLocation() + "/" + name)) {
                    script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                for (String statement : SchemaMigrator.statements(script.replace("${prefix}", prefix))) {
                    s.execute(statement);
                }
                try (PreparedStatement history = c.prepareStatement("INSERT INTO " + prefix + "schema_history"
                        + " (version, script, checksum, installed_at) VALUES (?, ?, ?, ?)")) {
                    history.setInt(1, version);
                    history.setString(2, name);
                    history.setString(3, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(script.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8))));
                    history.setObject(4, Instant.parse("2026-03-01T06:00:00Z").atOffset(ZoneOffset.UTC));
                    history.executeUpdate();
                }
            }
            try (PreparedStatement old = c.prepareStatement("INSERT INTO " + prefix + "token_usage (shop_id,"
                    + " usage_day, tokens) VALUES (?, ?, ?)")) {
                old.setString(1, "kaspi_123");
                old.setObject(2, DAY);
                old.setLong(3, 5_000);
                old.executeUpdate();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void aDayCountedBeforeTheUpgradeKeepsItsTotal(StoreDatabase database) throws Exception {
        // given
        DataSource dataSource = database == StoreDatabase.H2 ? TestDatabases.h2() : TestDatabases.postgres();
        String prefix = "tu" + COUNTER.incrementAndGet() + "_";
        Dialect dialect = database == StoreDatabase.H2 ? Dialect.H2 : Dialect.POSTGRESQL;
        installVersionSix(dataSource, dialect, prefix);
        JdbcStores stores = JdbcStores.builder(dataSource).tablePrefix(prefix).build();

        // when
        assertThat(stores.migrate()).startsWith("V7__token_usage_shards.sql");

        // then
        ShopId shop = ShopId.of("kaspi_123");
        assertThat(stores.tokenUsage().used(shop, DAY)).isEqualTo(5_000);
        for (int i = 0; i < 40; i++) {
            stores.tokenUsage().add(shop, DAY, 10);
        }
        assertThat(stores.tokenUsage().used(shop, DAY)).isEqualTo(5_400);
        assertThat(stores.tokenUsage().used(ShopId.of("kaspi_456"), DAY)).isZero();
    }
}

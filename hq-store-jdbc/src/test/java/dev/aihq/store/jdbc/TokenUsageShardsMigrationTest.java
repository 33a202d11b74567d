package dev.aihq.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.ShopId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
        OlderSchema.install(dataSource, dialect, prefix, 6, Instant.parse("2026-03-01T06:00:00Z"));
        try (Connection c = dataSource.getConnection()) {
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

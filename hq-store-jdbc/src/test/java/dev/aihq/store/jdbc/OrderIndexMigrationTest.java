package dev.aihq.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.Marketplace;
import dev.aihq.api.OrderId;
import dev.aihq.api.ShopId;
import dev.aihq.api.event.LegalEventType;
import dev.aihq.api.result.CanContest;
import dev.aihq.api.result.RiskLevel;
import dev.aihq.api.store.IndexedOrder;
import dev.aihq.api.store.LegalCase;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Upgrading a version-14 database to the order index: only versions 15 and later are applied, what was stored
 * before stays as it was, and the new table takes orders and finds them by every reference at once.
 */
class OrderIndexMigrationTest {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Instant AT = Instant.parse("2026-03-10T10:15:30.123456Z");
    private static final ShopId SHOP = ShopId.of("wb_123");

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_add_the_order_index_and_keep_the_legal_cases_when_upgrading_version_14(StoreDatabase database)
            throws Exception {
        // given
        DataSource dataSource = database == StoreDatabase.H2 ? TestDatabases.h2() : TestDatabases.postgres();
        String prefix = "oi" + COUNTER.incrementAndGet() + "_";
        Dialect dialect = database == StoreDatabase.H2 ? Dialect.H2 : Dialect.POSTGRESQL;
        OlderSchema.install(dataSource, dialect, prefix, 14, AT);
        JdbcStores stores = JdbcStores.builder(dataSource).tablePrefix(prefix).build();
        LegalCase fine = new LegalCase(SHOP, "fine:4512345678", LegalEventType.FINE, Marketplace.WILDBERRIES,
                OrderId.of("4512345678"), null, null, List.of("wb.fine.late_shipment"), RiskLevel.MEDIUM,
                CanContest.PARTIAL, null, false, AT, AT, "{}");
        stores.legalCases().save(fine);

        // when
        List<String> applied = stores.migrate();

        // then
        assertThat(applied).containsExactly("V15__order_index.sql", "V16__interactions.sql");
        assertThat(new SchemaMigrator(dataSource, dialect, prefix).currentVersion()).isEqualTo(16);
        assertThat(stores.legalCases().find(SHOP, fine.key())).contains(fine);
        IndexedOrder order = new IndexedOrder(SHOP, Marketplace.WILDBERRIES, "4512345678", "f1a2b3c4d5e6.0.0",
                "33445566778899", "WB-231648-9753", "PHN-A55-256", "215473829", "Смартфон Samsung Galaxy A55",
                "fbs", "new", AT, AT.plusSeconds(60));
        assertThat(stores.orderIndex().upsert(order)).isTrue();
        for (String reference : List.of("4512345678", "f1a2b3c4d5e6.0.0", "33445566778899", "WB-231648-9753")) {
            assertThat(stores.orderIndex().lookup(SHOP, Marketplace.WILDBERRIES, reference, 10)).as(reference)
                    .containsExactly(order);
        }
    }
}

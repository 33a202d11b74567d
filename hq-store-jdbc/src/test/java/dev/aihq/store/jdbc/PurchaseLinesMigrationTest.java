package dev.aihq.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.Money;
import dev.aihq.api.OrderId;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.api.event.PurchaseItem;
import dev.aihq.api.store.CoPurchase;
import dev.aihq.api.store.Purchase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Upgrading a version-9 database to purchase lines: the purchases saved before the upgrade are taken apart
 * into lines (on PostgreSQL by the SQL file, on H2 by the migrator), so "bought together" counts them, and
 * purchases saved after it add their own lines.
 */
class PurchaseLinesMigrationTest {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Instant AT = Instant.parse("2026-03-01T06:00:00Z");
    private static final ShopId SHOP = ShopId.of("kaspi_123");

    /** Applies versions 1 to 9, as an SDK of version 9 did, records them, and writes two purchase rows. */
    private static void installVersionNine(DataSource dataSource, Dialect dialect, String prefix) throws Exception {
        OlderSchema.install(dataSource, dialect, prefix, 9, AT);
        try (Connection c = dataSource.getConnection()) {
            // Purchases as version 9's SDK wrote them: the lines only in the items JSON; one is anonymous and
            // one has the same SKU on two lines.
            try (PreparedStatement old = c.prepareStatement("INSERT INTO " + prefix + "purchases (shop_id, order_id,"
                    + " customer_phone, occurred_at, currency, total, items, items_version) VALUES (?, ?, ?, ?, 'KZT',"
                    + " 2000, " + dialect.jsonParameter() + ", 1)")) {
                for (String[] row : new String[][] {
                        {"500000001", "+77011234567", "PHONE-A55", "CASE-A55"},
                        {"500000002", null, "PHONE-A55", "CASE-A55"}}) {
                    old.setString(1, SHOP.value());
                    old.setString(2, row[0]);
                    old.setString(3, row[1]);
                    old.setObject(4, AT.atOffset(ZoneOffset.UTC));
                    old.setString(5, "[" + line(row[2]) + "," + line(row[3]) + "," + line(row[3]) + "]");
                    old.executeUpdate();
                }
            }
        }
    }

    private static String line(String sku) {
        return "{\"sku\":\"" + sku + "\",\"name\":\"Товар\",\"price\":{\"amount\":\"1000\",\"currency\":\"KZT\"},"
                + "\"quantity\":1}";
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_count_purchases_saved_before_the_upgrade_when_asking_what_was_bought_together(StoreDatabase database)
            throws Exception {
        // given
        DataSource dataSource = database == StoreDatabase.H2 ? TestDatabases.h2() : TestDatabases.postgres();
        String prefix = "pl" + COUNTER.incrementAndGet() + "_";
        Dialect dialect = database == StoreDatabase.H2 ? Dialect.H2 : Dialect.POSTGRESQL;
        installVersionNine(dataSource, dialect, prefix);
        JdbcStores stores = JdbcStores.builder(dataSource).tablePrefix(prefix).build();

        // when
        assertThat(stores.migrate()).containsExactly("V10__run_outcomes.sql", "V11__purchase_lines.sql",
                "V12__poll_cursors.sql", "V13__ledger.sql", "V14__legal_cases.sql",
                "V15__order_index.sql", "V16__interactions.sql");
        stores.purchases().save(new Purchase(SHOP, OrderId.of("500000003"), null, List.of(
                new PurchaseItem(Sku.of("PHONE-A55"), "Смартфон", Money.kzt(1000), 1),
                new PurchaseItem(Sku.of("CHARGER-25W"), "Зарядка", Money.kzt(1000), 1)), AT.plusSeconds(60)));

        // then
        assertThat(stores.purchases().boughtTogether(SHOP, Set.of(Sku.of("PHONE-A55")), AT, 10)).containsExactly(
                new CoPurchase(Sku.of("CASE-A55"), 2), new CoPurchase(Sku.of("CHARGER-25W"), 1));
    }
}

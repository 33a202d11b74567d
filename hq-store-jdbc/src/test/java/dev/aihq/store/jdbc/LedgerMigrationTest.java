package dev.aihq.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.Money;
import dev.aihq.api.OrderId;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.api.event.PurchaseItem;
import dev.aihq.api.store.LedgerEntry;
import dev.aihq.api.store.LedgerEntryKind;
import dev.aihq.api.store.LedgerTotal;
import dev.aihq.api.store.Purchase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Upgrading a version-12 database to the ledger: the purchases saved before the upgrade become sales (on
 * PostgreSQL by the SQL file, on H2 by the migrator), one per order and SKU with the lines of a SKU summed,
 * at the purchase's time; a SKU with lines in two currencies is left out; another shop's purchases stay that
 * shop's; purchases saved after the upgrade record nothing by themselves.
 */
class LedgerMigrationTest {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Instant AT = Instant.parse("2026-03-01T06:00:00.123456Z");
    private static final Instant MARCH = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant APRIL = Instant.parse("2026-04-01T00:00:00Z");
    private static final ShopId SHOP = ShopId.of("kaspi_123");
    private static final ShopId OTHER_SHOP = ShopId.of("kaspi_456");
    private static final Sku PHONE = Sku.of("PHONE-A55");
    private static final Sku CASE = Sku.of("CASE-A55");
    private static final Sku TEA = Sku.of("Чай-Зелёный-100г");

    /** Applies versions 1 to 12, as an SDK of version 12 did, records them, and writes purchase rows. */
    private static void installVersionTwelve(DataSource dataSource, Dialect dialect, String prefix) throws Exception {
        OlderSchema.install(dataSource, dialect, prefix, 12, AT);
        try (Connection c = dataSource.getConnection();
                PreparedStatement old = c.prepareStatement("INSERT INTO " + prefix + "purchases (shop_id, order_id,"
                        + " customer_phone, occurred_at, currency, total, items, items_version) VALUES (?, ?, ?, ?,"
                        + " 'KZT', 0, " + dialect.jsonParameter() + ", 1)")) {
            // Purchases as version 12's SDK wrote them: the lines only in the items JSON. The first order has
            // the case on two lines; the second is anonymous; the third has a SKU priced in two currencies.
            Object[][] rows = {
                {SHOP, "500000001", "+77011234567", "[" + line(PHONE, "189990.50", "KZT", 1) + ","
                        + line(CASE, "4990", "KZT", 1) + "," + line(CASE, "4990", "KZT", 2) + "]"},
                {SHOP, "500000002", null, "[" + line(TEA, "0.1", "KZT", 3) + "]"},
                {SHOP, "500000003", null, "[" + line(PHONE, "189990", "KZT", 1) + ","
                        + line(PHONE, "35990", "RUB", 1) + "," + line(CASE, "4990", "KZT", 1) + "]"},
                {OTHER_SHOP, "500000001", null, "[" + line(PHONE, "150000", "KZT", 4) + "]"}};
            for (Object[] row : rows) {
                old.setString(1, ((ShopId) row[0]).value());
                old.setString(2, (String) row[1]);
                old.setString(3, (String) row[2]);
                old.setObject(4, AT.atOffset(ZoneOffset.UTC));
                old.setString(5, (String) row[3]);
                old.executeUpdate();
            }
        }
    }

    private static String line(Sku sku, String price, String currency, int quantity) {
        return "{\"sku\":\"" + sku.value() + "\",\"name\":\"Товар\",\"price\":{\"amount\":\"" + price
                + "\",\"currency\":\"" + currency + "\"},\"quantity\":" + quantity + "}";
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_record_purchases_saved_before_the_upgrade_as_sales(StoreDatabase database) throws Exception {
        // given
        DataSource dataSource = database == StoreDatabase.H2 ? TestDatabases.h2() : TestDatabases.postgres();
        String prefix = "lg" + COUNTER.incrementAndGet() + "_";
        Dialect dialect = database == StoreDatabase.H2 ? Dialect.H2 : Dialect.POSTGRESQL;
        installVersionTwelve(dataSource, dialect, prefix);
        JdbcStores stores = JdbcStores.builder(dataSource).tablePrefix(prefix).build();

        // when
        List<String> applied = stores.migrate();

        // then
        assertThat(applied).containsExactly("V13__ledger.sql", "V14__legal_cases.sql",
                "V15__order_index.sql", "V16__interactions.sql");
        List<LedgerTotal> totals = stores.ledger().totals(SHOP, MARCH, APRIL);
        assertThat(totals).extracting(LedgerTotal::sku).containsExactly(CASE, PHONE, TEA);
        assertThat(totals).allSatisfy(total -> {
            assertThat(total.kind()).isEqualTo(LedgerEntryKind.SALE);
            assertThat(total.currency()).isEqualTo(Money.KZT);
        });
        // The case: 1 + 2 units of the first order and 1 of the third; the third order's phone is left out.
        assertThat(totals.get(0).quantity()).isEqualByComparingTo("4");
        assertThat(totals.get(0).amount()).isEqualByComparingTo("19960");
        assertThat(totals.get(0).entries()).isEqualTo(2);
        assertThat(totals.get(1).quantity()).isEqualByComparingTo("1");
        assertThat(totals.get(1).amount()).isEqualByComparingTo("189990.50");
        assertThat(totals.get(2).quantity()).isEqualByComparingTo("3");
        assertThat(totals.get(2).amount()).isEqualByComparingTo("0.3");
        assertThat(stores.ledger().find(SHOP, "sale:500000001:CASE-A55")).contains(new LedgerEntry(SHOP,
                "sale:500000001:CASE-A55", LedgerEntryKind.SALE, AT, CASE, OrderId.of("500000001"),
                BigDecimal.valueOf(3), Money.kzt(14_970), "purchases-backfill"));
        assertThat(stores.ledger().find(SHOP, "sale:500000003:PHONE-A55")).isEmpty();
        assertThat(stores.ledger().totals(OTHER_SHOP, MARCH, APRIL)).singleElement()
                .satisfies(total -> assertThat(total.amount()).isEqualByComparingTo("600000"));
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_keep_back_filled_sale_when_the_same_order_is_recorded_again(StoreDatabase database)
            throws Exception {
        // given
        DataSource dataSource = database == StoreDatabase.H2 ? TestDatabases.h2() : TestDatabases.postgres();
        String prefix = "lg" + COUNTER.incrementAndGet() + "_";
        Dialect dialect = database == StoreDatabase.H2 ? Dialect.H2 : Dialect.POSTGRESQL;
        installVersionTwelve(dataSource, dialect, prefix);
        JdbcStores stores = JdbcStores.builder(dataSource).tablePrefix(prefix).build();
        stores.migrate();

        // when
        boolean recorded = stores.ledger().record(new LedgerEntry(SHOP, "sale:500000001:PHONE-A55",
                LedgerEntryKind.SALE, AT.plusSeconds(60), PHONE, OrderId.of("500000001"), BigDecimal.ONE,
                Money.kzt(1), "purchase-event"));
        boolean saved = stores.purchases().save(new Purchase(SHOP, OrderId.of("500000009"), null,
                List.of(new PurchaseItem(PHONE, "Смартфон", Money.kzt(1000), 1)), AT));

        // then
        assertThat(recorded).isFalse();
        assertThat(stores.ledger().find(SHOP, "sale:500000001:PHONE-A55"))
                .hasValueSatisfying(e -> assertThat(e.source()).isEqualTo("purchases-backfill"));
        assertThat(saved).isTrue();
        assertThat(stores.ledger().find(SHOP, "sale:500000009:PHONE-A55")).isEmpty();
    }
}

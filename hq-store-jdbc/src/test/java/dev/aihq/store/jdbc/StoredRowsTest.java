package dev.aihq.store.jdbc;

import static dev.aihq.testkit.Fixtures.CUSTOMER;
import static dev.aihq.testkit.Fixtures.NOW;
import static dev.aihq.testkit.Fixtures.SHOP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.Money;
import dev.aihq.api.OrderId;
import dev.aihq.api.Sku;
import dev.aihq.api.error.StoreException;
import dev.aihq.api.event.PurchaseItem;
import dev.aihq.api.store.Product;
import dev.aihq.api.store.Purchase;
import dev.aihq.testkit.Concurrency;
import dev.aihq.testkit.Fixtures;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the stores write besides what the contracts see, and how they treat rows they cannot read: a
 * damaged or newer row is a {@link StoreException} naming the table and the key, never a half-read value.
 */
class StoredRowsTest {

    private static final String BOTH = "dev.aihq.store.jdbc.MigratedDatabase#both";

    @ParameterizedTest(name = "{0}")
    @MethodSource(BOTH)
    void should_name_table_and_shop_when_settings_json_is_unreadable(Supplier<MigratedDatabase> database)
            throws SQLException {
        // given
        MigratedDatabase db = database.get();
        db.stores().shops().save(Fixtures.kaspiShop().build());
        db.execute("UPDATE " + db.table("shops") + " SET settings = " + db.json() + " WHERE shop_id = ?",
                "{\"toneOfVoice\": \"вежливо\", \"promoCodes\": \"SPRING10\"}", SHOP_ID.value());

        // when / then
        assertThatThrownBy(() -> db.stores().shops().find(SHOP_ID))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(db.table("shops"))
                .hasMessageContaining(SHOP_ID.value())
                .hasMessageContaining("promoCodes")
                .hasMessageNotContaining("SPRING10");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(BOTH)
    void should_refuse_settings_when_their_version_is_newer(Supplier<MigratedDatabase> database)
            throws SQLException {
        // given
        MigratedDatabase db = database.get();
        db.stores().shops().save(Fixtures.kaspiShop().build());
        db.execute("UPDATE " + db.table("shops") + " SET settings_version = 2");

        // when / then
        assertThatThrownBy(() -> db.stores().shops().find(SHOP_ID))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(db.table("shops"))
                .hasMessageContaining(SHOP_ID.value())
                .hasMessageContaining("settings version 2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(BOTH)
    void should_name_table_shop_and_order_when_items_json_is_unreadable(Supplier<MigratedDatabase> database)
            throws SQLException {
        // given
        MigratedDatabase db = database.get();
        db.stores().purchases().save(Fixtures.purchase(SHOP_ID, "512345678", CUSTOMER, NOW));
        db.execute("UPDATE " + db.table("purchases") + " SET items = " + db.json(),
                "[{\"sku\": \"PHN-A55-256\", \"name\": \"Смартфон\", \"price\": {\"amount\": \"x\"}, \"quantity\": 1}]");

        // when / then
        assertThatThrownBy(() -> db.stores().purchases().find(SHOP_ID, OrderId.of("512345678")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(db.table("purchases"))
                .hasMessageContaining(SHOP_ID.value())
                .hasMessageContaining("512345678");
        assertThatThrownBy(() -> db.stores().purchases().findByCustomer(SHOP_ID, CUSTOMER, 5))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("512345678");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(BOTH)
    void should_store_currency_and_total_of_the_lines_when_purchase_is_saved(Supplier<MigratedDatabase> database)
            throws SQLException {
        // given
        MigratedDatabase db = database.get();
        Purchase purchase = new Purchase(SHOP_ID, OrderId.of("512345678"), null, List.of(
                new PurchaseItem(Sku.of("A"), "Чехол", Money.kzt(4_990), 3),
                new PurchaseItem(Sku.of("B"), "Стекло", Money.of("2490.50", Money.KZT), 1)), NOW);

        // when
        db.stores().purchases().save(purchase);

        // then
        String where = " FROM " + db.table("purchases") + " WHERE shop_id = ? AND order_id = ?";
        assertThat((BigDecimal) db.queryValue("SELECT total" + where, SHOP_ID.value(), "512345678"))
                .isEqualByComparingTo("17460.50");
        assertThat(db.queryValue("SELECT currency" + where, SHOP_ID.value(), "512345678")).isEqualTo("KZT");
        assertThat(db.queryValue("SELECT customer_phone" + where, SHOP_ID.value(), "512345678")).isNull();
        assertThat(db.queryValue("SELECT items_version" + where, SHOP_ID.value(), "512345678"))
                .isEqualTo(JdbcPurchaseStore.ITEMS_VERSION);
        assertThat(db.stores().purchases().find(SHOP_ID, OrderId.of("512345678"))).contains(purchase);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(BOTH)
    void should_keep_purchase_without_lines_when_it_has_no_total(Supplier<MigratedDatabase> database) {
        // given
        MigratedDatabase db = database.get();
        Purchase empty = new Purchase(SHOP_ID, OrderId.of("512345678"), CUSTOMER, List.of(), NOW);

        // when
        boolean saved = db.stores().purchases().save(empty);

        // then
        assertThat(saved).isTrue();
        assertThat(db.stores().purchases().findByCustomer(SHOP_ID, CUSTOMER, 1)).containsExactly(empty);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(BOTH)
    void should_keep_microseconds_when_purchase_time_has_nanoseconds(Supplier<MigratedDatabase> database) {
        // given
        MigratedDatabase db = database.get();
        Instant occurredAt = Instant.parse("2026-03-02T06:00:00.123456789Z");
        db.stores().purchases().save(Fixtures.purchase(SHOP_ID, "512345678", CUSTOMER, occurredAt));

        // when
        Purchase found = db.stores().purchases().find(SHOP_ID, OrderId.of("512345678")).orElseThrow();

        // then
        assertThat(found.occurredAt()).isEqualTo(Instant.parse("2026-03-02T06:00:00.123456Z"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(BOTH)
    void should_save_an_order_once_when_threads_save_it_together(Supplier<MigratedDatabase> database) {
        // given
        MigratedDatabase db = database.get();

        // when
        List<Boolean> saved = Concurrency.race(8, i -> db.stores().purchases()
                .save(Fixtures.purchase(SHOP_ID, "512345678", CUSTOMER, NOW.plusSeconds(i))));

        // then
        assertThat(saved).containsOnlyOnce(true);
        assertThat(db.stores().purchases().findByCustomer(SHOP_ID, CUSTOMER, 10)).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(BOTH)
    void should_refuse_a_price_when_it_has_more_decimals_than_the_column(Supplier<MigratedDatabase> database) {
        // given
        MigratedDatabase db = database.get();
        Product product = new Product(SHOP_ID, Sku.of("X-1"), "Товар", "Разное", Money.of("10.00001", Money.KZT),
                null, 1, true);

        // when / then
        assertThatThrownBy(() -> db.stores().catalog().save(product))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("X-1")
                .hasMessageContaining("4 decimal places");
        assertThat(db.stores().catalog().list(SHOP_ID)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(BOTH)
    void should_keep_four_decimal_places_when_price_has_them(Supplier<MigratedDatabase> database) {
        // given
        MigratedDatabase db = database.get();
        Product product = new Product(SHOP_ID, Sku.of("X-1"), "Товар", "Разное", Money.of("10.0125", Money.KZT),
                Money.of("0.5", Money.KZT), 1, true);

        // when
        db.stores().catalog().save(product);

        // then
        assertThat(db.stores().catalog().find(SHOP_ID, Sku.of("X-1"))).contains(product);
    }
}

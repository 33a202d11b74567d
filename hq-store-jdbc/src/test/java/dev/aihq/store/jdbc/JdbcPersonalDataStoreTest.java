package dev.aihq.store.jdbc;

import static dev.aihq.testkit.Fixtures.CUSTOMER;
import static dev.aihq.testkit.Fixtures.NOW;
import static dev.aihq.testkit.Fixtures.OTHER_CUSTOMER;
import static dev.aihq.testkit.Fixtures.SHOP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aihq.api.OrderId;
import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.error.StoreException;
import dev.aihq.api.shop.SalesSettings;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.store.ConversationMessage;
import dev.aihq.api.store.ConversationMessage.Direction;
import dev.aihq.api.store.PurgeReport;
import dev.aihq.testkit.Fixtures;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Erasure and purges on each database, where the SQL and the transaction show. */
class JdbcPersonalDataStoreTest {

    private static final String MARCH_TOTALS = "SELECT COUNT(*), SUM(total) FROM %s WHERE shop_id = ?"
            + " AND occurred_at >= ? AND occurred_at < ?";

    private static void givenPurchases(MigratedDatabase db) {
        db.stores().shops().save(Fixtures.kaspiShop().build());
        db.stores().purchases().save(Fixtures.purchase(SHOP_ID, "m-1", CUSTOMER, NOW));
        db.stores().purchases().save(Fixtures.purchase(SHOP_ID, "m-2", CUSTOMER, NOW.plus(Duration.ofDays(3))));
        db.stores().purchases().save(Fixtures.purchase(SHOP_ID, "m-3", OTHER_CUSTOMER, NOW.plus(Duration.ofDays(4))));
        db.stores().purchases().save(Fixtures.purchase(SHOP_ID, "m-4", null, NOW.plus(Duration.ofDays(5))));
    }

    private static String marchTotals(MigratedDatabase db) throws SQLException {
        String sql = String.format(MARCH_TOTALS, db.table("purchases"));
        Object count = db.queryValue(sql, SHOP_ID.value(), Jdbc.utc(NOW.minus(Duration.ofDays(1))),
                Jdbc.utc(NOW.plus(Duration.ofDays(29))));
        String sum = db.queryString(sql.replace("SELECT COUNT(*), SUM(total)", "SELECT SUM(total)"), SHOP_ID.value(),
                Jdbc.utc(NOW.minus(Duration.ofDays(1))), Jdbc.utc(NOW.plus(Duration.ofDays(29))));
        return count + " orders, " + new BigDecimal(sum).stripTrailingZeros().toPlainString();
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_keep_the_months_sums_in_sql_when_customer_is_erased(StoreDatabase database) throws SQLException {
        // given
        MigratedDatabase db = database.freshTables(b -> b.suppressionKey(TestDatabases.SUPPRESSION_KEY));
        givenPurchases(db);
        String before = marchTotals(db);

        // when
        db.stores().personalData().erase(SHOP_ID, CUSTOMER, "Айгерим", NOW.plus(Duration.ofDays(6)));

        // then
        assertThat(marchTotals(db)).isEqualTo(before).isEqualTo("4 orders, 779920");
        assertThat(db.queryValue("SELECT COUNT(*) FROM " + db.table("purchases")
                + " WHERE customer_phone IS NULL")).asString().isEqualTo("3");
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_refuse_to_erase_and_change_nothing_when_no_suppression_key_is_set(StoreDatabase database) {
        // given
        MigratedDatabase db = database.freshTables();
        givenPurchases(db);

        // when / then
        assertThatThrownBy(() -> db.stores().personalData().erase(SHOP_ID, CUSTOMER, null, NOW))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("JdbcStores.Builder#suppressionKey(byte[])")
                .hasMessageContaining("nothing was erased");
        assertThat(db.stores().purchases().find(SHOP_ID, OrderId.of("m-1")).orElseThrow().customer())
                .isEqualTo(CUSTOMER);
        assertThat(db.stores().personalData().purgeBefore(SHOP_ID, NOW))
                .isEqualTo(new PurgeReport(SHOP_ID, NOW, 0, 0, 0, 0));
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_roll_back_everything_when_a_step_of_the_erasure_fails(StoreDatabase database) throws SQLException {
        // given
        MigratedDatabase db = database.freshTables(b -> b.suppressionKey(TestDatabases.SUPPRESSION_KEY));
        givenPurchases(db);
        db.stores().conversations().append(new ConversationMessage(SHOP_ID, CUSTOMER, Direction.INBOUND,
                "Здравствуйте", NOW, "c-1"));
        db.execute("DROP TABLE " + db.table("suppressions"));

        // when / then
        assertThatThrownBy(() -> db.stores().personalData().erase(SHOP_ID, CUSTOMER, null, NOW))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("erasing customer +770******67 of shop kaspi_123 failed");
        assertThat(db.stores().purchases().find(SHOP_ID, OrderId.of("m-1")).orElseThrow().customer())
                .isEqualTo(CUSTOMER);
        assertThat(db.stores().conversations().recent(SHOP_ID, CUSTOMER, 10)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_read_the_default_sales_settings_when_settings_were_saved_without_them(StoreDatabase database)
            throws Exception {
        // given settings as written before the sales settings existed
        MigratedDatabase db = database.freshTables();
        db.stores().shops().save(Fixtures.kaspiShop().settings(ShopSettings.builder().dailyTokenBudget(1000)
                .sales(SalesSettings.builder().maxCandidates(9).build()).build()).build());
        ObjectNode saved = (ObjectNode) new ObjectMapper().readTree(db.queryString("SELECT settings FROM "
                + db.table("shops") + " WHERE shop_id = ?", SHOP_ID.value()));
        assertThat(saved.remove("sales")).as("the field as written now").isNotNull();
        db.execute("UPDATE " + db.table("shops") + " SET settings = " + db.json() + " WHERE shop_id = ?",
                saved.toString(), SHOP_ID.value());

        // when
        ShopSettings settings = db.stores().shops().find(SHOP_ID).orElseThrow().settings();

        // then
        assertThat(settings.sales()).isEqualTo(SalesSettings.defaults());
        assertThat(settings.dailyTokenBudget()).isEqualTo(1000);
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_read_the_default_retention_when_settings_were_saved_without_it(StoreDatabase database)
            throws Exception {
        // given
        MigratedDatabase db = database.freshTables();
        db.stores().shops().save(Fixtures.kaspiShop().settings(ShopSettings.builder().dailyTokenBudget(1000)
                .personalDataRetention(Duration.ofDays(7)).build()).build());
        ObjectNode saved = (ObjectNode) new ObjectMapper().readTree(db.queryString("SELECT settings FROM "
                + db.table("shops") + " WHERE shop_id = ?", SHOP_ID.value()));
        assertThat(saved.remove("personalDataRetention")).as("the field as version 6 writes it").isNotNull();
        db.execute("UPDATE " + db.table("shops") + " SET settings = " + db.json() + " WHERE shop_id = ?",
                saved.toString(), SHOP_ID.value());

        // when
        ShopSettings settings = db.stores().shops().find(SHOP_ID).orElseThrow().settings();

        // then
        assertThat(settings.personalDataRetention()).isEqualTo(ShopSettings.DEFAULT_PERSONAL_DATA_RETENTION);
        assertThat(settings.dailyTokenBudget()).isEqualTo(1000);
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_keep_a_shops_own_retention_when_saved_and_read(StoreDatabase database) {
        // given
        MigratedDatabase db = database.freshTables();
        db.stores().shops().save(Fixtures.kaspiShop()
                .settings(ShopSettings.builder().personalDataRetention(Duration.ofDays(90)).build()).build());

        // when / then
        assertThat(db.stores().shops().find(SHOP_ID).orElseThrow().settings().personalDataRetention())
                .isEqualTo(Duration.ofDays(90));
    }
}

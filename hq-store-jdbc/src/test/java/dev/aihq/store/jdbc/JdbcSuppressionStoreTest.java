package dev.aihq.store.jdbc;

import static dev.aihq.testkit.Fixtures.CUSTOMER;
import static dev.aihq.testkit.Fixtures.NOW;
import static dev.aihq.testkit.Fixtures.SHOP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.store.PhoneHash;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the suppression contract cannot see: the table holds no phone number, and the key is required. */
class JdbcSuppressionStoreTest {

    record Database(String name, DataSource dataSource, String prefix) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Database> databases() {
        return Stream.of(new Database("h2", TestDatabases.h2(), "hq_"),
                new Database("postgresql", TestDatabases.postgres(), "s" + System.nanoTime() % 1_000_000 + "_"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void should_store_only_the_keyed_hash_when_customer_is_suppressed(Database database) throws SQLException {
        // given
        JdbcStores stores = JdbcStores.builder(database.dataSource()).tablePrefix(database.prefix())
                .suppressionKey(TestDatabases.SUPPRESSION_KEY).build();
        stores.migrate();

        // when
        stores.suppressions().suppress(SHOP_ID, CUSTOMER, "opted-out", NOW);

        // then
        List<List<String>> rows = readAll(database.dataSource(), database.prefix() + "suppressions");
        assertThat(rows).hasSize(1);
        String digits = CUSTOMER.digits();
        String localDigits = digits.substring(1);
        for (String value : rows.get(0)) {
            assertThat(value).doesNotContain(digits).doesNotContain(localDigits).doesNotContain("1234567");
        }
        assertThat(rows.get(0)).contains(PhoneHash.of(TestDatabases.SUPPRESSION_KEY, SHOP_ID, CUSTOMER).hex());
    }

    @Test
    void should_fail_naming_the_setting_when_suppression_key_is_missing() {
        // given
        JdbcStores stores = JdbcStores.builder(TestDatabases.h2()).build();

        // when / then
        assertThatThrownBy(stores::suppressions)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("suppressionKey");
        assertThat(stores.promptTemplates()).isNotNull();
    }

    @Test
    void should_reject_build_when_suppression_key_is_too_short() {
        // when / then
        assertThatThrownBy(() -> JdbcStores.builder(TestDatabases.h2()).suppressionKey(new byte[8]).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("suppression key must be at least 16 bytes");
    }

    private static List<List<String>> readAll(DataSource dataSource, String table) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = rows.getMetaData();
            List<List<String>> result = new ArrayList<>();
            while (rows.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(String.valueOf(rows.getObject(i)));
                }
                result.add(row);
            }
            return result;
        }
    }
}

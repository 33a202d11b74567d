package dev.aihq.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.annotation.Nullable;
import javax.sql.DataSource;
import org.junit.jupiter.api.Named;

/**
 * A migrated database with its stores, for tests that also read or write rows directly and run against
 * both databases. {@link #both()} supplies each lazily, so that a PostgreSQL that cannot start fails the
 * test that needs it instead of being skipped.
 *
 * @param dataSource the database
 * @param stores the stores on fresh tables
 */
record MigratedDatabase(DataSource dataSource, JdbcStores stores) {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** Both databases, for {@code @MethodSource}: fresh tables on the shared PostgreSQL, a fresh H2. */
    static Stream<Named<Supplier<MigratedDatabase>>> both() {
        return Stream.of(
                Named.of("PostgreSQL", MigratedDatabase::postgres),
                Named.of("H2", MigratedDatabase::h2));
    }

    static MigratedDatabase postgres() {
        return postgres(builder -> builder);
    }

    static MigratedDatabase h2() {
        return h2(builder -> builder);
    }

    /** Fresh tables on the shared PostgreSQL, with extra builder settings. */
    static MigratedDatabase postgres(UnaryOperator<JdbcStores.Builder> settings) {
        DataSource postgres = TestDatabases.postgres();
        return migrated(postgres, settings.apply(JdbcStores.builder(postgres)
                .tablePrefix("md" + COUNTER.incrementAndGet() + "_")).build());
    }

    /** A fresh H2 database, with extra builder settings. */
    static MigratedDatabase h2(UnaryOperator<JdbcStores.Builder> settings) {
        DataSource h2 = TestDatabases.h2();
        return migrated(h2, settings.apply(JdbcStores.builder(h2)).build());
    }

    private static MigratedDatabase migrated(DataSource dataSource, JdbcStores stores) {
        stores.migrate();
        return new MigratedDatabase(dataSource, stores);
    }

    /** Returns a table's name with this database's prefix. */
    String table(String name) {
        return stores.tablePrefix() + name;
    }

    /** Returns the placeholder that binds a JSON text to a JSON column. */
    String json() {
        return stores.dialect().jsonParameter();
    }

    /** Runs an update with positional parameters and returns its count. */
    int execute(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    /** Runs a query with positional parameters and returns the first column of its first row, or null. */
    @Nullable Object queryValue(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet row = statement.executeQuery()) {
            return row.next() ? row.getObject(1) : null;
        }
    }

    /** Runs a query with positional parameters and returns its first value as text, or null. */
    @Nullable String queryString(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet row = statement.executeQuery()) {
            return row.next() ? row.getString(1) : null;
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }
}

package dev.aihq.store.jdbc;

import dev.aihq.api.error.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.annotation.Nullable;

/**
 * The SQL differences between the supported databases, kept in this one place: how a JSON value is
 * bound, how an upsert, an insert-if-absent and an atomic addition to a counter are written, and where the
 * schema files are.
 */
public enum Dialect {

    /** PostgreSQL 12+ (Supabase included): {@code jsonb}, {@code ON CONFLICT}, {@code SKIP LOCKED}. */
    POSTGRESQL("postgresql", "CAST(? AS jsonb)"),

    /** H2 2.x, embedded in the application's JVM: {@code JSON}, {@code MERGE … KEY}. */
    H2("h2", "? FORMAT JSON");

    private final String schemaFolder;
    private final String jsonParameter;

    Dialect(String schemaFolder, String jsonParameter) {
        this.schemaFolder = schemaFolder;
        this.jsonParameter = jsonParameter;
    }

    /**
     * Detects the dialect of a connection from its database product name.
     *
     * @param connection an open connection
     * @return the dialect
     * @throws StoreException when the database is neither PostgreSQL nor H2
     */
    public static Dialect detect(Connection connection) {
        String product;
        try {
            product = connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new StoreException("cannot read the database product name to choose a SQL dialect", e);
        }
        String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        if (name.equals("h2")) {
            return H2;
        }
        throw new StoreException("unsupported database '" + product + "': AI HQ's JDBC stores support PostgreSQL and H2");
    }

    /**
     * Returns the classpath folder of this dialect's schema files.
     *
     * @return e.g. {@code db/aihq/postgresql}
     */
    public String schemaLocation() {
        return "db/aihq/" + schemaFolder;
    }

    /**
     * Returns the placeholder that binds a JSON text parameter to a JSON column.
     *
     * @return e.g. {@code CAST(? AS jsonb)}
     */
    public String jsonParameter() {
        return jsonParameter;
    }

    /**
     * Writes an insert that does nothing when the key exists. On PostgreSQL the update count tells; on H2
     * the insert fails with a unique violation, which {@link #isUniqueViolation(SQLException)} recognises.
     *
     * @param table the table
     * @param columns the columns
     * @param values the value expressions, one per column
     * @return the SQL
     */
    public String insertIfAbsent(String table, List<String> columns, List<String> values) {
        String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", values) + ")";
        return this == POSTGRESQL ? insert + " ON CONFLICT DO NOTHING" : insert;
    }

    /**
     * Writes an insert-or-replace by key.
     *
     * @param table the table
     * @param columns the columns
     * @param values the value expressions, one per column
     * @param keys the key columns, a subset of {@code columns}
     * @return the SQL
     */
    public String upsert(String table, List<String> columns, List<String> values, List<String> keys) {
        if (this == H2) {
            return "MERGE INTO " + table + " (" + String.join(", ", columns) + ") KEY (" + String.join(", ", keys)
                    + ") VALUES (" + String.join(", ", values) + ")";
        }
        String updates = columns.stream().filter(c -> !keys.contains(c)).map(c -> c + " = EXCLUDED." + c)
                .collect(Collectors.joining(", "));
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + String.join(", ", values)
                + ") ON CONFLICT (" + String.join(", ", keys) + ") DO "
                + (updates.isEmpty() ? "NOTHING" : "UPDATE SET " + updates);
    }

    /**
     * Writes one statement that adds an amount to a counter row and returns the row's new value, creating
     * the row at the amount when it is missing. Its parameters are the key values in the order of
     * {@code keys}, then the amount; it is run as a query whose one row holds the new value.
     *
     * <p>On PostgreSQL it is {@code INSERT … ON CONFLICT … DO UPDATE … RETURNING}, atomic as it stands. On
     * H2 it is a {@code MERGE … USING} read through {@code FINAL TABLE}: the update of an existing row is
     * atomic, but two sessions creating the same row at once make the later one fail with a unique
     * violation ({@link #isUniqueViolation(SQLException)}); run it again, and it finds the row.
     *
     * @param table the table
     * @param keys the key columns
     * @param counter the counter column
     * @return the SQL
     */
    public String addAndReturn(String table, List<String> keys, String counter) {
        List<String> columns = new ArrayList<>(keys);
        columns.add(counter);
        String columnList = String.join(", ", columns);
        String parameters = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        if (this == H2) {
            String matches = keys.stream().map(k -> "t." + k + " = s." + k).collect(Collectors.joining(" AND "));
            String sourceValues = columns.stream().map(c -> "s." + c).collect(Collectors.joining(", "));
            return "SELECT " + counter + " FROM FINAL TABLE (MERGE INTO " + table + " AS t USING (VALUES ("
                    + parameters + ")) AS s (" + columnList + ") ON " + matches + " WHEN MATCHED THEN UPDATE SET "
                    + counter + " = t." + counter + " + s." + counter + " WHEN NOT MATCHED THEN INSERT ("
                    + columnList + ") VALUES (" + sourceValues + "))";
        }
        return "INSERT INTO " + table + " AS t (" + columnList + ") VALUES (" + parameters + ") ON CONFLICT ("
                + String.join(", ", keys) + ") DO UPDATE SET " + counter + " = t." + counter + " + EXCLUDED."
                + counter + " RETURNING " + counter;
    }

    /**
     * Tells whether an exception is a unique-key violation (SQLSTATE 23505 on both databases).
     *
     * @param e the exception
     * @return {@code true} for a duplicate key
     */
    public boolean isUniqueViolation(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if ("23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Tells whether one statement can lock rows in a {@code WITH} query ({@code FOR UPDATE SKIP LOCKED}),
     * update them and return them ({@code UPDATE … FROM … RETURNING}). PostgreSQL can; on H2 the same work
     * takes a transaction of locking {@code SELECT}s and an {@code UPDATE} per row.
     *
     * @return {@code true} on PostgreSQL
     */
    public boolean updatesReturningRows() {
        return this == POSTGRESQL;
    }

    /**
     * Writes a select that locks the first rows matching a condition in the order of an index, skipping
     * rows that other transactions hold ({@code FOR UPDATE SKIP LOCKED}); its last parameter is how many
     * rows to take. The index must start with the condition's equality columns, then the order columns.
     *
     * <p>On PostgreSQL it is {@code … ORDER BY … LIMIT ? FOR UPDATE SKIP LOCKED}. H2 cannot combine
     * {@code ORDER BY} with {@code FOR UPDATE} without reading and locking every matching row, so there the
     * select names the index ({@code USE INDEX}) and has no {@code ORDER BY}: H2 reads an index in its order
     * and stops at the limit, locking only the rows it returns.
     *
     * @param table the table
     * @param columns the columns to select, e.g. {@code shop_id, message_id}
     * @param index the index to read, e.g. {@code hq_outbox_pending_due}
     * @param condition the condition, e.g. {@code status = 'PENDING' AND due_at <= ?}
     * @param order the order of the index, e.g. {@code status, due_at}
     * @return the SQL
     */
    public String lockFirst(String table, String columns, String index, String condition, String order) {
        if (this == H2) {
            return "SELECT " + columns + " FROM " + table + " USE INDEX (" + index + ") WHERE " + condition
                    + " LIMIT ? FOR UPDATE SKIP LOCKED";
        }
        return "SELECT " + columns + " FROM " + table + " WHERE " + condition + " ORDER BY " + order
                + " LIMIT ? FOR UPDATE SKIP LOCKED";
    }

    /**
     * Writes the statement that makes the rest of the transaction plan every statement for the values it is
     * run with, for a query whose best plan depends on them: a time range that covers most of a table wants a
     * parallel sequential scan, a short one the index. After five runs of a prepared statement PostgreSQL may
     * switch to one generic plan, which guesses a range's rows without its bounds (0.5 %); for a month that is
     * most of the ledger it then reads a million rows one index entry at a time, three to four times slower.
     * Planning anew costs well under a millisecond. H2 has no such setting.
     *
     * @return {@code SET LOCAL plan_cache_mode = force_custom_plan} on PostgreSQL (12+), else {@code null}
     */
    public @Nullable String customPlansInTransaction() {
        return this == POSTGRESQL ? "SET LOCAL plan_cache_mode = force_custom_plan" : null;
    }

    /**
     * Writes an expression that reads a JSON column as its JSON text, e.g. to search it with {@code LIKE}.
     * Both databases keep non-ASCII characters as they are in that text.
     *
     * @param column the JSON column
     * @return e.g. {@code stages::text}
     */
    public String jsonText(String column) {
        return this == POSTGRESQL ? column + "::text" : "CAST(" + column + " AS VARCHAR)";
    }

    /**
     * Writes an expression that compares and orders a text column by character code, as Java's
     * {@link String#compareTo} does, whatever the database's collation.
     *
     * @param column the column
     * @return e.g. {@code shop_id COLLATE "C"}
     */
    public String byCharacterCode(String column) {
        return this == POSTGRESQL ? column + " COLLATE \"C\"" : column;
    }
}

package dev.aihq.store.jdbc;

import dev.aihq.api.ShopId;
import dev.aihq.api.store.TokenUsageStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The {@link TokenUsageStore} in table {@code <prefix>token_usage}: one counter row per (shop, local day).
 *
 * <p>An addition is one statement that adds to the row, creating it when missing, and returns the new
 * total ({@link Dialect#addAndReturn}): the database's row lock orders concurrent additions, also from
 * different application instances, so none is lost and each sees its own running total. On H2 two
 * sessions creating a day's row at once make one of them fail with a unique violation; it runs again and
 * adds to the row the other created. Thread-safe; holds no connection between calls.
 */
final class JdbcTokenUsageStore implements TokenUsageStore {

    private final Jdbc jdbc;
    private final String table;
    private final String add;
    private final String select;

    JdbcTokenUsageStore(Jdbc jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.table = jdbc.table("token_usage");
        this.add = jdbc.dialect.addAndReturn(table, List.of("shop_id", "usage_day"), "tokens");
        this.select = "SELECT tokens FROM " + table + " WHERE shop_id = ? AND usage_day = ?";
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when {@code tokens} is negative
     */
    @Override
    public long add(ShopId shopId, LocalDate day, long tokens) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(day, "day");
        if (tokens < 0) {
            throw new IllegalArgumentException("tokens must not be negative, got " + tokens);
        }
        return UniqueViolations.retry(jdbc, "adding tokens for shop " + shopId + " on " + day + " in " + table,
                connection -> {
                    List<Long> total = Jdbc.query(connection, add, statement -> {
                        statement.setString(1, shopId.value());
                        statement.setObject(2, day);
                        statement.setLong(3, tokens);
                    }, row -> row.getLong(1));
                    if (total.size() != 1) {
                        throw new SQLException("the addition returned " + total.size() + " rows instead of one");
                    }
                    return total.get(0);
                });
    }

    @Override
    public long used(ShopId shopId, LocalDate day) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(day, "day");
        return jdbc.queryOne("reading the tokens of shop " + shopId + " on " + day + " from " + table, select,
                statement -> {
                    statement.setString(1, shopId.value());
                    statement.setObject(2, day);
                }, JdbcTokenUsageStore::tokens).orElse(0L);
    }

    private static long tokens(ResultSet row) throws SQLException {
        return row.getLong("tokens");
    }
}

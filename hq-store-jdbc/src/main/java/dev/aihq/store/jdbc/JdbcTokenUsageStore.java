package dev.aihq.store.jdbc;

import dev.aihq.api.ShopId;
import dev.aihq.api.store.TokenUsageStore;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@link TokenUsageStore} in table {@code <prefix>token_usage}: up to {@value #SHARDS} counter rows
 * (shards) per (shop, local day), whose sum is the day's total.
 *
 * <p>An addition adds to one shard chosen at random, creating it when missing ({@link Dialect#addAndReturn}:
 * the row lock orders concurrent additions to a shard, also from different application instances, so
 * none is lost), then reads the day's sum on the same connection. One row per day would make every run of
 * a busy shop wait for the previous run's commit to release it; with shards, concurrent runs rarely meet.
 * The returned total includes this addition and every one committed before it. On H2 two sessions
 * creating a shard at once make one of them fail with a unique violation; it runs again and adds to the
 * row the other created. Thread-safe; holds no connection between calls.
 */
final class JdbcTokenUsageStore implements TokenUsageStore {

    /** How many rows a shop's day is spread over. */
    static final int SHARDS = 16;

    private final Jdbc jdbc;
    private final String table;
    private final String add;
    private final String select;

    JdbcTokenUsageStore(Jdbc jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.table = jdbc.table("token_usage");
        this.add = jdbc.dialect.addAndReturn(table, List.of("shop_id", "usage_day", "shard"), "tokens");
        this.select = "SELECT COALESCE(SUM(tokens), 0) FROM " + table + " WHERE shop_id = ? AND usage_day = ?";
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
        int shard = ThreadLocalRandom.current().nextInt(SHARDS);
        String operation = "adding tokens for shop " + shopId + " on " + day + " in " + table;
        UniqueViolations.retry(jdbc, operation, connection -> {
            List<Long> added = Jdbc.query(connection, add, statement -> {
                statement.setString(1, shopId.value());
                statement.setObject(2, day);
                statement.setInt(3, shard);
                statement.setLong(4, tokens);
            }, row -> row.getLong(1));
            if (added.size() != 1) {
                throw new SQLException("the addition returned " + added.size() + " rows instead of one");
            }
            return added.get(0);
        });
        return total(operation, shopId, day);
    }

    @Override
    public long used(ShopId shopId, LocalDate day) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(day, "day");
        return total("reading the tokens of shop " + shopId + " on " + day + " from " + table, shopId, day);
    }

    private long total(String operation, ShopId shopId, LocalDate day) {
        return jdbc.queryOne(operation, select, statement -> {
            statement.setString(1, shopId.value());
            statement.setObject(2, day);
        }, row -> row.getLong(1)).orElse(0L);
    }
}

package dev.aihq.store.jdbc;

import dev.aihq.api.ShopId;
import dev.aihq.api.store.PollCursor;
import dev.aihq.api.store.PollCursorStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link PollCursorStore} in table {@code <prefix>poll_cursors}, keyed by (shop, stream).
 *
 * <p>A save is one upsert ({@link Dialect#upsert}); on H2 two sessions creating the same cursor at once make
 * one fail with a unique violation, and it runs again and replaces the other's. Every query reads the
 * primary key, a shop's list in stream order. Thread-safe; holds no connection between calls.
 */
final class JdbcPollCursorStore implements PollCursorStore {

    private final Jdbc jdbc;
    private final String table;
    private final String upsert;
    private final String selectOne;
    private final String selectAll;
    private final String delete;

    JdbcPollCursorStore(Jdbc jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.table = jdbc.table("poll_cursors");
        this.upsert = jdbc.dialect.upsert(table, List.of("shop_id", "stream", "position", "updated_at"),
                List.of("?", "?", "?", "?"), List.of("shop_id", "stream"));
        String columns = "SELECT shop_id, stream, position, updated_at FROM " + table;
        this.selectOne = columns + " WHERE shop_id = ? AND stream = ?";
        this.selectAll = columns + " WHERE shop_id = ? ORDER BY stream";
        this.delete = "DELETE FROM " + table + " WHERE shop_id = ? AND stream = ?";
    }

    @Override
    public Optional<PollCursor> find(ShopId shopId, String stream) {
        Objects.requireNonNull(shopId, "shop id");
        PollCursor.requireValidStream(stream);
        return jdbc.queryOne("reading cursor " + stream + " of shop " + shopId + " from " + table, selectOne,
                statement -> {
                    statement.setString(1, shopId.value());
                    statement.setString(2, stream);
                }, JdbcPollCursorStore::cursor);
    }

    @Override
    public void save(PollCursor cursor) {
        Objects.requireNonNull(cursor, "cursor");
        UniqueViolations.retry(jdbc, "saving cursor " + cursor.stream() + " of shop " + cursor.shopId() + " in "
                + table, connection -> Jdbc.update(connection, upsert, statement -> {
                    statement.setString(1, cursor.shopId().value());
                    statement.setString(2, cursor.stream());
                    statement.setString(3, cursor.position());
                    statement.setObject(4, Jdbc.utc(cursor.updatedAt()));
                }));
    }

    @Override
    public List<PollCursor> list(ShopId shopId) {
        Objects.requireNonNull(shopId, "shop id");
        return jdbc.query("listing the cursors of shop " + shopId + " from " + table, selectAll,
                statement -> statement.setString(1, shopId.value()), JdbcPollCursorStore::cursor);
    }

    @Override
    public boolean delete(ShopId shopId, String stream) {
        Objects.requireNonNull(shopId, "shop id");
        PollCursor.requireValidStream(stream);
        return jdbc.update("deleting cursor " + stream + " of shop " + shopId + " from " + table, delete,
                statement -> {
                    statement.setString(1, shopId.value());
                    statement.setString(2, stream);
                }) > 0;
    }

    private static PollCursor cursor(ResultSet row) throws SQLException {
        return new PollCursor(ShopId.of(row.getString("shop_id")), row.getString("stream"),
                row.getString("position"), Objects.requireNonNull(Jdbc.instant(row, "updated_at"), "updated_at"));
    }
}

package dev.aihq.store.jdbc;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.error.StoreException;
import dev.aihq.api.store.ConversationMessage;
import dev.aihq.api.store.ConversationStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link ConversationStore} in table {@code <prefix>conversations}, keyed by (shop, message key).
 *
 * <p>An append is one insert-if-absent, so the database's unique key decides which of two racing appends
 * of a key wins: PostgreSQL reports a duplicate through the update count ({@code ON CONFLICT DO NOTHING}),
 * H2 through a unique violation, and either way the first message stays. A customer's recent messages are
 * read newest first (ties by message key) from the index on (shop, customer, time) and returned oldest
 * first; a purge deletes from the shop's range of the same index. Times are kept to the microsecond.
 * Thread-safe; holds no connection between calls.
 */
final class JdbcConversationStore implements ConversationStore {

    private static final String COLUMNS = "shop_id, customer_phone, direction, body, at, message_key";

    private final Jdbc jdbc;
    private final String table;
    private final String insert;
    private final String selectRecent;
    private final String purge;
    private final String selectLastInbound;

    JdbcConversationStore(Jdbc jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.table = jdbc.table("conversations");
        this.insert = jdbc.dialect.insertIfAbsent(table, List.of(COLUMNS.split(", ")),
                List.of("?", "?", "?", "?", "?", "?"));
        this.selectRecent = "SELECT " + COLUMNS + " FROM " + table + " WHERE shop_id = ? AND customer_phone = ?"
                + " ORDER BY at DESC, message_key DESC LIMIT ?";
        this.purge = "DELETE FROM " + table + " WHERE shop_id = ? AND at < ?";
        this.selectLastInbound = "SELECT MAX(at) AS at FROM " + table + " WHERE shop_id = ? AND customer_phone = ?"
                + " AND direction = 'INBOUND'";
    }

    @Override
    public boolean append(ConversationMessage message) {
        Objects.requireNonNull(message, "message");
        return jdbc.withConnection("appending message " + message.messageKey() + " of shop " + message.shopId()
                + " to " + table, connection -> {
                    return jdbc.insertOnce(connection, insert, statement -> {
                        statement.setString(1, message.shopId().value());
                        statement.setString(2, message.customer().e164());
                        statement.setString(3, message.direction().name());
                        statement.setString(4, message.text());
                        statement.setObject(5, Jdbc.utc(message.at()));
                        statement.setString(6, message.messageKey());
                    });
                });
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when {@code limit} is below 1
     */
    @Override
    public List<ConversationMessage> recent(ShopId shopId, PhoneNumber customer, int limit) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(customer, "customer");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        List<ConversationMessage> newestFirst = new ArrayList<>(jdbc.query("reading the conversation of "
                + customer.masked() + " with shop " + shopId + " from " + table, selectRecent, statement -> {
                    statement.setString(1, shopId.value());
                    statement.setString(2, customer.e164());
                    statement.setInt(3, limit);
                }, JdbcConversationStore::read));
        Collections.reverse(newestFirst);
        return List.copyOf(newestFirst);
    }

    /**
     * {@inheritDoc}
     *
     * <p>One {@code MAX(at)} over the customer's inbound messages, read from the index on (shop, customer,
     * time).
     */
    @Override
    public Optional<Instant> lastInboundAt(ShopId shopId, PhoneNumber customer) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(customer, "customer");
        return jdbc.withConnection("reading when " + customer.masked() + " last wrote to shop " + shopId + " from "
                + table, connection -> {
                    List<Instant> at = Jdbc.query(connection, selectLastInbound, statement -> {
                        statement.setString(1, shopId.value());
                        statement.setString(2, customer.e164());
                    }, row -> Jdbc.instant(row, "at"));
                    return at.isEmpty() ? Optional.<Instant>empty() : Optional.ofNullable(at.get(0));
                });
    }

    @Override
    public int purgeBefore(ShopId shopId, Instant before) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(before, "before");
        return jdbc.update("purging the messages of shop " + shopId + " before " + before + " from " + table, purge,
                statement -> {
                    statement.setString(1, shopId.value());
                    statement.setObject(2, Jdbc.utc(before));
                });
    }

    private static ConversationMessage read(ResultSet row) throws SQLException {
        Instant at = Jdbc.instant(row, "at");
        if (at == null) {
            throw new StoreException("message " + row.getString("message_key") + " has no time");
        }
        return new ConversationMessage(ShopId.of(row.getString("shop_id")),
                PhoneNumber.parse(row.getString("customer_phone")),
                ConversationMessage.Direction.valueOf(row.getString("direction")), row.getString("body"), at,
                row.getString("message_key"));
    }
}

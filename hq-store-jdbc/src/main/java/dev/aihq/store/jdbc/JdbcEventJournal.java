package dev.aihq.store.jdbc;

import dev.aihq.api.ShopId;
import dev.aihq.api.error.StoreException;
import dev.aihq.api.event.HqEvent;
import dev.aihq.api.result.RunId;
import dev.aihq.api.store.EventJournal;
import dev.aihq.api.store.JournalEntry;
import dev.aihq.api.store.JournalResult;
import dev.aihq.http.JsonFormatException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link EventJournal} in table {@code <prefix>event_journal}, keyed by (shop, idempotency key).
 *
 * <p>An append is one insert-if-absent: the database's unique key decides which of two racing appends
 * wins, also when they come from different application instances. PostgreSQL reports a duplicate through
 * the update count ({@code ON CONFLICT DO NOTHING}), H2 through a unique violation; either way the first
 * entry is then read and returned. The event is stored as JSON ({@code payload}, schema version
 * {@value #PAYLOAD_VERSION}) and read back into the record class registered for its type in
 * {@link EventTypes}. Times are kept to the microsecond. Thread-safe; holds no connection between calls.
 */
final class JdbcEventJournal implements EventJournal {

    /** The version of the {@code payload} JSON this class writes and reads. */
    static final int PAYLOAD_VERSION = 1;

    /** How often an append retries when the entry that blocked it cannot be read yet (it was not committed). */
    private static final int ATTEMPTS = 5;

    private final Jdbc jdbc;
    private final EventTypes eventTypes;
    private final String table;
    private final String insert;
    private final String select;

    JdbcEventJournal(Jdbc jdbc, EventTypes eventTypes) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.eventTypes = Objects.requireNonNull(eventTypes, "eventTypes");
        this.table = jdbc.table("event_journal");
        this.insert = jdbc.dialect.insertIfAbsent(table,
                List.of("shop_id", "idempotency_key", "event_type", "run_id", "received_at", "payload",
                        "payload_version"),
                List.of("?", "?", "?", "?", "?", jdbc.dialect.jsonParameter(), "?"));
        this.select = "SELECT event_type, run_id, received_at, payload, payload_version FROM " + table
                + " WHERE shop_id = ? AND idempotency_key = ?";
    }

    /**
     * {@inheritDoc}
     *
     * <p>The stored entry keeps {@code receivedAt} to the microsecond; the answer for a new entry is that
     * stored form, equal to what {@link #find} returns later.
     *
     * @throws StoreException when no event class is registered for the entry's type, the registered class
     *     is not the event's, or the database fails
     */
    @Override
    public JournalResult append(JournalEntry entry) {
        Objects.requireNonNull(entry, "entry");
        Class<? extends HqEvent> registered = eventTypes.classOf(entry.eventType());
        if (!registered.isInstance(entry.event())) {
            throw new StoreException("event type '" + entry.eventType() + "' is registered for "
                    + registered.getName() + " but the event is a " + entry.event().getClass().getName()
                    + ": it could not be read back");
        }
        String payload = jdbc.json.write(entry.event());
        JournalEntry stored = new JournalEntry(entry.shopId(), entry.idempotencyKey(), entry.eventType(),
                entry.runId(), Objects.requireNonNull(Jdbc.utc(entry.receivedAt())).toInstant(), entry.event());
        return jdbc.withConnection("appending to " + table, connection -> {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                if (insert(connection, stored, payload)) {
                    return new JournalResult(true, stored);
                }
                Optional<JournalEntry> first = find(connection, stored.shopId(), stored.idempotencyKey());
                if (first.isPresent()) {
                    return new JournalResult(false, first.get());
                }
            }
            throw new StoreException("appending to " + table + " failed: key '" + stored.idempotencyKey()
                    + "' of shop " + stored.shopId() + " is taken but its entry cannot be read");
        });
    }

    @Override
    public Optional<JournalEntry> find(ShopId shopId, String idempotencyKey) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(idempotencyKey, "idempotency key");
        return jdbc.withConnection("reading " + table, connection -> find(connection, shopId, idempotencyKey));
    }

    /** Inserts unless the key exists; tells whether the row was inserted. */
    private boolean insert(Connection connection, JournalEntry entry, String payload) throws SQLException {
        try {
            return Jdbc.update(connection, insert, statement -> {
                statement.setString(1, entry.shopId().value());
                statement.setString(2, entry.idempotencyKey());
                statement.setString(3, entry.eventType());
                statement.setString(4, entry.runId().value());
                statement.setObject(5, Jdbc.utc(entry.receivedAt()));
                statement.setString(6, payload);
                statement.setInt(7, PAYLOAD_VERSION);
            }) == 1;
        } catch (SQLException e) {
            if (jdbc.dialect.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    private Optional<JournalEntry> find(Connection connection, ShopId shopId, String idempotencyKey)
            throws SQLException {
        List<JournalEntry> rows = Jdbc.query(connection, select, statement -> {
            statement.setString(1, shopId.value());
            statement.setString(2, idempotencyKey);
        }, row -> read(row, shopId, idempotencyKey));
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private JournalEntry read(ResultSet row, ShopId shopId, String idempotencyKey) throws SQLException {
        String where = table + " row (shop " + shopId + ", key '" + idempotencyKey + "')";
        int version = row.getInt("payload_version");
        if (version != PAYLOAD_VERSION) {
            throw new StoreException("cannot read " + where + ": payload version " + version
                    + " is not supported (this SDK reads version " + PAYLOAD_VERSION + ")");
        }
        String eventType = row.getString("event_type");
        Instant receivedAt = Objects.requireNonNull(Jdbc.instant(row, "received_at"), "received_at");
        try {
            HqEvent event = jdbc.json.read(row.getString("payload"), eventTypes.classOf(eventType));
            return new JournalEntry(shopId, idempotencyKey, eventType, RunId.of(row.getString("run_id")),
                    receivedAt, event);
        } catch (JsonFormatException | StoreException | IllegalArgumentException e) {
            throw new StoreException("cannot read " + where + ": " + e.getMessage(), e);
        }
    }
}

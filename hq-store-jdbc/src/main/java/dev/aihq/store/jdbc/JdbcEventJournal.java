package dev.aihq.store.jdbc;

import dev.aihq.api.ShopId;
import dev.aihq.api.error.StoreException;
import dev.aihq.api.event.HqEvent;
import dev.aihq.api.result.RunId;
import dev.aihq.api.store.Claims;
import dev.aihq.api.store.ErasedEvent;
import dev.aihq.api.store.EventJournal;
import dev.aihq.api.store.JournalEntry;
import dev.aihq.api.store.JournalResult;
import dev.aihq.api.store.RunLease;
import dev.aihq.http.JsonFormatException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
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
 * {@link EventTypes}; an entry whose payload was erased or purged ({@code payload_erased_at} set, payload
 * {@code {}}) reads as an {@link ErasedEvent}. Times are kept to the microsecond. Thread-safe; holds no connection between calls.
 *
 * <p>A new row is unfinished ({@code finished_at} NULL) and leased ({@code lease_worker},
 * {@code lease_until}). A claim locks up to {@code max} unfinished rows whose lease has expired, oldest
 * received first from the index of unfinished rows, with {@code FOR UPDATE SKIP LOCKED}
 * ({@link Dialect#lockFirst}), so that concurrent claimers, threads or instances, pass each other's rows
 * by; it then moves their lease to the claimer. On PostgreSQL that is one {@code UPDATE … RETURNING}
 * statement; on H2 a transaction of the locking select and an update per row that checks again that it is
 * claimable ({@link Dialect#updatesReturningRows()}), as the outbox claims.
 */
final class JdbcEventJournal implements EventJournal {

    /** The version of the {@code payload} JSON this class writes and reads. */
    static final int PAYLOAD_VERSION = 1;

    /** How often an append retries when the entry that blocked it cannot be read yet (it was not committed). */
    private static final int ATTEMPTS = 5;

    private static final String COLUMNS = "shop_id, idempotency_key, event_type, run_id, received_at, payload,"
            + " payload_version, payload_erased_at, attempts";
    private static final Comparator<JournalEntry> OLDEST_FIRST = Comparator.comparing(JournalEntry::receivedAt)
            .thenComparing(e -> e.shopId().value()).thenComparing(JournalEntry::idempotencyKey);

    private final Jdbc jdbc;
    private final EventTypes eventTypes;
    private final String table;
    private final String insert;
    private final String select;
    private final String markFinished;
    private final String renewLease;
    private final String claimOne;

    JdbcEventJournal(Jdbc jdbc, EventTypes eventTypes) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.eventTypes = Objects.requireNonNull(eventTypes, "eventTypes");
        this.table = jdbc.table("event_journal");
        this.insert = jdbc.dialect.insertIfAbsent(table,
                List.of("shop_id", "idempotency_key", "event_type", "run_id", "received_at", "payload",
                        "payload_version", "lease_worker", "lease_until"),
                List.of("?", "?", "?", "?", "?", jdbc.dialect.jsonParameter(), "?", "?", "?"));
        this.select = "SELECT " + COLUMNS + " FROM " + table + " WHERE shop_id = ? AND idempotency_key = ?";
        this.markFinished = "UPDATE " + table + " SET finished_at = ? WHERE shop_id = ? AND idempotency_key = ?"
                + " AND finished_at IS NULL";
        this.renewLease = "UPDATE " + table + " SET lease_until = ? WHERE shop_id = ? AND idempotency_key = ?"
                + " AND finished_at IS NULL AND lease_worker = ?";
        this.claimOne = "UPDATE " + table + " SET lease_worker = ?, lease_until = ?, attempts = attempts + 1"
                + " WHERE shop_id = ?"
                + " AND idempotency_key = ? AND finished_at IS NULL AND lease_until <= ?";
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
    public JournalResult append(JournalEntry entry, RunLease lease) {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(lease, "lease");
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
                if (insert(connection, stored, payload, lease)) {
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

    /**
     * {@inheritDoc}
     *
     * @throws StoreException when the database fails
     */
    @Override
    public void markFinished(ShopId shopId, String idempotencyKey, Instant at) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(idempotencyKey, "idempotency key");
        Objects.requireNonNull(at, "at");
        jdbc.update("marking the run of '" + idempotencyKey + "' finished in " + table, markFinished, statement -> {
            statement.setObject(1, Jdbc.utc(at));
            statement.setString(2, shopId.value());
            statement.setString(3, idempotencyKey);
        });
    }

    /**
     * {@inheritDoc}
     *
     * @throws StoreException when the database fails, or a claimed entry cannot be read
     */
    @Override
    public List<JournalEntry> claimExpired(Instant now, int max, String worker, Duration lease,
            Collection<String> eventTypePrefixes) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(lease, "lease");
        List<String> prefixes = List.copyOf(new LinkedHashSet<>(eventTypePrefixes));
        Claims.requireValid(max, lease);
        RunLease claim = new RunLease(worker, now.plus(lease));
        if (prefixes.isEmpty()) {
            return List.of();
        }
        OffsetDateTime at = Jdbc.utc(now);
        OffsetDateTime leaseUntil = Jdbc.utc(claim.until());
        String condition = "finished_at IS NULL AND lease_until <= ? AND ("
                + String.join(" OR ", prefixes.stream().map(p -> "event_type LIKE ? ESCAPE '!'").toList()) + ")";
        String lock = jdbc.dialect.lockFirst(table, "shop_id, idempotency_key", jdbc.table("event_journal_unfinished"),
                condition, "received_at, shop_id, idempotency_key");
        Jdbc.Binder bindLock = statement -> {
            int i = 1;
            statement.setObject(i++, at);
            for (String prefix : prefixes) {
                statement.setString(i++, likePrefix(prefix));
            }
            statement.setInt(i, max);
        };
        String operation = "claiming expired runs from " + table;
        List<JournalEntry> claimed;
        if (jdbc.dialect.updatesReturningRows()) {
            String sql = "WITH chosen AS (" + lock + ") UPDATE " + table + " AS j SET lease_worker = ?,"
                    + " lease_until = ?, attempts = j.attempts + 1 FROM chosen WHERE j.shop_id = chosen.shop_id"
                    + " AND j.idempotency_key = chosen.idempotency_key RETURNING "
                    + "j." + COLUMNS.replace(", ", ", j.");
            int leaseParameter = prefixes.size() + 3;
            claimed = new ArrayList<>(jdbc.query(operation, sql, statement -> {
                bindLock.bind(statement);
                statement.setString(leaseParameter, worker);
                statement.setObject(leaseParameter + 1, leaseUntil);
            }, this::read));
        } else {
            claimed = jdbc.inTransaction(operation, connection -> {
                List<String[]> candidates = Jdbc.query(connection, lock, bindLock,
                        row -> new String[] {row.getString("shop_id"), row.getString("idempotency_key")});
                List<JournalEntry> mine = new ArrayList<>(candidates.size());
                for (String[] candidate : candidates) {
                    int changed = Jdbc.update(connection, claimOne, statement -> {
                        statement.setString(1, worker);
                        statement.setObject(2, leaseUntil);
                        statement.setString(3, candidate[0]);
                        statement.setString(4, candidate[1]);
                        statement.setObject(5, at);
                    });
                    if (changed == 1) {
                        find(connection, ShopId.of(candidate[0]), candidate[1]).ifPresent(mine::add);
                    }
                }
                return mine;
            });
        }
        claimed.sort(OLDEST_FIRST);
        return List.copyOf(claimed);
    }

    /**
     * {@inheritDoc}
     *
     * @throws StoreException when the database fails
     */
    @Override
    public boolean renewLease(ShopId shopId, String idempotencyKey, RunLease lease) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(idempotencyKey, "idempotency key");
        Objects.requireNonNull(lease, "lease");
        return jdbc.update("renewing the lease of '" + idempotencyKey + "' in " + table, renewLease, statement -> {
            statement.setObject(1, Jdbc.utc(lease.until()));
            statement.setString(2, shopId.value());
            statement.setString(3, idempotencyKey);
            statement.setString(4, lease.worker());
        }) == 1;
    }

    /** A LIKE pattern for "starts with", with {@code !} escaping the pattern characters. */
    private static String likePrefix(String prefix) {
        return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    /** Inserts unless the key exists; tells whether the row was inserted. */
    private boolean insert(Connection connection, JournalEntry entry, String payload, RunLease lease)
            throws SQLException {
        return jdbc.insertOnce(connection, insert, statement -> {
            statement.setString(1, entry.shopId().value());
            statement.setString(2, entry.idempotencyKey());
            statement.setString(3, entry.eventType());
            statement.setString(4, entry.runId().value());
            statement.setObject(5, Jdbc.utc(entry.receivedAt()));
            statement.setString(6, payload);
            statement.setInt(7, PAYLOAD_VERSION);
            statement.setString(8, lease.worker());
            statement.setObject(9, Jdbc.utc(lease.until()));
        });
    }

    private Optional<JournalEntry> find(Connection connection, ShopId shopId, String idempotencyKey)
            throws SQLException {
        List<JournalEntry> rows = Jdbc.query(connection, select, statement -> {
            statement.setString(1, shopId.value());
            statement.setString(2, idempotencyKey);
        }, this::read);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private JournalEntry read(ResultSet row) throws SQLException {
        ShopId shopId = ShopId.of(row.getString("shop_id"));
        String idempotencyKey = row.getString("idempotency_key");
        String where = table + " row (shop " + shopId + ", key '" + idempotencyKey + "')";
        String eventType = row.getString("event_type");
        Instant receivedAt = Objects.requireNonNull(Jdbc.instant(row, "received_at"), "received_at");
        RunId runId = RunId.of(row.getString("run_id"));
        int attempts = row.getInt("attempts");
        if (Jdbc.instant(row, "payload_erased_at") != null) {
            return new JournalEntry(shopId, idempotencyKey, eventType, runId, receivedAt,
                    new ErasedEvent(shopId, eventType, receivedAt, idempotencyKey), attempts);
        }
        int version = row.getInt("payload_version");
        if (version != PAYLOAD_VERSION) {
            throw new StoreException("cannot read " + where + ": payload version " + version
                    + " is not supported (this SDK reads version " + PAYLOAD_VERSION + ")");
        }
        try {
            HqEvent event = jdbc.json.read(row.getString("payload"), eventTypes.classOf(eventType));
            return new JournalEntry(shopId, idempotencyKey, eventType, runId, receivedAt, event, attempts);
        } catch (JsonFormatException | StoreException | IllegalArgumentException e) {
            throw new StoreException("cannot read " + where + ": " + e.getMessage(), e);
        }
    }
}

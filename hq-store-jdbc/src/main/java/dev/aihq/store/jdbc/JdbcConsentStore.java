package dev.aihq.store.jdbc;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.error.StoreException;
import dev.aihq.api.store.ConsentChange;
import dev.aihq.api.store.ConsentEvent;
import dev.aihq.api.store.ConsentRecord;
import dev.aihq.api.store.ConsentStatus;
import dev.aihq.api.store.ConsentStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link ConsentStore} in table {@code <prefix>consents}, one row per (shop, customer).
 *
 * <p>A change is one transaction (or a savepoint of the unit of work open on the thread): it reads the
 * customer's row with {@code SELECT … FOR UPDATE}, which waits for any other transaction changing the same
 * customer, computes the next record with {@link ConsentRecord#apply} and writes it. A customer without a
 * row has none to lock: the change inserts the new row only when the event changes something (so a change
 * that does nothing leaves no row behind), with an insert-if-absent; when a concurrent change inserted the
 * row first, the insert finds the key taken (PostgreSQL's {@code ON CONFLICT DO NOTHING} and H2's unique
 * check both wait for that transaction to end) and the change starts over, now locking the committed row.
 * So concurrent changes of one customer, from threads or application instances sharing the database, apply
 * one after the other, and of racing {@link ConsentEvent#ASKED}s exactly one sees a change. The same SQL
 * runs on both databases. Times are kept to the microsecond. Thread-safe; holds no connection between
 * calls.
 */
final class JdbcConsentStore implements ConsentStore {

    /** How often a change starts over after losing the race to create the customer's row. */
    private static final int ATTEMPTS = 5;

    private static final List<String> COLUMNS = List.of("shop_id", "customer_phone", "status", "marketing_paused",
            "asked_at", "updated_at", "source");

    private final Jdbc jdbc;
    private final String table;
    private final String select;
    private final String lock;
    private final String insert;
    private final String update;

    JdbcConsentStore(Jdbc jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.table = jdbc.table("consents");
        this.select = "SELECT status, marketing_paused, asked_at, updated_at, source FROM " + table
                + " WHERE shop_id = ? AND customer_phone = ?";
        this.lock = select + " FOR UPDATE";
        this.insert = jdbc.dialect.insertIfAbsent(table, COLUMNS, COLUMNS.stream().map(c -> "?").toList());
        this.update = "UPDATE " + table + " SET status = ?, marketing_paused = ?, asked_at = ?, updated_at = ?,"
                + " source = ? WHERE shop_id = ? AND customer_phone = ?";
    }

    /**
     * {@inheritDoc}
     *
     * @throws StoreException when the database fails
     */
    @Override
    public Optional<ConsentRecord> find(ShopId shopId, PhoneNumber customer) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(customer, "customer");
        return jdbc.withConnection("reading the consent of " + customer.masked() + " in shop " + shopId + " from "
                + table, connection -> read(connection, select, shopId, customer));
    }

    /**
     * {@inheritDoc}
     *
     * @throws StoreException when the database fails
     */
    @Override
    public ConsentChange apply(ShopId shopId, PhoneNumber customer, ConsentEvent event, Instant at, String source) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(at, "at");
        ConsentRecord.requireValidSource(source);
        Instant time = at.truncatedTo(ChronoUnit.MICROS);
        return jdbc.inTransaction("applying consent event " + event + " to " + customer.masked() + " of shop "
                + shopId + " in " + table, connection -> {
                    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                        Optional<ConsentRecord> current = read(connection, lock, shopId, customer);
                        ConsentRecord before = current.orElseGet(() -> ConsentRecord.unknown(shopId, customer));
                        ConsentRecord after = before.apply(event, time, source);
                        if (after == before) {
                            return new ConsentChange(before, before);
                        }
                        if (current.isPresent()) {
                            write(connection, update, after, false);
                            return new ConsentChange(before, after);
                        }
                        if (insertIfAbsent(connection, after)) {
                            return new ConsentChange(before, after);
                        }
                        // Another change created the row first and has committed: lock it and start over.
                    }
                    throw new StoreException("applying consent event " + event + " to " + customer.masked()
                            + " of shop " + shopId + " in " + table + " failed: the row is taken but cannot be"
                            + " read");
                });
    }

    /**
     * Inserts a customer's first record unless the row exists; tells whether it was inserted. On H2 a
     * concurrent insert of the key fails with a unique violation once the other transaction commits (a
     * failed statement does not end an H2 transaction); on PostgreSQL it inserts nothing.
     */
    private boolean insertIfAbsent(Connection connection, ConsentRecord record) throws SQLException {
        try {
            return write(connection, insert, record, true) == 1;
        } catch (SQLException e) {
            if (jdbc.dialect.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Runs the insert (key first) or the update (key last) of a record. */
    private static int write(Connection connection, String sql, ConsentRecord r, boolean keyFirst)
            throws SQLException {
        return Jdbc.update(connection, sql, statement -> {
            int i = 1;
            if (keyFirst) {
                statement.setString(i++, r.shopId().value());
                statement.setString(i++, r.customer().e164());
            }
            statement.setString(i++, r.status().name());
            statement.setBoolean(i++, r.marketingPaused());
            statement.setObject(i++, Jdbc.utc(r.askedAt()));
            statement.setObject(i++, Jdbc.utc(r.updatedAt()));
            statement.setString(i++, r.source());
            if (!keyFirst) {
                statement.setString(i++, r.shopId().value());
                statement.setString(i, r.customer().e164());
            }
        });
    }

    private Optional<ConsentRecord> read(Connection connection, String sql, ShopId shopId, PhoneNumber customer)
            throws SQLException {
        List<ConsentRecord> rows = Jdbc.query(connection, sql, statement -> {
            statement.setString(1, shopId.value());
            statement.setString(2, customer.e164());
        }, row -> read(row, shopId, customer));
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private ConsentRecord read(ResultSet row, ShopId shopId, PhoneNumber customer) throws SQLException {
        try {
            return new ConsentRecord(shopId, customer, ConsentStatus.valueOf(row.getString("status")),
                    row.getBoolean("marketing_paused"), Jdbc.instant(row, "asked_at"),
                    Objects.requireNonNull(Jdbc.instant(row, "updated_at"), "updated_at"), row.getString("source"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new StoreException("cannot read " + table + " row (shop " + shopId + ", customer "
                    + customer.masked() + "): " + e.getMessage(), e);
        }
    }
}

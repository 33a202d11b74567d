package dev.aihq.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.channel.DeliveryState;
import dev.aihq.api.channel.MessageCategory;
import dev.aihq.api.channel.QuickReply;
import dev.aihq.api.error.StoreException;
import dev.aihq.api.result.RunId;
import dev.aihq.api.shop.FrequencyCap;
import dev.aihq.api.store.Claims;
import dev.aihq.api.store.Outbox;
import dev.aihq.api.store.OutboxMessage;
import dev.aihq.api.store.OutboxStatus;
import dev.aihq.api.store.ScheduleResult;
import dev.aihq.http.JsonFormatException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.Nullable;

/**
 * The {@link Outbox} in table {@code <prefix>outbox}, keyed by (shop, message id) and unique by (shop,
 * stable key), safe for several application instances polling one database.
 *
 * <p>A claim locks up to {@code max} due pending messages in due order (from the index on the due time)
 * and up to {@code max} claimed messages whose lease has expired in expiry order (from the index on the
 * lease), with {@code FOR UPDATE SKIP LOCKED} ({@link Dialect#lockFirst}), so that concurrent claimers,
 * threads or application instances, pass each other's rows by instead of waiting for them or taking them
 * twice. Of the locked messages it claims the {@code max} oldest due; the others are unlocked when the
 * claim ends. On PostgreSQL that is one {@code UPDATE … RETURNING} statement; on H2 a transaction of the
 * two locking selects and an update per message that checks again that it is claimable
 * ({@link Dialect#updatesReturningRows()}). Messages in flight (claimed, lease not expired) are never read
 * by a claim. The claimed messages are returned oldest due first.
 *
 * <p>{@link #scheduleWithinCap} serialises the capped schedules to one customer of one shop, across
 * threads and application instances, on a lock row in {@code <prefix>outbox_contacts}: in one transaction
 * it inserts the row if absent, locks it with {@code SELECT … FOR UPDATE}, counts the customer's recent
 * messages and inserts the message only below the cap, then commits, which releases the lock. A waiting
 * caller counts after the holder's commit (each statement reads the latest committed rows), so it sees the
 * holder's message. The same SQL runs on both databases.
 *
 * <p>A cancel is an update guarded by {@code status IN ('PENDING', 'AWAITING_CONSENT')}: against a
 * concurrent claim, one of the two changes the row and the other finds it no longer in the status it needs.
 * Messages awaiting consent are never claimed (a claim reads only {@code PENDING} and expired
 * {@code CLAIMED} rows) but count towards the frequency cap. A release, a cancel for a customer and a
 * requeue are single updates guarded by the statuses they change; a delivery report locks its message
 * ({@code SELECT … FOR UPDATE}) so that reports of one message apply one after the other.
 *
 * <p>Quick replies are kept in {@code quick_replies} as a JSON array of {@code {"id", "title"}} objects
 * ({@code NULL} for none); rows written before schema version 9 read as {@link MessageCategory#MARKETING}
 * messages without quick replies. Times are kept to the microsecond. Thread-safe; holds no connection
 * between calls.
 */
final class JdbcOutbox implements Outbox {

    /** How often a schedule retries when the row that blocked it cannot be read yet (it was not committed). */
    private static final int ATTEMPTS = 5;

    private static final List<String> COLUMNS = List.of("shop_id", "message_id", "run_id", "channel", "to_phone",
            "body", "stable_key", "due_at", "status", "attempts", "claimed_by", "lease_until", "provider_message_id",
            "last_error", "order_key", "sent_at", "category", "consent", "quick_replies", "template_required",
            "delivery_state", "delivery_at");
    /** The statuses a cancel takes back: messages not yet handed to a dispatcher. */
    private static final String OPEN_STATUSES = "('PENDING', 'AWAITING_CONSENT')";
    private static final Comparator<OutboxMessage> OLDEST_DUE_FIRST = Comparator.comparing(OutboxMessage::dueAt)
            .thenComparing(m -> m.shopId().value()).thenComparing(OutboxMessage::id);

    private final Jdbc jdbc;
    private final String table;
    private final String insert;
    private final String selectByStableKey;
    private final String selectById;
    private final String claimInOneStatement;
    private final String lockPending;
    private final String lockExpired;
    private final String claimOne;
    private final String markSent;
    private final String retry;
    private final String giveUp;
    private final String countRecent;
    private final String contactsTable;
    private final String insertContact;
    private final String lockContact;
    private final String cancel;
    private final String cancelByOrder;
    private final String release;
    private final String expireAwaiting;
    private final String lockByProviderId;
    private final String recordDelivery;
    private final String requeue;

    JdbcOutbox(Jdbc jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.table = jdbc.table("outbox");
        this.insert = jdbc.dialect.insertIfAbsent(table, COLUMNS,
                COLUMNS.stream().map(c -> "?").toList());
        this.selectByStableKey = "SELECT message_id FROM " + table + " WHERE shop_id = ? AND stable_key = ?";
        this.selectById = "SELECT " + String.join(", ", COLUMNS) + " FROM " + table
                + " WHERE shop_id = ? AND message_id = ?";
        // Status values are literals, not parameters, so that PostgreSQL matches its partial indexes.
        Dialect dialect = jdbc.dialect;
        String pending = dialect.lockFirst(table, "shop_id, message_id, due_at", jdbc.table("outbox_pending_due"),
                "status = 'PENDING' AND due_at <= ?", "status, due_at");
        String expired = dialect.lockFirst(table, "shop_id, message_id, due_at", jdbc.table("outbox_claimed_lease"),
                "status = 'CLAIMED' AND lease_until <= ?", "status, lease_until");
        this.claimInOneStatement = "WITH pending AS (" + pending + "), expired AS (" + expired + "),"
                + " chosen AS (SELECT shop_id, message_id FROM (SELECT * FROM pending UNION ALL SELECT * FROM expired)"
                + " due ORDER BY due_at LIMIT ?)"
                + " UPDATE " + table + " AS o SET status = 'CLAIMED', claimed_by = ?, lease_until = ?,"
                + " attempts = o.attempts + 1 FROM chosen"
                + " WHERE o.shop_id = chosen.shop_id AND o.message_id = chosen.message_id"
                + " RETURNING " + String.join(", ", COLUMNS.stream().map(c -> "o." + c).toList());
        this.lockPending = pending;
        this.lockExpired = expired;
        this.claimOne = "UPDATE " + table + " SET status = 'CLAIMED', claimed_by = ?, lease_until = ?,"
                + " attempts = attempts + 1 WHERE shop_id = ? AND message_id = ?"
                + " AND ((status = 'PENDING' AND due_at <= ?) OR (status = 'CLAIMED' AND lease_until <= ?))";
        this.markSent = "UPDATE " + table + " SET status = 'SENT', provider_message_id = ?, sent_at = ?,"
                + " lease_until = NULL WHERE shop_id = ? AND message_id = ?";
        this.retry = "UPDATE " + table + " SET status = 'PENDING', due_at = ?, claimed_by = NULL,"
                + " lease_until = NULL, last_error = ? WHERE shop_id = ? AND message_id = ?";
        this.giveUp = "UPDATE " + table + " SET status = 'FAILED', lease_until = NULL, last_error = ?"
                + " WHERE shop_id = ? AND message_id = ?";
        this.countRecent = "SELECT COUNT(*) FROM " + table + " WHERE shop_id = ? AND to_phone = ? AND due_at >= ?"
                + " AND category = 'MARKETING' AND status IN ('PENDING', 'AWAITING_CONSENT', 'CLAIMED', 'SENT')";
        this.contactsTable = jdbc.table("outbox_contacts");
        this.insertContact = dialect.insertIfAbsent(contactsTable, List.of("shop_id", "to_phone"), List.of("?", "?"));
        this.lockContact = "SELECT shop_id FROM " + contactsTable + " WHERE shop_id = ? AND to_phone = ? FOR UPDATE";
        this.cancel = "UPDATE " + table + " SET status = 'CANCELLED' WHERE shop_id = ? AND message_id = ?"
                + " AND status IN " + OPEN_STATUSES;
        this.cancelByOrder = "UPDATE " + table + " SET status = 'CANCELLED' WHERE shop_id = ? AND order_key = ?"
                + " AND status IN " + OPEN_STATUSES;
        this.expireAwaiting = "UPDATE " + table + " SET status = 'CANCELLED', last_error = ? WHERE shop_id = ?"
                + " AND status = 'AWAITING_CONSENT' AND due_at < ?";
        this.release = "UPDATE " + table + " SET status = 'PENDING', consent = ?, claimed_by = NULL,"
                + " lease_until = NULL, provider_message_id = NULL, sent_at = NULL"
                + " WHERE shop_id = ? AND to_phone = ? AND status = 'AWAITING_CONSENT'";
        this.lockByProviderId = "SELECT message_id, status, delivery_state, last_error FROM " + table
                + " WHERE shop_id = ? AND provider_message_id = ? ORDER BY message_id FOR UPDATE";
        this.recordDelivery = "UPDATE " + table + " SET delivery_state = ?, delivery_at = ?, status = ?,"
                + " last_error = ? WHERE shop_id = ? AND message_id = ?";
        this.requeue = "UPDATE " + table + " SET status = 'PENDING', due_at = ?, claimed_by = NULL,"
                + " lease_until = NULL, provider_message_id = NULL, sent_at = NULL, last_error = ?,"
                + " template_required = ?, delivery_state = NULL, delivery_at = NULL"
                + " WHERE shop_id = ? AND message_id = ? AND status IN ('SENT', 'FAILED')";
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the message is neither pending nor claimed with a worker and a
     *     lease, or its id is taken in the shop by a message with another stable key
     * @throws StoreException when the database fails
     */
    @Override
    public boolean schedule(OutboxMessage message) {
        Objects.requireNonNull(message, "message");
        message.requireSchedulable();
        return jdbc.withConnection("scheduling outbox message " + message.id() + " in " + table, connection -> {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                if (insert(connection, message)) {
                    return true;
                }
                if (stableKeyExists(connection, message)) {
                    return false;
                }
                if (find(connection, message.shopId(), message.id()).isPresent()) {
                    throw new IllegalArgumentException("outbox message id " + message.id()
                            + " is already used in shop " + message.shopId() + " by a message with another stable key");
                }
            }
            throw new StoreException("scheduling outbox message " + message.id() + " in " + table
                    + " failed: its key is taken but the message holding it cannot be read");
        });
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the message is neither pending nor claimed with a worker and a
     *     lease, or its id is taken in the shop by a message with another stable key
     * @throws StoreException when the database fails
     */
    @Override
    public ScheduleResult scheduleWithinCap(OutboxMessage message, FrequencyCap cap, Instant now) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(now, "now");
        message.requireSchedulable();
        if (message.category() != MessageCategory.MARKETING) {
            // The cap limits marketing only.
            return schedule(message) ? ScheduleResult.SCHEDULED : ScheduleResult.DUPLICATE;
        }
        String shop = message.shopId().value();
        String phone = message.to().e164();
        OffsetDateTime since = Jdbc.utc(now.minus(cap.period()));
        return jdbc.inTransaction("scheduling outbox message " + message.id() + " within the frequency cap in "
                + table, connection -> {
            // A retention purge or an erasure may delete the lock row between the insert and the lock; then
            // the insert makes it again.
            boolean locked = false;
            for (int attempt = 1; attempt <= 3 && !locked; attempt++) {
                insertContactIfAbsent(connection, shop, phone);
                locked = !Jdbc.query(connection, lockContact, statement -> {
                    statement.setString(1, shop);
                    statement.setString(2, phone);
                }, row -> row.getString(1)).isEmpty();
            }
            if (!locked) {
                throw new StoreException("the lock row of shop " + shop + "'s customer in " + contactsTable
                        + " is missing after it was inserted");
            }
            if (stableKeyExists(connection, message)) {
                return ScheduleResult.DUPLICATE;
            }
            long recent = Jdbc.query(connection, countRecent, statement -> {
                statement.setString(1, shop);
                statement.setString(2, phone);
                statement.setObject(3, since);
            }, row -> row.getLong(1)).get(0);
            if (recent >= cap.maxMessages()) {
                return ScheduleResult.CAPPED;
            }
            if (insert(connection, message)) {
                return ScheduleResult.SCHEDULED;
            }
            if (stableKeyExists(connection, message)) {
                return ScheduleResult.DUPLICATE;
            }
            if (find(connection, message.shopId(), message.id()).isPresent()) {
                throw new IllegalArgumentException("outbox message id " + message.id() + " is already used in shop "
                        + message.shopId() + " by a message with another stable key");
            }
            throw new StoreException("scheduling outbox message " + message.id() + " in " + table
                    + " failed: its key is taken but the message holding it cannot be read");
        });
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when {@code limit} is below 1
     * @throws StoreException when the database fails
     */
    @Override
    public List<OutboxMessage> list(ShopId shopId, Set<OutboxStatus> statuses, int limit) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(statuses, "statuses");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        if (statuses.isEmpty()) {
            return List.of();
        }
        // Enum names as literals: no user text reaches the SQL, and PostgreSQL can match partial indexes.
        String in = statuses.stream().map(OutboxStatus::name).sorted().map(n -> "'" + n + "'")
                .collect(Collectors.joining(", "));
        String sql = "SELECT " + String.join(", ", COLUMNS) + " FROM " + table + " WHERE shop_id = ? AND status IN ("
                + in + ") ORDER BY due_at, message_id LIMIT ?";
        return jdbc.query("listing shop " + shopId + "'s messages in " + table, sql, statement -> {
            statement.setString(1, shopId.value());
            statement.setInt(2, limit);
        }, this::read);
    }

    /**
     * {@inheritDoc}
     *
     * @throws StoreException when the database fails
     */
    @Override
    public boolean cancel(ShopId shopId, String id) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(id, "id");
        return jdbc.update("cancelling outbox message " + id + " in " + table, cancel, statement -> {
            statement.setString(1, shopId.value());
            statement.setString(2, id);
        }) == 1;
    }

    /**
     * {@inheritDoc}
     *
     * @throws StoreException when the database fails
     */
    @Override
    public int cancelByOrder(ShopId shopId, String orderKey) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(orderKey, "order key");
        return jdbc.update("cancelling the messages of order " + orderKey + " in " + table, cancelByOrder,
                statement -> {
                    statement.setString(1, shopId.value());
                    statement.setString(2, orderKey);
                });
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when {@code max} is below 1 or the lease is not positive
     * @throws StoreException when the database fails
     */
    @Override
    public List<OutboxMessage> claimDue(Instant now, int max, String worker, Duration lease) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(lease, "lease");
        Claims.requireValid(max, lease);
        OffsetDateTime at = Jdbc.utc(now);
        OffsetDateTime leaseUntil = Jdbc.utc(now.plus(lease));
        String operation = "claiming due messages from " + table;
        List<OutboxMessage> claimed;
        if (jdbc.dialect.updatesReturningRows()) {
            claimed = new ArrayList<>(jdbc.query(operation, claimInOneStatement, statement -> {
                statement.setObject(1, at);
                statement.setInt(2, max);
                statement.setObject(3, at);
                statement.setInt(4, max);
                statement.setInt(5, max);
                statement.setString(6, worker);
                statement.setObject(7, leaseUntil);
            }, this::read));
        } else {
            claimed = jdbc.inTransaction(operation, connection -> claimInTransaction(connection, at, max, worker,
                    leaseUntil));
        }
        claimed.sort(OLDEST_DUE_FIRST);
        return List.copyOf(claimed);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The message becomes SENT whatever its status was (the provider did accept it); its lease ends and
     * its dispatcher stays recorded.
     *
     * @throws IllegalArgumentException when the shop has no such message
     * @throws StoreException when the database fails
     */
    @Override
    public void markSent(ShopId shopId, String id, String providerMessageId, Instant at) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(providerMessageId, "provider message id");
        Objects.requireNonNull(at, "at");
        int changed = jdbc.update("marking outbox message " + id + " sent in " + table, markSent, statement -> {
            statement.setString(1, providerMessageId);
            statement.setObject(2, Jdbc.utc(at));
            statement.setString(3, shopId.value());
            statement.setString(4, id);
        });
        requireFound(changed, shopId, id);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the shop has no such message
     * @throws StoreException when the database fails
     */
    @Override
    public void markFailed(ShopId shopId, String id, String error, @Nullable Instant retryAt) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(error, "error");
        String operation = "marking outbox message " + id + " failed in " + table;
        int changed = retryAt != null
                ? jdbc.update(operation, retry, statement -> {
                    statement.setObject(1, Jdbc.utc(retryAt));
                    statement.setString(2, error);
                    statement.setString(3, shopId.value());
                    statement.setString(4, id);
                })
                : jdbc.update(operation, giveUp, statement -> {
                    statement.setString(1, error);
                    statement.setString(2, shopId.value());
                    statement.setString(3, id);
                });
        requireFound(changed, shopId, id);
    }

    /**
     * {@inheritDoc}
     *
     * <p>One update guarded by the statuses and categories, so a message a dispatcher claims at the same
     * time is either cancelled or claimed, never both.
     *
     * @throws StoreException when the database fails
     */
    @Override
    public int cancelForCustomer(ShopId shopId, PhoneNumber to, Set<MessageCategory> categories, String reason) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(categories, "categories");
        Objects.requireNonNull(reason, "reason");
        if (categories.isEmpty()) {
            return 0;
        }
        // Enum names as literals: no user text reaches the SQL.
        String in = categories.stream().map(MessageCategory::name).sorted().map(n -> "'" + n + "'")
                .collect(Collectors.joining(", "));
        String sql = "UPDATE " + table + " SET status = 'CANCELLED', last_error = ? WHERE shop_id = ? AND to_phone = ?"
                + " AND status IN " + OPEN_STATUSES + " AND category IN (" + in + ")";
        return jdbc.update("cancelling the messages of " + to.masked() + " in shop " + shopId + " in " + table, sql,
                statement -> {
                    statement.setString(1, reason);
                    statement.setString(2, shopId.value());
                    statement.setString(3, to.e164());
                });
    }

    /**
     * {@inheritDoc}
     *
     * <p>One update guarded by {@code status = 'AWAITING_CONSENT'}: a release at the same moment either wins
     * (the message is pending) or finds it cancelled.
     *
     * @throws StoreException when the database fails
     */
    @Override
    public int expireAwaitingConsent(ShopId shopId, Instant dueBefore, String reason) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(dueBefore, "due before");
        Objects.requireNonNull(reason, "reason");
        return jdbc.update("expiring the messages awaiting consent of shop " + shopId + " in " + table,
                expireAwaiting, statement -> {
                    statement.setString(1, reason);
                    statement.setString(2, shopId.value());
                    statement.setObject(3, Jdbc.utc(dueBefore));
                });
    }

    /**
     * {@inheritDoc}
     *
     * <p>One update guarded by {@code status = 'AWAITING_CONSENT'}.
     *
     * @throws IllegalArgumentException when the consent is blank or longer than
     *     {@value OutboxMessage#MAX_CONSENT_LENGTH} characters
     * @throws StoreException when the database fails
     */
    @Override
    public int releaseAwaitingConsent(ShopId shopId, PhoneNumber to, String consent) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(consent, "consent");
        if (consent.isBlank() || consent.length() > OutboxMessage.MAX_CONSENT_LENGTH) {
            throw new IllegalArgumentException("consent must be non-blank and at most "
                    + OutboxMessage.MAX_CONSENT_LENGTH + " characters");
        }
        return jdbc.update("releasing the messages of " + to.masked() + " in shop " + shopId + " in " + table,
                release, statement -> {
                    statement.setString(1, consent);
                    statement.setString(2, shopId.value());
                    statement.setString(3, to.e164());
                });
    }

    /**
     * {@inheritDoc}
     *
     * <p>One transaction: it locks the message with {@code SELECT … FOR UPDATE} (found through the index on
     * (shop, provider id)), decides with {@link DeliveryState#supersedes} and updates it, so concurrent
     * reports of one message apply one after the other and a state never goes back. Should two messages of
     * the shop carry the same provider id, the one with the smallest message id is updated.
     *
     * @throws StoreException when the database fails
     */
    @Override
    public Optional<OutboxMessage> recordDelivery(ShopId shopId, String providerMessageId, DeliveryState state,
            Instant at, @Nullable String error) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(providerMessageId, "provider message id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
        return jdbc.inTransaction("recording delivery state " + state + " of provider message " + providerMessageId
                + " of shop " + shopId + " in " + table, connection -> {
                    List<String[]> locked = Jdbc.query(connection, lockByProviderId, statement -> {
                        statement.setString(1, shopId.value());
                        statement.setString(2, providerMessageId);
                    }, row -> new String[] {row.getString(1), row.getString(2), row.getString(3),
                            row.getString(4)});
                    if (locked.isEmpty()) {
                        return Optional.<OutboxMessage>empty();
                    }
                    String[] row = locked.get(0);
                    String id = row[0];
                    DeliveryState recorded = row[2] == null ? null : DeliveryState.valueOf(row[2]);
                    if (state.supersedes(recorded)) {
                        boolean failed = state == DeliveryState.FAILED;
                        Jdbc.update(connection, recordDelivery, statement -> {
                            statement.setString(1, state.name());
                            statement.setObject(2, Jdbc.utc(at));
                            statement.setString(3, failed ? OutboxStatus.FAILED.name() : row[1]);
                            statement.setString(4, failed && error != null ? error : row[3]);
                            statement.setString(5, shopId.value());
                            statement.setString(6, id);
                        });
                    }
                    return find(connection, shopId, id);
                });
    }

    /**
     * {@inheritDoc}
     *
     * <p>One update guarded by {@code status IN ('SENT', 'FAILED')}.
     *
     * @throws StoreException when the database fails
     */
    @Override
    public boolean requeue(ShopId shopId, String id, Instant dueAt, boolean templateRequired, String reason) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dueAt, "due at");
        Objects.requireNonNull(reason, "reason");
        return jdbc.update("requeueing outbox message " + id + " in " + table, requeue, statement -> {
            statement.setObject(1, Jdbc.utc(dueAt));
            statement.setString(2, reason);
            statement.setBoolean(3, templateRequired);
            statement.setString(4, shopId.value());
            statement.setString(5, id);
        }) == 1;
    }

    @Override
    public long countRecent(ShopId shopId, PhoneNumber to, Instant since) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(since, "since");
        return jdbc.queryOne("counting a customer's recent messages in " + table, countRecent, statement -> {
            statement.setString(1, shopId.value());
            statement.setString(2, to.e164());
            statement.setObject(3, Jdbc.utc(since));
        }, row -> row.getLong(1)).orElse(0L);
    }

    @Override
    public Optional<OutboxMessage> find(ShopId shopId, String id) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(id, "id");
        return jdbc.withConnection("reading outbox message " + id + " from " + table,
                connection -> find(connection, shopId, id));
    }

    private boolean stableKeyExists(Connection connection, OutboxMessage message) throws SQLException {
        return !Jdbc.query(connection, selectByStableKey, statement -> {
            statement.setString(1, message.shopId().value());
            statement.setString(2, message.stableKey());
        }, row -> row.getString(1)).isEmpty();
    }

    /**
     * Inserts a customer's lock row unless it exists. On H2 a concurrent insert of the same row fails with a
     * unique violation once the other transaction commits; the row exists then, which is all that is needed
     * (a failed statement does not end an H2 transaction).
     */
    private void insertContactIfAbsent(Connection connection, String shop, String phone) throws SQLException {
        try {
            Jdbc.update(connection, insertContact, statement -> {
                statement.setString(1, shop);
                statement.setString(2, phone);
            });
        } catch (SQLException e) {
            if (!jdbc.dialect.isUniqueViolation(e)) {
                throw e;
            }
        }
    }

    /** Inserts unless the id or the stable key exists in the shop; tells whether the row was inserted. */
    private boolean insert(Connection connection, OutboxMessage m) throws SQLException {
        try {
            return Jdbc.update(connection, insert, statement -> {
                statement.setString(1, m.shopId().value());
                statement.setString(2, m.id());
                statement.setString(3, m.runId().value());
                statement.setString(4, m.channel());
                statement.setString(5, m.to().e164());
                statement.setString(6, m.text());
                statement.setString(7, m.stableKey());
                statement.setObject(8, Jdbc.utc(m.dueAt()));
                statement.setString(9, m.status().name());
                statement.setInt(10, m.attempts());
                statement.setString(11, m.claimedBy());
                statement.setObject(12, Jdbc.utc(m.leaseUntil()));
                statement.setString(13, m.providerMessageId());
                statement.setString(14, m.lastError());
                statement.setString(15, m.orderKey());
                statement.setObject(16, Jdbc.utc(m.sentAt()));
                statement.setString(17, m.category().name());
                statement.setString(18, m.consent());
                statement.setString(19, writeQuickReplies(m.quickReplies()));
                statement.setBoolean(20, m.templateRequired());
                statement.setString(21, m.deliveryState() == null ? null : m.deliveryState().name());
                statement.setObject(22, Jdbc.utc(m.deliveryAt()));
            }) == 1;
        } catch (SQLException e) {
            if (jdbc.dialect.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Claims in the caller's transaction: locks up to {@code max} due pending and {@code max} expired
     * messages, skipping rows other claimers hold, and claims the {@code max} oldest due of them; the
     * update re-checks that each is still claimable. The rows locked but not claimed are released at commit.
     */
    private List<OutboxMessage> claimInTransaction(Connection connection, OffsetDateTime at, int max, String worker,
            OffsetDateTime leaseUntil) throws SQLException {
        List<Candidate> candidates = new ArrayList<>();
        for (String lock : List.of(lockPending, lockExpired)) {
            candidates.addAll(Jdbc.query(connection, lock, statement -> {
                statement.setObject(1, at);
                statement.setInt(2, max);
            }, row -> new Candidate(row.getString("shop_id"), row.getString("message_id"),
                    Objects.requireNonNull(Jdbc.instant(row, "due_at"), "due_at"))));
        }
        candidates.sort(Comparator.comparing(Candidate::dueAt));
        List<OutboxMessage> claimed = new ArrayList<>(Math.min(max, candidates.size()));
        for (Candidate candidate : candidates.subList(0, Math.min(max, candidates.size()))) {
            int changed = Jdbc.update(connection, claimOne, statement -> {
                statement.setString(1, worker);
                statement.setObject(2, leaseUntil);
                statement.setString(3, candidate.shopId());
                statement.setString(4, candidate.messageId());
                statement.setObject(5, at);
                statement.setObject(6, at);
            });
            if (changed == 1) {
                find(connection, ShopId.of(candidate.shopId()), candidate.messageId()).ifPresent(claimed::add);
            }
        }
        return claimed;
    }

    private Optional<OutboxMessage> find(Connection connection, ShopId shopId, String id) throws SQLException {
        List<OutboxMessage> rows = Jdbc.query(connection, selectById, statement -> {
            statement.setString(1, shopId.value());
            statement.setString(2, id);
        }, this::read);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private void requireFound(int changed, ShopId shopId, String id) {
        if (changed == 0) {
            throw new IllegalArgumentException("shop " + shopId + " has no outbox message " + id);
        }
    }

    private OutboxMessage read(ResultSet row) throws SQLException {
        String deliveryState = row.getString("delivery_state");
        try {
            return new OutboxMessage(
                    row.getString("message_id"),
                    ShopId.of(row.getString("shop_id")),
                    RunId.of(row.getString("run_id")),
                    row.getString("channel"),
                    new PhoneNumber(row.getString("to_phone")),
                    row.getString("body"),
                    row.getString("stable_key"),
                    Objects.requireNonNull(Jdbc.instant(row, "due_at"), "due_at"),
                    OutboxStatus.valueOf(row.getString("status")),
                    row.getInt("attempts"),
                    row.getString("claimed_by"),
                    Jdbc.instant(row, "lease_until"),
                    row.getString("provider_message_id"),
                    row.getString("last_error"),
                    row.getString("order_key"),
                    Jdbc.instant(row, "sent_at"),
                    MessageCategory.valueOf(row.getString("category")),
                    row.getString("consent"),
                    readQuickReplies(row.getString("quick_replies")),
                    row.getBoolean("template_required"),
                    deliveryState == null ? null : DeliveryState.valueOf(deliveryState),
                    Jdbc.instant(row, "delivery_at"));
        } catch (IllegalArgumentException | JsonFormatException e) {
            throw new StoreException("cannot read " + table + " row (shop " + row.getString("shop_id") + ", message "
                    + row.getString("message_id") + "): " + e.getMessage(), e);
        }
    }

    /**
     * Writes quick replies as the column holds them: a JSON array of {@code {"id", "title"}} objects, or
     * {@code null} for none.
     */
    private @Nullable String writeQuickReplies(List<QuickReply> replies) {
        if (replies.isEmpty()) {
            return null;
        }
        ArrayNode array = jdbc.json.mapper().createArrayNode();
        for (QuickReply reply : replies) {
            array.addObject().put("id", reply.id()).put("title", reply.title());
        }
        return jdbc.json.write(array);
    }

    /** Reads the quick-reply column; {@code null} (rows written before schema version 9) is none. */
    private List<QuickReply> readQuickReplies(@Nullable String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        JsonNode array = jdbc.json.readTree(json.getBytes(StandardCharsets.UTF_8));
        if (!array.isArray()) {
            throw new IllegalArgumentException("quick replies are not a JSON array");
        }
        List<QuickReply> replies = new ArrayList<>(array.size());
        for (JsonNode reply : array) {
            JsonNode id = reply.get("id");
            JsonNode title = reply.get("title");
            if (id == null || title == null || !id.isTextual() || !title.isTextual()) {
                throw new IllegalArgumentException("a quick reply needs a text id and title");
            }
            replies.add(new QuickReply(id.textValue(), title.textValue()));
        }
        return List.copyOf(replies);
    }

    /** A message locked for a claim. */
    private record Candidate(String shopId, String messageId, Instant dueAt) {}
}

package dev.aihq.store.jdbc;

import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import dev.aihq.api.error.StoreException;
import dev.aihq.api.store.IndexedOrder;
import dev.aihq.api.store.OrderIndexStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link OrderIndexStore} in table {@code <prefix>order_index}, keyed by (shop, marketplace, order id), with
 * an index per other reference (rid, order uid, sticker) and one on (shop, seen_at) for the purge.
 *
 * <p>{@link #upsert} is an insert-if-absent ({@link Dialect#insertIfAbsent}) and, when the order exists, one
 * update that applies {@link IndexedOrder#seenAgain} in SQL: only while the stored {@code seen_at} is not later
 * than the sighting's, every detail the sighting has ({@code COALESCE}) and its {@code seen_at}, never
 * {@code created_at}. PostgreSQL reports an existing key through the update count, H2 through a unique
 * violation; either way exactly one of several sessions recording one new order at once is told it was new.
 * When the update changes nothing, a read tells a stale sighting (the order is there) from an order purged in
 * between, for which the upsert runs again, up to {@value UniqueViolations#ATTEMPTS} times.
 *
 * <p>{@link #upsertAll} runs in one transaction (joining the unit of work open on the thread): it folds the
 * batch's sightings of one order together, reads and locks which of the orders exist, updates those and inserts
 * the others in JDBC batches, each in key order (which makes a deadlock of two batches sharing orders unlikely),
 * so its count never depends on what a driver reports for batched statements. When
 * another session inserts one of the orders in between, the insert fails with a unique violation; the
 * transaction is rolled back (to its savepoint inside a unit of work) and runs again, up to
 * {@value UniqueViolations#ATTEMPTS} times.
 *
 * <p>{@link #lookup} is a {@code UNION} of four equality reads, one per reference, each on its index, so that a
 * reference costs four index probes however many orders the shop has. Times are kept to the microsecond.
 * Thread-safe; holds no connection between calls.
 */
final class JdbcOrderIndexStore implements OrderIndexStore {

    /** How many order ids one existence check names, well below every database's parameter limit. */
    private static final int IDS_PER_QUERY = 500;

    /** How many statements go to the database in one JDBC batch. */
    private static final int STATEMENTS_PER_BATCH = 500;

    private static final List<String> COLUMNS = List.of("shop_id", "marketplace", "order_id", "rid", "order_uid",
            "sticker", "seller_sku", "product_id", "product_name", "scheme", "status", "created_at", "seen_at");

    private static final Comparator<OrderKey> KEY_ORDER = Comparator.comparing(OrderKey::shopId)
            .thenComparing(OrderKey::marketplace).thenComparing(OrderKey::orderId);

    /** The columns a later sighting brings when it has them. */
    private static final List<String> DETAILS = COLUMNS.subList(3, 11);

    private final Jdbc jdbc;
    private final String table;
    private final String insertIfAbsent;
    private final String insert;
    private final String update;
    private final String exists;
    private final String selectOne;
    private final String lookup;
    private final String purge;

    JdbcOrderIndexStore(Jdbc jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.table = jdbc.table("order_index");
        String columns = String.join(", ", COLUMNS);
        List<String> parameters = Collections.nCopies(COLUMNS.size(), "?");
        this.insertIfAbsent = jdbc.dialect.insertIfAbsent(table, COLUMNS, parameters);
        this.insert = "INSERT INTO " + table + " (" + columns + ") VALUES (" + String.join(", ", parameters) + ")";
        StringBuilder set = new StringBuilder();
        for (String detail : DETAILS) {
            set.append(detail).append(" = COALESCE(?, ").append(detail).append("), ");
        }
        String key = " WHERE shop_id = ? AND marketplace = ? AND order_id = ?";
        this.update = "UPDATE " + table + " SET " + set + "seen_at = ?" + key + " AND seen_at <= ?";
        this.exists = "SELECT 1 FROM " + table + key;
        this.selectOne = "SELECT " + columns + " FROM " + table + key;
        String shop = "SELECT " + columns + " FROM " + table + " WHERE shop_id = ? AND marketplace = ? AND ";
        this.lookup = shop + "order_id = ? UNION " + shop + "rid = ? UNION " + shop + "order_uid = ? UNION " + shop
                + "sticker = ? ORDER BY created_at DESC, order_id LIMIT ?";
        this.purge = "DELETE FROM " + table + " WHERE shop_id = ? AND seen_at < ?";
    }

    @Override
    public boolean upsert(IndexedOrder order) {
        Objects.requireNonNull(order, "order");
        return jdbc.withConnection("recording order " + order.orderId() + " of shop " + order.shopId() + " on "
                + order.marketplace() + " in " + table, connection -> {
                    for (int attempt = 1; ; attempt++) {
                        if (insertIfAbsent(connection, order)) {
                            return true;
                        }
                        if (Jdbc.update(connection, update, statement -> bindUpdate(statement, order)) == 1
                                || !Jdbc.query(connection, exists, statement -> bindKey(statement, 1, order),
                                        row -> Boolean.TRUE).isEmpty()) {
                            return false;
                        }
                        if (attempt >= UniqueViolations.ATTEMPTS) {
                            throw new SQLException("the order was neither inserted nor found to update after "
                                    + attempt + " attempts");
                        }
                    }
                });
    }

    /** Inserts the order unless its key exists; tells whether it did. */
    private boolean insertIfAbsent(Connection connection, IndexedOrder order) throws SQLException {
        return jdbc.insertOnce(connection, insertIfAbsent, statement -> bindInsert(statement, order));
    }

    @Override
    public int upsertAll(List<IndexedOrder> orders) {
        Objects.requireNonNull(orders, "orders");
        Map<OrderKey, IndexedOrder> batch = new LinkedHashMap<>();
        for (IndexedOrder order : orders) {
            Objects.requireNonNull(order, "order");
            batch.merge(OrderKey.of(order), order, IndexedOrder::seenAgain);
        }
        if (batch.isEmpty()) {
            return 0;
        }
        String operation = "recording " + batch.size() + " orders in " + table;
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbc.inTransaction(operation, connection -> upsertBatch(connection, batch));
            } catch (StoreException e) {
                if (attempt >= UniqueViolations.ATTEMPTS || !(e.getCause() instanceof SQLException cause)
                        || !jdbc.dialect.isUniqueViolation(cause)) {
                    throw e;
                }
            }
        }
    }

    /** Updates the orders that exist, inserts the others and returns how many those were. */
    private int upsertBatch(Connection connection, Map<OrderKey, IndexedOrder> batch) throws SQLException {
        Set<OrderKey> existing = existingKeys(connection, batch.keySet());
        List<IndexedOrder> known = new ArrayList<>(existing.size());
        List<IndexedOrder> added = new ArrayList<>(batch.size() - existing.size());
        batch.entrySet().stream().sorted(Map.Entry.comparingByKey(KEY_ORDER))
                .forEach(e -> (existing.contains(e.getKey()) ? known : added).add(e.getValue()));
        runBatch(connection, update, known, this::bindUpdate);
        runBatch(connection, insert, added, this::bindInsert);
        return added.size();
    }

    /** A statement's parameters for one order. */
    @FunctionalInterface
    private interface OrderBinder {
        void bind(PreparedStatement statement, IndexedOrder order) throws SQLException;
    }

    private static void runBatch(Connection connection, String sql, List<IndexedOrder> orders, OrderBinder binder)
            throws SQLException {
        if (orders.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int pending = 0;
            for (IndexedOrder order : orders) {
                binder.bind(statement, order);
                statement.addBatch();
                if (++pending == STATEMENTS_PER_BATCH) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
        }
    }

    /**
     * Reads which of the orders exist and locks their rows until the transaction ends, so that a purge cannot
     * remove one before its update; per shop and marketplace, in chunks of {@value #IDS_PER_QUERY}.
     */
    private Set<OrderKey> existingKeys(Connection connection, Set<OrderKey> keys) throws SQLException {
        Map<List<String>, List<String>> byShop = new LinkedHashMap<>();
        keys.forEach(k -> byShop.computeIfAbsent(List.of(k.shopId(), k.marketplace()), s -> new ArrayList<>())
                .add(k.orderId()));
        Set<OrderKey> existing = new HashSet<>();
        for (Map.Entry<List<String>, List<String>> shop : byShop.entrySet()) {
            String shopId = shop.getKey().get(0);
            String marketplace = shop.getKey().get(1);
            List<String> ids = shop.getValue();
            for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
                List<String> chunk = ids.subList(from, Math.min(from + IDS_PER_QUERY, ids.size()));
                String sql = "SELECT order_id FROM " + table + " WHERE shop_id = ? AND marketplace = ?"
                        + " AND order_id IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?"))
                        + ") FOR UPDATE";
                existing.addAll(Jdbc.query(connection, sql, statement -> {
                    statement.setString(1, shopId);
                    statement.setString(2, marketplace);
                    for (int i = 0; i < chunk.size(); i++) {
                        statement.setString(i + 3, chunk.get(i));
                    }
                }, row -> new OrderKey(shopId, marketplace, row.getString("order_id"))));
            }
        }
        return existing;
    }

    @Override
    public Optional<IndexedOrder> find(ShopId shopId, Marketplace marketplace, String orderId) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(marketplace, "marketplace");
        Objects.requireNonNull(orderId, "order id");
        String id = orderId.strip();
        return jdbc.queryOne("reading order " + id + " of shop " + shopId + " on " + marketplace + " from " + table,
                selectOne, statement -> {
                    statement.setString(1, shopId.value());
                    statement.setString(2, marketplace.code());
                    statement.setString(3, id);
                }, this::order);
    }

    @Override
    public List<IndexedOrder> lookup(ShopId shopId, Marketplace marketplace, String reference, int limit) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(marketplace, "marketplace");
        Objects.requireNonNull(reference, "reference");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        String ref = reference.strip();
        if (ref.isEmpty()) {
            return List.of();
        }
        return List.copyOf(jdbc.query("looking up orders of shop " + shopId + " on " + marketplace + " by '" + ref
                + "' in " + table, lookup, statement -> {
                    int i = 1;
                    for (int branch = 0; branch < 4; branch++) {
                        statement.setString(i++, shopId.value());
                        statement.setString(i++, marketplace.code());
                        statement.setString(i++, ref);
                    }
                    statement.setInt(i, limit);
                }, this::order));
    }

    @Override
    public int purgeSeenBefore(ShopId shopId, Instant before) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(before, "before");
        return jdbc.update("purging the orders of shop " + shopId + " not seen since " + before + " from " + table,
                purge, statement -> {
                    statement.setString(1, shopId.value());
                    statement.setObject(2, Jdbc.utc(before));
                });
    }

    private void bindInsert(PreparedStatement statement, IndexedOrder order) throws SQLException {
        int i = bindKey(statement, 1, order);
        i = bindDetails(statement, i, order);
        statement.setObject(i++, Jdbc.utc(order.createdAt()));
        statement.setObject(i, Jdbc.utc(order.seenAt()));
    }

    private void bindUpdate(PreparedStatement statement, IndexedOrder order) throws SQLException {
        int i = bindDetails(statement, 1, order);
        statement.setObject(i++, Jdbc.utc(order.seenAt()));
        i = bindKey(statement, i, order);
        statement.setObject(i, Jdbc.utc(order.seenAt()));
    }

    /** Binds shop, marketplace and order id from parameter {@code first} on; returns the next index. */
    private static int bindKey(PreparedStatement statement, int first, IndexedOrder order) throws SQLException {
        statement.setString(first, order.shopId().value());
        statement.setString(first + 1, order.marketplace().code());
        statement.setString(first + 2, order.orderId());
        return first + 3;
    }

    /** Binds the details in the order of {@link #DETAILS} from parameter {@code first} on; returns the next. */
    private static int bindDetails(PreparedStatement statement, int first, IndexedOrder order) throws SQLException {
        int i = first;
        statement.setString(i++, order.rid());
        statement.setString(i++, order.orderUid());
        statement.setString(i++, order.sticker());
        statement.setString(i++, order.sellerSku());
        statement.setString(i++, order.productId());
        statement.setString(i++, order.productName());
        statement.setString(i++, order.scheme());
        statement.setString(i++, order.status());
        return i;
    }

    private IndexedOrder order(ResultSet row) throws SQLException {
        String shopId = row.getString("shop_id");
        String orderId = row.getString("order_id");
        try {
            return new IndexedOrder(ShopId.of(shopId), Marketplace.of(row.getString("marketplace")), orderId,
                    row.getString("rid"), row.getString("order_uid"), row.getString("sticker"),
                    row.getString("seller_sku"), row.getString("product_id"), row.getString("product_name"),
                    row.getString("scheme"), row.getString("status"),
                    Objects.requireNonNull(Jdbc.instant(row, "created_at"), "created_at"),
                    Objects.requireNonNull(Jdbc.instant(row, "seen_at"), "seen_at"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new StoreException("cannot read " + table + " row (shop " + shopId + ", order '" + orderId + "'): "
                    + e.getMessage(), e);
        }
    }

    /** An order's key in the table. */
    private record OrderKey(String shopId, String marketplace, String orderId) {

        static OrderKey of(IndexedOrder order) {
            return new OrderKey(order.shopId().value(), order.marketplace().code(), order.orderId());
        }
    }
}

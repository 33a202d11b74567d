package dev.aihq.store.jdbc;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.aihq.api.Money;
import dev.aihq.api.OrderId;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.api.error.StoreException;
import dev.aihq.api.event.PurchaseItem;
import dev.aihq.api.store.CoPurchase;
import dev.aihq.api.store.CustomerStats;
import dev.aihq.api.store.Purchase;
import dev.aihq.api.store.PurchaseStore;
import dev.aihq.http.JsonFormatException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Currency;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * The {@link PurchaseStore} in table {@code <prefix>purchases}, keyed by (shop, order).
 *
 * <p>A save is one insert-if-absent, so the database's unique key decides which of two racing saves of an
 * order wins: PostgreSQL reports a duplicate through the update count ({@code ON CONFLICT DO NOTHING}), H2
 * through a unique violation, and either way the first purchase stays. The lines are one JSON document
 * ({@code items}, schema version {@value #ITEMS_VERSION}); next to them the order's currency and total are
 * kept as columns for analytics, the total rounded to four decimal places (both are {@code NULL} for a
 * purchase without lines or with lines in several currencies, which no purchase event has). A customer's
 * history is read newest first by {@code occurred_at}, then by the order of saving ({@code saved_seq}),
 * from an index on (shop, customer); purchases without a customer belong to no history. A customer's
 * statistics are one aggregate query on the same index, grouped by currency: the counts, first and last
 * times and sums come from the database, never by reading the purchases. Times are kept to the microsecond.
 *
 * <p>Since schema version 10 a save also writes the order's distinct SKUs to {@code <prefix>purchase_lines},
 * in the same transaction as the purchase, and "bought together" is one query over that table: the orders
 * containing a given SKU since a time (index on (shop, sku, occurred_at)), joined on (shop, order) to their
 * other SKUs, counted per SKU. The lines hold no customer, so anonymised purchases keep counting.
 * Thread-safe; holds no connection between calls.
 */
final class JdbcPurchaseStore implements PurchaseStore {

    /** The version of the {@code items} JSON this class writes and reads. */
    static final int ITEMS_VERSION = 1;

    private static final TypeReference<List<PurchaseItem>> ITEMS = new TypeReference<>() {};
    private static final String COLUMNS = "shop_id, order_id, customer_phone, occurred_at, items, items_version";

    private final Jdbc jdbc;
    private final String table;
    private final String insert;
    private final String selectOne;
    private final String selectByCustomer;
    private final String selectStats;
    private final String selectStatsExcluding;
    private final String lines;
    private final String insertLine;

    JdbcPurchaseStore(Jdbc jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.table = jdbc.table("purchases");
        this.insert = jdbc.dialect.insertIfAbsent(table,
                List.of("shop_id", "order_id", "customer_phone", "occurred_at", "currency", "total", "items",
                        "items_version"),
                List.of("?", "?", "?", "?", "?", "?", jdbc.dialect.jsonParameter(), "?"));
        this.selectOne = "SELECT " + COLUMNS + " FROM " + table + " WHERE shop_id = ? AND order_id = ?";
        this.selectByCustomer = "SELECT " + COLUMNS + " FROM " + table + " WHERE shop_id = ? AND customer_phone = ?"
                + " ORDER BY occurred_at DESC, saved_seq DESC LIMIT ?";
        String stats = "SELECT currency, COUNT(*) AS purchase_count, COUNT(total) AS total_count,"
                + " SUM(total) AS total_sum, MIN(occurred_at) AS first_at, MAX(occurred_at) AS last_at FROM " + table
                + " WHERE shop_id = ? AND customer_phone = ?";
        this.selectStats = stats + " GROUP BY currency";
        this.selectStatsExcluding = stats + " AND order_id <> ? GROUP BY currency";
        this.lines = jdbc.table("purchase_lines");
        this.insertLine = "INSERT INTO " + lines + " (shop_id, order_id, sku, occurred_at) VALUES (?, ?, ?, ?)";
    }

    @Override
    public boolean save(Purchase purchase) {
        Objects.requireNonNull(purchase, "purchase");
        String items = jdbc.json.write(purchase.items());
        @Nullable Money total = purchase.total().orElse(null);
        @Nullable PhoneNumber customer = purchase.customer();
        Set<String> skus = new LinkedHashSet<>();
        purchase.items().forEach(item -> skus.add(item.sku().value()));
        return jdbc.inTransaction("saving order " + purchase.orderId() + " of shop " + purchase.shopId() + " in "
                + table, connection -> {
                    boolean saved;
                    try {
                        saved = Jdbc.update(connection, insert, statement -> {
                            statement.setString(1, purchase.shopId().value());
                            statement.setString(2, purchase.orderId().value());
                            statement.setString(3, customer == null ? null : customer.e164());
                            statement.setObject(4, Jdbc.utc(purchase.occurredAt()));
                            if (total == null) {
                                statement.setNull(5, Types.CHAR);
                                statement.setNull(6, Types.NUMERIC);
                            } else {
                                statement.setString(5, total.currency().getCurrencyCode());
                                statement.setBigDecimal(6, total.amount()
                                        .setScale(JdbcCatalogStore.MONEY_SCALE, RoundingMode.HALF_EVEN));
                            }
                            statement.setString(7, items);
                            statement.setInt(8, ITEMS_VERSION);
                        }) == 1;
                    } catch (SQLException e) {
                        if (jdbc.dialect.isUniqueViolation(e)) {
                            return false;
                        }
                        throw e;
                    }
                    if (saved && !skus.isEmpty()) {
                        try (PreparedStatement statement = connection.prepareStatement(insertLine)) {
                            for (String sku : skus) {
                                statement.setString(1, purchase.shopId().value());
                                statement.setString(2, purchase.orderId().value());
                                statement.setString(3, sku);
                                statement.setObject(4, Jdbc.utc(purchase.occurredAt()));
                                statement.addBatch();
                            }
                            statement.executeBatch();
                        }
                    }
                    return saved;
                });
    }

    /**
     * {@inheritDoc}
     *
     * <p>One query over {@code <prefix>purchase_lines}, with one parameter per given SKU.
     *
     * @throws IllegalArgumentException when {@code limit} is below 1
     */
    @Override
    public List<CoPurchase> boughtTogether(ShopId shopId, Set<Sku> skus, Instant since, int limit) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(skus, "skus");
        Objects.requireNonNull(since, "since");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        if (skus.isEmpty()) {
            return List.of();
        }
        List<String> given = new ArrayList<>();
        skus.forEach(sku -> given.add(sku.value()));
        String marks = String.join(", ", Collections.nCopies(given.size(), "?"));
        String sql = "SELECT other.sku AS sku, COUNT(DISTINCT other.order_id) AS orders FROM " + lines + " bought"
                + " JOIN " + lines + " other ON other.shop_id = bought.shop_id AND other.order_id = bought.order_id"
                + " WHERE bought.shop_id = ? AND bought.sku IN (" + marks + ") AND bought.occurred_at >= ?"
                + " AND other.sku NOT IN (" + marks + ")"
                + " GROUP BY other.sku ORDER BY orders DESC, other.sku LIMIT ?";
        return List.copyOf(jdbc.query("reading what was bought together with " + skus + " in shop " + shopId
                + " from " + lines, sql, statement -> {
                    int i = 1;
                    statement.setString(i++, shopId.value());
                    for (String sku : given) {
                        statement.setString(i++, sku);
                    }
                    statement.setObject(i++, Jdbc.utc(since));
                    for (String sku : given) {
                        statement.setString(i++, sku);
                    }
                    statement.setInt(i, limit);
                }, row -> new CoPurchase(Sku.of(row.getString("sku")), row.getLong("orders"))));
    }

    @Override
    public Optional<Purchase> find(ShopId shopId, OrderId orderId) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(orderId, "order id");
        return jdbc.queryOne("reading order " + orderId + " of shop " + shopId + " from " + table, selectOne,
                statement -> {
                    statement.setString(1, shopId.value());
                    statement.setString(2, orderId.value());
                }, this::read);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when {@code limit} is below 1
     */
    @Override
    public List<Purchase> findByCustomer(ShopId shopId, PhoneNumber customer, int limit) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(customer, "customer");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return List.copyOf(jdbc.query("reading the purchases of customer " + customer + " of shop " + shopId
                + " from " + table, selectByCustomer, statement -> {
                    statement.setString(1, shopId.value());
                    statement.setString(2, customer.e164());
                    statement.setInt(3, limit);
                }, this::read));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Sums the stored totals, which are kept to four decimal places.
     */
    @Override
    public CustomerStats stats(ShopId shopId, PhoneNumber customer, @Nullable OrderId excluding) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(customer, "customer");
        List<CurrencyGroup> groups = jdbc.query("reading the statistics of customer " + customer + " of shop "
                + shopId + " from " + table, excluding == null ? selectStats : selectStatsExcluding, statement -> {
                    statement.setString(1, shopId.value());
                    statement.setString(2, customer.e164());
                    if (excluding != null) {
                        statement.setString(3, excluding.value());
                    }
                }, this::readGroup);
        long count = 0;
        @Nullable Instant first = null;
        @Nullable Instant last = null;
        Map<Currency, Money> spent = new HashMap<>();
        Map<Currency, Long> orders = new HashMap<>();
        for (CurrencyGroup group : groups) {
            count += group.purchases();
            first = first == null || group.first().isBefore(first) ? group.first() : first;
            last = last == null || group.last().isAfter(last) ? group.last() : last;
            if (group.currency() != null && group.sum() != null && group.summed() > 0) {
                spent.put(group.currency(), Money.of(group.sum(), group.currency()));
                orders.put(group.currency(), group.summed());
            }
        }
        return count == 0 ? CustomerStats.none(shopId, customer)
                : new CustomerStats(shopId, customer, count, first, last, spent, orders);
    }

    /** One row of the statistics query: the purchases in one currency, or without one. */
    private record CurrencyGroup(@Nullable Currency currency, long purchases, long summed, @Nullable BigDecimal sum,
            Instant first, Instant last) {}

    private CurrencyGroup readGroup(ResultSet row) throws SQLException {
        String code = row.getString("currency");
        @Nullable Currency currency;
        try {
            currency = code == null ? null : Currency.getInstance(code.strip());
        } catch (IllegalArgumentException e) {
            throw new StoreException("cannot read the statistics from " + table + ": unknown currency '" + code + "'",
                    e);
        }
        return new CurrencyGroup(currency, row.getLong("purchase_count"), row.getLong("total_count"),
                row.getBigDecimal("total_sum"),
                Objects.requireNonNull(Jdbc.instant(row, "first_at"), "first_at"),
                Objects.requireNonNull(Jdbc.instant(row, "last_at"), "last_at"));
    }

    private Purchase read(ResultSet row) throws SQLException {
        String shopId = row.getString("shop_id");
        String orderId = row.getString("order_id");
        String where = table + " row (shop " + shopId + ", order '" + orderId + "')";
        int version = row.getInt("items_version");
        if (version != ITEMS_VERSION) {
            throw new StoreException("cannot read " + where + ": items version " + version
                    + " is not supported (this SDK reads version " + ITEMS_VERSION + ")");
        }
        Instant occurredAt = Objects.requireNonNull(Jdbc.instant(row, "occurred_at"), "occurred_at");
        String phone = row.getString("customer_phone");
        List<PurchaseItem> items;
        try {
            items = jdbc.json.read(row.getString("items").getBytes(StandardCharsets.UTF_8), ITEMS);
        } catch (JsonFormatException e) {
            throw new StoreException("cannot read " + where + ": " + e.getMessage(), e);
        }
        if (items.contains(null)) {
            throw new StoreException("cannot read " + where + ": the items JSON holds a null line");
        }
        try {
            return new Purchase(ShopId.of(shopId), OrderId.of(orderId), phone == null ? null : new PhoneNumber(phone),
                    items, occurredAt);
        } catch (IllegalArgumentException e) {
            throw new StoreException("cannot read " + where + ": " + e.getMessage(), e);
        }
    }
}

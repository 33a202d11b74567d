package dev.aihq.store.jdbc;

import dev.aihq.api.Money;
import dev.aihq.api.OrderId;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.api.error.StoreException;
import dev.aihq.api.store.LedgerEntry;
import dev.aihq.api.store.LedgerEntryKind;
import dev.aihq.api.store.LedgerStore;
import dev.aihq.api.store.LedgerTotal;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * The {@link LedgerStore} in table {@code <prefix>ledger_entries}, keyed by (shop, entry key).
 *
 * <p>Amounts and quantities are {@code NUMERIC(19,4)}: exact to four decimal places (no currency has more
 * than three minor digits) and below 10<sup>15</sup>. An entry beyond either is refused with an
 * {@link IllegalArgumentException} before anything is written, never rounded: the accountant's figures must
 * add up to what was recorded. They read back at the scale that says the same value (a quantity of
 * {@code 1.5000} as {@code 1.5}, an amount as {@link Money} normalises it).
 *
 * <p>{@link #record} is one insert-if-absent ({@link Dialect#insertIfAbsent}): PostgreSQL reports an existing
 * key through the update count, H2 through a unique violation, and either way the first entry stays.
 * {@link #recordAll} runs in one transaction (joining the unit of work open on the thread): it reads which of
 * the batch's keys exist, then inserts the others in JDBC batches, so its count never depends on what a
 * driver reports for batched statements. When another session inserts one of the keys in between, the insert
 * fails with a unique violation; the transaction is rolled back (to its savepoint inside a unit of work) and
 * runs again, up to {@value UniqueViolations#ATTEMPTS} times.
 *
 * <p>{@link #totals} is one {@code GROUP BY sku, kind, currency} over the index on (shop, occurred_at,
 * entry_key): the database adds up, and only one row per product, kind and currency comes back, which is
 * then put in the order of the SPI (kinds in declaration order, which no text column sorts by). On PostgreSQL
 * it is planned for its own range every time ({@link Dialect#customPlansInTransaction}): a generic plan would
 * read a month that is most of the table through the index, three to four times slower. Times are
 * kept to the microsecond. Thread-safe; holds no connection between calls.
 */
final class JdbcLedgerStore implements LedgerStore {

    /** The decimal places of the amount and quantity columns. */
    static final int SCALE = 4;

    /** The digits before the decimal point the amount and quantity columns hold. */
    private static final int INTEGER_DIGITS = 15;

    /** How many keys one existence check names, well below every database's parameter limit. */
    private static final int KEYS_PER_QUERY = 500;

    /** How many inserts go to the database in one JDBC batch. */
    private static final int INSERTS_PER_BATCH = 500;

    private static final String COLUMNS = "shop_id, entry_key, kind, occurred_at, sku, order_id, quantity, amount,"
            + " currency, source";

    private static final Comparator<LedgerTotal> TOTALS_ORDER = Comparator
            .comparing((LedgerTotal t) -> t.sku() != null)
            .thenComparing(t -> t.sku() == null ? "" : t.sku().value())
            .thenComparing(LedgerTotal::kind)
            .thenComparing(t -> t.currency().getCurrencyCode());

    private final Jdbc jdbc;
    private final String table;
    private final String insertIfAbsent;
    private final String insert;
    private final String selectOne;
    private final String selectTotals;
    private final String selectEntries;

    JdbcLedgerStore(Jdbc jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.table = jdbc.table("ledger_entries");
        List<String> columns = List.of(COLUMNS.split(", "));
        List<String> parameters = Collections.nCopies(columns.size(), "?");
        this.insertIfAbsent = jdbc.dialect.insertIfAbsent(table, columns, parameters);
        this.insert = "INSERT INTO " + table + " (" + COLUMNS + ") VALUES (" + String.join(", ", parameters) + ")";
        this.selectOne = "SELECT " + COLUMNS + " FROM " + table + " WHERE shop_id = ? AND entry_key = ?";
        String period = " WHERE shop_id = ? AND occurred_at >= ? AND occurred_at < ?";
        this.selectTotals = "SELECT sku, kind, currency, SUM(quantity) AS quantity_sum, SUM(amount) AS amount_sum,"
                + " COUNT(*) AS entry_count FROM " + table + period + " GROUP BY sku, kind, currency";
        this.selectEntries = "SELECT " + COLUMNS + " FROM " + table + period
                + " ORDER BY occurred_at, entry_key LIMIT ?";
    }

    @Override
    public boolean record(LedgerEntry entry) {
        Objects.requireNonNull(entry, "entry");
        requireStorable(entry);
        return jdbc.withConnection("recording ledger entry " + entry.key() + " of shop " + entry.shopId() + " in "
                + table, connection -> {
                    return jdbc.insertOnce(connection, insertIfAbsent, statement -> bind(statement, entry));
                });
    }

    @Override
    public int recordAll(List<LedgerEntry> entries) {
        Objects.requireNonNull(entries, "entries");
        Map<ShopKey, LedgerEntry> batch = new LinkedHashMap<>();
        for (LedgerEntry entry : entries) {
            Objects.requireNonNull(entry, "entry");
            LedgerEntry earlier = batch.putIfAbsent(new ShopKey(entry.shopId().value(), entry.key()), entry);
            if (earlier != null && !earlier.equals(entry)) {
                throw new IllegalArgumentException("two different ledger entries share shop " + entry.shopId()
                        + " and key " + entry.key());
            }
        }
        if (batch.isEmpty()) {
            return 0;
        }
        batch.values().forEach(JdbcLedgerStore::requireStorable);
        String operation = "recording " + batch.size() + " ledger entries in " + table;
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbc.inTransaction(operation, connection -> insertAbsent(connection, batch));
            } catch (StoreException e) {
                if (attempt >= UniqueViolations.ATTEMPTS || !(e.getCause() instanceof SQLException cause)
                        || !jdbc.dialect.isUniqueViolation(cause)) {
                    throw e;
                }
            }
        }
    }

    /** Inserts the entries whose keys do not exist yet and returns how many there were. */
    private int insertAbsent(Connection connection, Map<ShopKey, LedgerEntry> batch) throws SQLException {
        Set<ShopKey> existing = existingKeys(connection, batch.keySet());
        int added = 0;
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            for (Map.Entry<ShopKey, LedgerEntry> entry : batch.entrySet()) {
                if (existing.contains(entry.getKey())) {
                    continue;
                }
                bind(statement, entry.getValue());
                statement.addBatch();
                if (++added % INSERTS_PER_BATCH == 0) {
                    statement.executeBatch();
                }
            }
            if (added % INSERTS_PER_BATCH != 0) {
                statement.executeBatch();
            }
        }
        return added;
    }

    /** Reads which of the keys exist, per shop and in chunks of {@value #KEYS_PER_QUERY}. */
    private Set<ShopKey> existingKeys(Connection connection, Set<ShopKey> keys) throws SQLException {
        Map<String, List<String>> byShop = new LinkedHashMap<>();
        keys.forEach(k -> byShop.computeIfAbsent(k.shopId(), s -> new ArrayList<>()).add(k.key()));
        Set<ShopKey> existing = new HashSet<>();
        for (Map.Entry<String, List<String>> shop : byShop.entrySet()) {
            List<String> shopKeys = shop.getValue();
            for (int from = 0; from < shopKeys.size(); from += KEYS_PER_QUERY) {
                List<String> chunk = shopKeys.subList(from, Math.min(from + KEYS_PER_QUERY, shopKeys.size()));
                String sql = "SELECT entry_key FROM " + table + " WHERE shop_id = ? AND entry_key IN ("
                        + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
                existing.addAll(Jdbc.query(connection, sql, statement -> {
                    statement.setString(1, shop.getKey());
                    for (int i = 0; i < chunk.size(); i++) {
                        statement.setString(i + 2, chunk.get(i));
                    }
                }, row -> new ShopKey(shop.getKey(), row.getString("entry_key"))));
            }
        }
        return existing;
    }

    @Override
    public Optional<LedgerEntry> find(ShopId shopId, String key) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(key, "key");
        return jdbc.queryOne("reading ledger entry " + key + " of shop " + shopId + " from " + table, selectOne,
                statement -> {
                    statement.setString(1, shopId.value());
                    statement.setString(2, key);
                }, this::entry);
    }

    @Override
    public List<LedgerTotal> totals(ShopId shopId, Instant from, Instant to) {
        requireRange(shopId, from, to);
        String operation = "adding up the ledger of shop " + shopId + " from " + from + " to " + to + " in " + table;
        Jdbc.Binder range = statement -> bindRange(statement, shopId, from, to);
        String customPlans = jdbc.dialect.customPlansInTransaction();
        // A month can be most of the table or a sliver of it: the plan must see the range (see the dialect).
        // Inside a unit of work the setting lasts until the unit ends, which only costs its statements a plan.
        List<LedgerTotal> totals = new ArrayList<>(customPlans == null
                ? jdbc.query(operation, selectTotals, range, this::total)
                : jdbc.inTransaction(operation, connection -> {
                    Jdbc.update(connection, customPlans, statement -> { });
                    return Jdbc.query(connection, selectTotals, range, this::total);
                }));
        totals.sort(TOTALS_ORDER);
        return List.copyOf(totals);
    }

    @Override
    public List<LedgerEntry> entries(ShopId shopId, Instant from, Instant to, int limit) {
        requireRange(shopId, from, to);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return List.copyOf(jdbc.query("listing the ledger of shop " + shopId + " from " + from + " to " + to
                + " in " + table, selectEntries, statement -> {
                    bindRange(statement, shopId, from, to);
                    statement.setInt(4, limit);
                }, this::entry));
    }

    /** A shop and an entry key: what is unique in the table. */
    private record ShopKey(String shopId, String key) {}

    private static void requireRange(ShopId shopId, Instant from, Instant to) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** Refuses what the NUMERIC(19,4) columns cannot hold exactly, instead of letting the database round it. */
    private static void requireStorable(LedgerEntry entry) {
        requireStorable(entry, "quantity", entry.quantity());
        requireStorable(entry, "amount", entry.amount().amount());
    }

    private static void requireStorable(LedgerEntry entry, String what, BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > SCALE) {
            throw new IllegalArgumentException("the " + what + " of ledger entry " + entry.key() + " has more than "
                    + SCALE + " decimal places, which the ledger cannot store exactly: " + value.toPlainString());
        }
        if (stripped.precision() - stripped.scale() > INTEGER_DIGITS) {
            throw new IllegalArgumentException("the " + what + " of ledger entry " + entry.key() + " has more than "
                    + INTEGER_DIGITS + " digits before the decimal point, which the ledger cannot store: "
                    + value.toPlainString());
        }
    }

    private static void bind(PreparedStatement statement, LedgerEntry entry) throws SQLException {
        statement.setString(1, entry.shopId().value());
        statement.setString(2, entry.key());
        statement.setString(3, entry.kind().name());
        statement.setObject(4, Jdbc.utc(entry.occurredAt()));
        statement.setString(5, entry.sku() == null ? null : entry.sku().value());
        statement.setString(6, entry.orderId() == null ? null : entry.orderId().value());
        statement.setBigDecimal(7, entry.quantity());
        statement.setBigDecimal(8, entry.amount().amount());
        statement.setString(9, entry.amount().currency().getCurrencyCode());
        statement.setString(10, entry.source());
    }

    private static void bindRange(PreparedStatement statement, ShopId shopId, Instant from, Instant to)
            throws SQLException {
        statement.setString(1, shopId.value());
        statement.setObject(2, Jdbc.utc(from));
        statement.setObject(3, Jdbc.utc(to));
    }

    private LedgerEntry entry(ResultSet row) throws SQLException {
        String shopId = row.getString("shop_id");
        String key = row.getString("entry_key");
        try {
            String sku = row.getString("sku");
            String orderId = row.getString("order_id");
            return new LedgerEntry(ShopId.of(shopId), key, kind(row), Objects.requireNonNull(
                    Jdbc.instant(row, "occurred_at"), "occurred_at"), sku == null ? null : Sku.of(sku),
                    orderId == null ? null : OrderId.of(orderId), quantity(row.getBigDecimal("quantity")),
                    Money.of(row.getBigDecimal("amount"), currency(row)), row.getString("source"));
        } catch (IllegalArgumentException e) {
            throw new StoreException("cannot read " + table + " row (shop " + shopId + ", key '" + key + "'): "
                    + e.getMessage(), e);
        }
    }

    private LedgerTotal total(ResultSet row) throws SQLException {
        String sku = row.getString("sku");
        try {
            Currency currency = currency(row);
            return new LedgerTotal(sku == null ? null : Sku.of(sku), kind(row), currency,
                    quantity(row.getBigDecimal("quantity_sum")),
                    Money.of(row.getBigDecimal("amount_sum"), currency).amount(), row.getLong("entry_count"));
        } catch (IllegalArgumentException e) {
            throw new StoreException("cannot read the totals of " + table + ": " + e.getMessage(), e);
        }
    }

    private static LedgerEntryKind kind(ResultSet row) throws SQLException {
        return LedgerEntryKind.valueOf(row.getString("kind").strip());
    }

    private static Currency currency(ResultSet row) throws SQLException {
        return Currency.getInstance(row.getString("currency").strip());
    }

    /** A quantity at the smallest scale that says its value, never below zero: {@code 1.5000} as {@code 1.5}. */
    private static BigDecimal quantity(@Nullable BigDecimal stored) {
        BigDecimal value = Objects.requireNonNull(stored, "quantity").stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }
}

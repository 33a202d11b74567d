package dev.aihq.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aihq.api.error.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.Nullable;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and upgrades AI HQ's tables for users without a migration tool. The schema ships as versioned
 * SQL files in this jar, {@code db/aihq/<dialect>/V<n>__<description>.sql}, named so that Flyway or
 * Liquibase users run them directly (with a placeholder {@code prefix} holding the table prefix).
 *
 * <p>Applied versions are recorded in {@code <prefix>schema_history} with a checksum; a file changed
 * after it was applied is refused. On PostgreSQL an advisory lock makes concurrent starts of several
 * instances safe: one applies, the others wait and find nothing left to do.
 */
public final class SchemaMigrator {

    /** The schema files of this version of the SDK, in order. */
    static final List<String> SCRIPTS = List.of("V1__core.sql", "V2__run_leases.sql", "V3__outbox_orders.sql",
            "V4__prompts_conversations.sql", "V5__suppressions.sql", "V6__personal_data.sql",
            "V7__token_usage_shards.sql", "V8__run_attempts.sql", "V9__consent_channels.sql",
            "V10__run_outcomes.sql", "V11__purchase_lines.sql", "V12__poll_cursors.sql", "V13__ledger.sql",
            "V14__legal_cases.sql", "V15__order_index.sql", "V16__interactions.sql");

    /** The script whose H2 version needs the purchase lines filled in Java (H2 has no JSON functions). */
    private static final String PURCHASE_LINES = "V11__purchase_lines.sql";

    /** The script whose H2 version needs the sales of earlier purchases filled in Java. */
    private static final String LEDGER = "V13__ledger.sql";

    /** How many rows a back-fill sends to the database per batch, so that memory stays flat. */
    private static final int BACKFILL_BATCH = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);
    private static final Pattern VERSION = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");

    private final DataSource dataSource;
    private final Dialect dialect;
    private final String prefix;

    /**
     * Creates a migrator.
     *
     * @param dataSource the database
     * @param dialect its dialect
     * @param prefix the table prefix
     */
    public SchemaMigrator(DataSource dataSource, Dialect dialect, String prefix) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.prefix = JdbcStores.requireValidPrefix(prefix);
    }

    /**
     * Returns the newest schema version this SDK knows.
     *
     * @return the version
     */
    public static int latestVersion() {
        return versionOf(SCRIPTS.get(SCRIPTS.size() - 1));
    }

    /**
     * Applies every schema file not applied yet.
     *
     * @return the files applied now, in order; empty when the schema was current
     * @throws StoreException when a file fails, or an applied file has changed since
     */
    public List<String> migrate() {
        List<String> applied = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            lock(connection, true);
            try {
                ensureHistoryTable(connection);
                for (String script : SCRIPTS) {
                    if (apply(connection, script)) {
                        applied.add(script);
                    }
                }
            } finally {
                lock(connection, false);
            }
        } catch (SQLException e) {
            throw new StoreException("migrating the AI HQ schema failed: " + e.getMessage(), e);
        }
        if (!applied.isEmpty()) {
            LOG.info("AI HQ schema ({} tables, prefix '{}') upgraded with {}", dialect, prefix, applied);
        }
        return applied;
    }

    /**
     * Returns the highest applied schema version.
     *
     * @return the version, 0 when none is applied
     */
    public int currentVersion() {
        try (Connection connection = dataSource.getConnection()) {
            ensureHistoryTable(connection);
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT MAX(version) FROM " + history())) {
                return row.next() ? row.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw new StoreException("reading the AI HQ schema version failed: " + e.getMessage(), e);
        }
    }

    private String history() {
        return prefix + "schema_history";
    }

    /** On PostgreSQL, one migrating instance at a time per prefix: a session-level advisory lock. */
    private void lock(Connection connection, boolean acquire) throws SQLException {
        if (dialect != Dialect.POSTGRESQL) {
            return;
        }
        try (PreparedStatement lock = connection.prepareStatement(
                acquire ? "SELECT pg_advisory_lock(?)" : "SELECT pg_advisory_unlock(?)")) {
            lock.setLong(1, ("aihq-schema:" + prefix).hashCode());
            lock.execute();
        }
    }

    private void ensureHistoryTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + history() + " (version INTEGER NOT NULL PRIMARY KEY, "
                    + "script VARCHAR(200) NOT NULL, checksum VARCHAR(64) NOT NULL, installed_at "
                    + (dialect == Dialect.POSTGRESQL ? "TIMESTAMPTZ" : "TIMESTAMP WITH TIME ZONE") + " NOT NULL)");
        }
    }

    private boolean apply(Connection connection, String script) throws SQLException {
        int version = versionOf(script);
        String sql = read(script);
        String checksum = sha256(sql);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try (PreparedStatement find = connection.prepareStatement(
                    "SELECT checksum FROM " + history() + " WHERE version = ?")) {
                find.setInt(1, version);
                try (ResultSet row = find.executeQuery()) {
                    if (row.next()) {
                        if (!row.getString(1).equals(checksum)) {
                            throw new StoreException("schema file " + script + " differs from the one applied to this"
                                    + " database; applied files must never change (add a new version instead)");
                        }
                        connection.commit();
                        return false;
                    }
                }
            }
            try (Statement statement = connection.createStatement()) {
                for (String part : statements(sql.replace("${prefix}", prefix))) {
                    statement.execute(part);
                }
            }
            if (dialect == Dialect.H2 && script.equals(PURCHASE_LINES)) {
                fillPurchaseLines(connection);
            }
            if (dialect == Dialect.H2 && script.equals(LEDGER)) {
                fillLedgerSales(connection);
            }
            try (PreparedStatement record = connection.prepareStatement(
                    "INSERT INTO " + history() + " (version, script, checksum, installed_at) VALUES (?, ?, ?, ?)")) {
                record.setInt(1, version);
                record.setString(2, script);
                record.setString(3, checksum);
                record.setObject(4, Instant.now().atOffset(ZoneOffset.UTC));
                record.executeUpdate();
            }
            connection.commit();
            return true;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * Fills {@code purchase_lines} from the items JSON of the purchases saved before version 10: one row
     * per distinct SKU of each order. Runs in the migration's transaction.
     */
    private void fillPurchaseLines(Connection connection) throws SQLException {
        int[] filled = {0};
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + prefix
                        + "purchase_lines (shop_id, order_id, sku, occurred_at) VALUES (?, ?, ?, ?)")) {
            forEachPurchase(connection, "purchase_lines", (shopId, orderId, occurredAt, items) -> {
                Set<String> skus = new LinkedHashSet<>();
                for (JsonNode item : items) {
                    JsonNode sku = item.get("sku");
                    if (sku != null && sku.isTextual()) {
                        skus.add(sku.asText());
                    }
                }
                for (String sku : skus) {
                    insert.setString(1, shopId);
                    insert.setString(2, orderId);
                    insert.setString(3, sku);
                    insert.setObject(4, occurredAt);
                    insert.addBatch();
                    filled[0]++;
                }
            });
            insert.executeBatch();
        }
        LOG.info("filled {} purchase lines of {}purchases", filled[0], prefix);
    }

    /**
     * Records the purchases saved before version 13 as sales in {@code ledger_entries}, as the PostgreSQL
     * script does in SQL: one entry per order and SKU keyed {@code sale:<order>:<sku>}, the lines of one SKU
     * summed, amount = price × quantity, at the purchase's time, source {@code purchases-backfill}; a SKU whose
     * lines are in two currencies is left out. Runs in the migration's transaction.
     */
    private void fillLedgerSales(Connection connection) throws SQLException {
        int[] filled = {0};
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + prefix
                        + "ledger_entries (shop_id, entry_key, kind, occurred_at, sku, order_id, quantity, amount,"
                        + " currency, source) VALUES (?, ?, 'SALE', ?, ?, ?, ?, ?, ?, 'purchases-backfill')")) {
            forEachPurchase(connection, "ledger_entries", (shopId, orderId, occurredAt, items) -> {
                Map<String, BackfilledSale> sales = new LinkedHashMap<>();
                for (JsonNode item : items) {
                    JsonNode sku = item.get("sku");
                    JsonNode price = item.path("price");
                    if (sku == null || !sku.isTextual()) {
                        continue;
                    }
                    BigDecimal quantity;
                    BigDecimal amount;
                    try {
                        quantity = new BigDecimal(item.path("quantity").asText());
                        amount = new BigDecimal(price.path("amount").asText()).multiply(quantity);
                    } catch (NumberFormatException e) {
                        throw new StoreException("cannot read a line of order '" + orderId + "' of shop " + shopId
                                + " to fill " + prefix + "ledger_entries: its price or quantity is not a number", e);
                    }
                    String currency = price.path("currency").asText();
                    if (currency.isEmpty()) {
                        throw new StoreException("cannot read a line of order '" + orderId + "' of shop " + shopId
                                + " to fill " + prefix + "ledger_entries: its price has no currency");
                    }
                    sales.merge(sku.asText(), new BackfilledSale(quantity, amount, currency), BackfilledSale::plus);
                }
                for (Map.Entry<String, BackfilledSale> sale : sales.entrySet()) {
                    if (sale.getValue().currency() == null) {
                        continue;
                    }
                    insert.setString(1, shopId);
                    insert.setString(2, "sale:" + orderId + ":" + sale.getKey());
                    insert.setObject(3, occurredAt);
                    insert.setString(4, sale.getKey());
                    insert.setString(5, orderId);
                    insert.setBigDecimal(6, sale.getValue().quantity());
                    insert.setBigDecimal(7, sale.getValue().amount());
                    insert.setString(8, sale.getValue().currency());
                    insert.addBatch();
                    if (++filled[0] % BACKFILL_BATCH == 0) {
                        insert.executeBatch();
                    }
                }
            });
            insert.executeBatch();
        }
        LOG.info("recorded {} sales of {}purchases in {}ledger_entries", filled[0], prefix, prefix);
    }

    /** What a back-fill does with one stored purchase. */
    @FunctionalInterface
    private interface PurchaseVisitor {
        void visit(String shopId, String orderId, Object occurredAt, JsonNode items) throws SQLException;
    }

    /**
     * Reads every stored purchase with its items JSON, for the back-fills of versions that take the items apart
     * (H2 has no JSON functions). An unreadable items value stops the migration, naming the order and the table
     * being filled.
     */
    private void forEachPurchase(Connection connection, String filling, PurchaseVisitor visitor) throws SQLException {
        ObjectMapper mapper = new ObjectMapper();
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("SELECT shop_id, order_id, occurred_at, items FROM " + prefix
                        + "purchases")) {
            while (rows.next()) {
                String shopId = rows.getString("shop_id");
                String orderId = rows.getString("order_id");
                JsonNode items;
                try {
                    items = mapper.readTree(rows.getString("items"));
                } catch (IOException e) {
                    throw new StoreException("cannot read the items of order '" + orderId + "' of shop " + shopId
                            + " to fill " + prefix + filling + ": " + e.getMessage(), e);
                }
                visitor.visit(shopId, orderId, rows.getObject("occurred_at"), items);
            }
        }
    }

    /** The sum of an order's lines of one SKU; no currency once two lines disagree on it. */
    private record BackfilledSale(BigDecimal quantity, BigDecimal amount, @Nullable String currency) {

        BackfilledSale plus(BackfilledSale other) {
            return new BackfilledSale(quantity.add(other.quantity), amount.add(other.amount),
                    Objects.equals(currency, other.currency) ? currency : null);
        }
    }

    /** Splits a script into statements at semicolons ending a line; comment lines are dropped. */
    static List<String> statements(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private String read(String script) {
        String path = dialect.schemaLocation() + "/" + script;
        try (InputStream in = SchemaMigrator.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new StoreException("schema file " + path + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("cannot read schema file " + path, e);
        }
    }

    private static int versionOf(String script) {
        Matcher m = VERSION.matcher(script);
        if (!m.matches()) {
            throw new IllegalStateException("schema file name " + script + " is not V<n>__<description>.sql");
        }
        return Integer.parseInt(m.group(1));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}

package dev.aihq.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.store.CustomerMentions;
import dev.aihq.api.store.ErasureReport;
import dev.aihq.api.store.PersonalDataStore;
import dev.aihq.api.store.PhoneHash;
import dev.aihq.api.store.PurgeReport;
import dev.aihq.http.JsonFormatException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * The {@link PersonalDataStore} over every table of {@link JdbcStores}. An erasure is one transaction: all
 * of it is committed, or nothing.
 *
 * <p>How an erasure finds the customer, all within the shop: the purchases, outbox messages, outbox lock
 * row, conversation and consent record by the customer's number in their own columns (each read through
 * its index on (shop, number)); journal entries, run records and other texts by searching their text (JSON as text,
 * {@link Dialect#jsonText}) with {@code LIKE} for {@link CustomerMentions#searchTerms()}, and then confirming
 * each candidate with {@link CustomerMentions#mentions} in Java, the same on both databases. These searches
 * read the shop's range of each table's primary key: an erasure costs a read of the shop's journal and run
 * log, which is why it is a rare, deliberate call and not part of a run. The runs of the customer's journal
 * entries and outbox messages are the customer's own: their result is dropped. JSON is cleaned value by
 * value; a document in which a mention survives (in a field name, or a number) is dropped as a whole
 * ({@code stages} becomes {@code []}).
 *
 * <p>A retention purge is one transaction of one statement per kind, each on an index: the journal's
 * (shop, received) index, the run log's (shop, start) index, the outbox's (shop, status, due) index and the
 * conversations' (shop, customer, time) index; outbox lock rows of customers without messages left go too.
 * Consent records are never purged by age: they are what honours a customer's opt-out or "no" to offers
 * however long ago it was given, so they stay until the customer is erased. The inbox's
 * {@code inbox_interactions} and {@code inbox_messages} hold what buyers wrote on the marketplace and no phone
 * number, so neither an erasure by phone nor a retention purge touches them. Thread-safe; holds no connection
 * between calls.
 */
final class JdbcPersonalDataStore implements PersonalDataStore {

    private static final String FINISHED_STATUSES = "('SENT', 'FAILED', 'CANCELLED')";

    private final Jdbc jdbc;
    private final @Nullable byte[] suppressionKey;
    private final String journal;
    private final String purchases;
    private final String runs;
    private final String outbox;
    private final String contacts;
    private final String conversations;
    private final String suppressions;
    private final String consents;

    JdbcPersonalDataStore(Jdbc jdbc, @Nullable byte[] suppressionKey) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.suppressionKey = suppressionKey == null ? null : PhoneHash.requireValidKey(suppressionKey);
        this.journal = jdbc.table("event_journal");
        this.purchases = jdbc.table("purchases");
        this.runs = jdbc.table("runs");
        this.outbox = jdbc.table("outbox");
        this.contacts = jdbc.table("outbox_contacts");
        this.conversations = jdbc.table("conversations");
        this.suppressions = jdbc.table("suppressions");
        this.consents = jdbc.table("consents");
    }

    /**
     * {@inheritDoc}
     *
     * @throws ConfigurationException when the stores were built without
     *     {@link JdbcStores.Builder#suppressionKey(byte[])}: an erased customer must go on the suppression list,
     *     and nothing is changed without it
     */
    @Override
    public ErasureReport erase(ShopId shopId, PhoneNumber customer, @Nullable String customerName, Instant at) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(at, "at");
        CustomerMentions mentions = new CustomerMentions(customer, customerName);
        byte[] key = suppressionKey;
        if (key == null) {
            throw new ConfigurationException("erasing a customer puts them on the suppression list, which needs a"
                    + " secret key: set JdbcStores.Builder#suppressionKey(byte[]) (at least "
                    + PhoneHash.MIN_KEY_BYTES + " bytes, the same on every instance); nothing was erased");
        }
        String hash = PhoneHash.of(key, shopId, customer).hex();
        return jdbc.inTransaction("erasing customer " + customer.masked() + " of shop " + shopId, connection -> {
            Eraser eraser = new Eraser(connection, shopId, customer, mentions, at);
            int journalEntries = eraser.journal();
            int purchaseCount = eraser.purchases();
            int outboxMessages = eraser.outbox();
            int runCount = eraser.runs();
            int conversationMessages = eraser.conversations();
            int consentRecords = eraser.consents();
            suppress(connection, shopId, hash, at);
            return new ErasureReport(shopId, at, journalEntries, purchaseCount, runCount, outboxMessages,
                    conversationMessages, consentRecords);
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>Consent records ({@code <prefix>consents}) are not purged by age: an opt-out or a "no" to offers
     * must be honoured however old it is, so a record stays until the customer is erased.
     */
    @Override
    public PurgeReport purgeBefore(ShopId shopId, Instant before) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(before, "before");
        OffsetDateTime cutoff = Jdbc.utc(before);
        String shop = shopId.value();
        String json = jdbc.dialect.jsonParameter();
        return jdbc.inTransaction("purging the personal data of shop " + shopId + " before " + before, connection -> {
            int journalEntries = Jdbc.update(connection, "UPDATE " + journal + " SET payload = " + json
                    + ", payload_erased_at = CURRENT_TIMESTAMP WHERE shop_id = ? AND received_at < ?"
                    + " AND finished_at IS NOT NULL AND payload_erased_at IS NULL", statement -> {
                        statement.setString(1, "{}");
                        statement.setString(2, shop);
                        statement.setObject(3, cutoff);
                    });
            int runCount = Jdbc.update(connection, "UPDATE " + runs + " SET stages = " + json + ", agent = NULL,"
                    + " result = NULL, purged_at = CURRENT_TIMESTAMP WHERE shop_id = ? AND started_at < ?"
                    + " AND finished_at IS NOT NULL AND purged_at IS NULL", statement -> {
                        statement.setString(1, "[]");
                        statement.setString(2, shop);
                        statement.setObject(3, cutoff);
                    });
            int outboxMessages = Jdbc.update(connection, "DELETE FROM " + outbox + " WHERE shop_id = ? AND status IN "
                    + FINISHED_STATUSES + " AND due_at < ?", statement -> {
                        statement.setString(1, shop);
                        statement.setObject(2, cutoff);
                    });
            Jdbc.update(connection, "DELETE FROM " + contacts + " AS c WHERE c.shop_id = ? AND NOT EXISTS (SELECT 1"
                    + " FROM " + outbox + " AS o WHERE o.shop_id = c.shop_id AND o.to_phone = c.to_phone)",
                    statement -> statement.setString(1, shop));
            int conversationMessages = Jdbc.update(connection, "DELETE FROM " + conversations
                    + " WHERE shop_id = ? AND at < ?", statement -> {
                        statement.setString(1, shop);
                        statement.setObject(2, cutoff);
                    });
            return new PurgeReport(shopId, before, journalEntries, runCount, outboxMessages, conversationMessages);
        });
    }

    /** Puts the customer on the suppression list in the erasure's transaction. */
    private void suppress(Connection connection, ShopId shopId, String hash, Instant at) throws SQLException {
        String upsert = jdbc.dialect.upsert(suppressions, List.of("shop_id", "phone_hash", "reason", "suppressed_at"),
                List.of("?", "?", "?", "?"), List.of("shop_id", "phone_hash"));
        for (int attempt = 1; ; attempt++) {
            try {
                Jdbc.update(connection, upsert, statement -> {
                    statement.setString(1, shopId.value());
                    statement.setString(2, hash);
                    statement.setString(3, ERASED_REASON);
                    statement.setObject(4, Jdbc.utc(at));
                });
                return;
            } catch (SQLException e) {
                // H2's MERGE may lose a race for the new key to another session; run again, it updates.
                if (attempt >= UniqueViolations.ATTEMPTS || !jdbc.dialect.isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }

    /** One erasure's work on its connection. */
    private final class Eraser {
        private final Connection connection;
        private final String shop;
        private final String phone;
        private final CustomerMentions mentions;
        private final OffsetDateTime at;
        private final Set<String> ownRuns = new LinkedHashSet<>();

        Eraser(Connection connection, ShopId shopId, PhoneNumber customer, CustomerMentions mentions, Instant at) {
            this.connection = connection;
            this.shop = shopId.value();
            this.phone = customer.e164();
            this.mentions = mentions;
            this.at = Jdbc.utc(at);
        }

        /** Erases the payload of every journal entry that mentions the customer and finishes it. */
        int journal() throws SQLException {
            List<String[]> found = search(journal, "idempotency_key, run_id", List.of(), List.of("payload"),
                    row -> new String[] {row.getString(1), row.getString(2), row.getString(3)},
                    "payload_erased_at IS NULL");
            int erased = 0;
            for (String[] row : found) {
                if (!mentions.mentions(row[2])) {
                    continue;
                }
                erased += Jdbc.update(connection, "UPDATE " + journal + " SET payload = " + jdbc.dialect.jsonParameter()
                        + ", payload_erased_at = ?, finished_at = COALESCE(finished_at, ?) WHERE shop_id = ?"
                        + " AND idempotency_key = ?", statement -> {
                            statement.setString(1, "{}");
                            statement.setObject(2, at);
                            statement.setObject(3, at);
                            statement.setString(4, shop);
                            statement.setString(5, row[0]);
                        });
                ownRuns.add(row[1]);
            }
            return erased;
        }

        /** Makes the customer's purchases anonymous. */
        int purchases() throws SQLException {
            return Jdbc.update(connection, "UPDATE " + purchases + " SET customer_phone = NULL WHERE shop_id = ?"
                    + " AND customer_phone = ?", this::bindShopAndPhone);
        }

        /** Deletes the customer's messages and lock row; cleans other messages that mention them. */
        int outbox() throws SQLException {
            ownRuns.addAll(Jdbc.query(connection, "SELECT run_id FROM " + outbox + " WHERE shop_id = ? AND to_phone = ?",
                    this::bindShopAndPhone, row -> row.getString(1)));
            int changed = Jdbc.update(connection, "DELETE FROM " + outbox + " WHERE shop_id = ? AND to_phone = ?",
                    this::bindShopAndPhone);
            Jdbc.update(connection, "DELETE FROM " + contacts + " WHERE shop_id = ? AND to_phone = ?",
                    this::bindShopAndPhone);
            List<String[]> found = search(outbox, "message_id", List.of("body", "last_error"), List.of(),
                    row -> new String[] {row.getString(1), row.getString(2), row.getString(3)}, null);
            for (String[] row : found) {
                String body = mentions.clean(row[1]);
                String error = row[2] == null ? null : mentions.clean(row[2]);
                if (body.equals(row[1]) && Objects.equals(error, row[2])) {
                    continue;
                }
                changed += Jdbc.update(connection, "UPDATE " + outbox + " SET body = ?, last_error = ? WHERE shop_id = ?"
                        + " AND message_id = ?", statement -> {
                            statement.setString(1, body);
                            statement.setString(2, error);
                            statement.setString(3, shop);
                            statement.setString(4, row[0]);
                        });
            }
            return changed;
        }

        /** Drops the result of the customer's own runs and cleans every run that mentions them. */
        int runs() throws SQLException {
            String columns = "run_id, reason, " + jdbc.dialect.jsonText("stages") + ", " + jdbc.dialect.jsonText("agent")
                    + ", " + jdbc.dialect.jsonText("result");
            Map<String, String[]> candidates = new java.util.LinkedHashMap<>();
            for (String runId : ownRuns) {
                for (String[] row : Jdbc.query(connection, "SELECT " + columns + " FROM " + runs
                        + " WHERE shop_id = ? AND run_id = ?", statement -> {
                            statement.setString(1, shop);
                            statement.setString(2, runId);
                        }, JdbcPersonalDataStore::runRow)) {
                    candidates.put(runId, row);
                }
            }
            for (String[] row : search(runs, "run_id", List.of("reason"), List.of("stages", "agent", "result"),
                    JdbcPersonalDataStore::runRow, null)) {
                candidates.putIfAbsent(row[0], row);
            }
            int changed = 0;
            for (String[] row : candidates.values()) {
                boolean own = ownRuns.contains(row[0]);
                String reason = mentions.clean(row[1]);
                String stages = cleanJson(row[2]);
                String agent = row[3] == null ? null : cleanJson(row[3]);
                String result = own || row[4] == null ? null : cleanJson(row[4]);
                if (reason.equals(row[1]) && Objects.equals(stages, row[2]) && Objects.equals(agent, row[3])
                        && Objects.equals(result, row[4])) {
                    continue;
                }
                String json = jdbc.dialect.jsonParameter();
                changed += Jdbc.update(connection, "UPDATE " + runs + " SET reason = ?, stages = " + json + ", agent = "
                        + json + ", result = " + json + " WHERE shop_id = ? AND run_id = ?", statement -> {
                            statement.setString(1, reason);
                            statement.setString(2, stages == null ? "[]" : stages);
                            setNullable(statement, 3, agent);
                            setNullable(statement, 4, result);
                            statement.setString(5, shop);
                            statement.setString(6, row[0]);
                        });
            }
            return changed;
        }

        /** Deletes the customer's conversation; cleans other messages of the shop that mention them. */
        int conversations() throws SQLException {
            int changed = Jdbc.update(connection, "DELETE FROM " + conversations + " WHERE shop_id = ?"
                    + " AND customer_phone = ?", this::bindShopAndPhone);
            for (String[] row : search(conversations, "message_key", List.of("body"), List.of(),
                    r -> new String[] {r.getString(1), r.getString(2)}, null)) {
                String body = mentions.clean(row[1]);
                if (!body.equals(row[1])) {
                    changed += Jdbc.update(connection, "UPDATE " + conversations + " SET body = ? WHERE shop_id = ?"
                            + " AND message_key = ?", statement -> {
                                statement.setString(1, body);
                                statement.setString(2, shop);
                                statement.setString(3, row[0]);
                            });
                }
            }
            return changed;
        }

        /**
         * Deletes the customer's consent record (an opt-out survives on the suppression list, which the
         * erasure writes anyway).
         */
        int consents() throws SQLException {
            return Jdbc.update(connection, "DELETE FROM " + consents + " WHERE shop_id = ? AND customer_phone = ?",
                    this::bindShopAndPhone);
        }

        private void bindShopAndPhone(PreparedStatement statement) throws SQLException {
            statement.setString(1, shop);
            statement.setString(2, phone);
        }

        /**
         * Selects the shop's rows whose text columns or JSON columns (as text) contain one of the search terms;
         * the selected columns are the key columns, then the text columns, then the JSON columns as text.
         */
        private <T> List<T> search(String table, String keys, List<String> textColumns, List<String> jsonColumns,
                Jdbc.RowMapper<T> mapper, @Nullable String extraCondition) throws SQLException {
            List<String> terms = mentions.searchTerms();
            List<String> conditions = new ArrayList<>();
            List<String> patterns = new ArrayList<>();
            List<String> selected = new ArrayList<>();
            for (String column : textColumns) {
                selected.add(column);
                for (String term : terms) {
                    conditions.add(column + " LIKE ? ESCAPE '!'");
                    patterns.add(contains(term));
                }
            }
            for (String column : jsonColumns) {
                String text = jdbc.dialect.jsonText(column);
                selected.add(text);
                for (String term : jsonTerms(terms)) {
                    conditions.add(text + " LIKE ? ESCAPE '!'");
                    patterns.add(contains(term));
                }
            }
            String sql = "SELECT " + keys + ", " + String.join(", ", selected) + " FROM " + table + " WHERE shop_id = ?"
                    + (extraCondition == null ? "" : " AND " + extraCondition) + " AND ("
                    + String.join(" OR ", conditions) + ")";
            return Jdbc.query(connection, sql, statement -> {
                statement.setString(1, shop);
                for (int i = 0; i < patterns.size(); i++) {
                    statement.setString(i + 2, patterns.get(i));
                }
            }, mapper);
        }

        /** The terms as they appear inside a JSON string: escaped as JSON writes them. */
        private List<String> jsonTerms(List<String> terms) {
            Set<String> all = new LinkedHashSet<>(terms);
            for (String term : terms) {
                String written = jdbc.json.write(term);
                all.add(written.substring(1, written.length() - 1));
            }
            return List.copyOf(all);
        }

        /** Cleans every string of a JSON document, or returns null when a mention survives elsewhere. */
        private @Nullable String cleanJson(String json) {
            if (mentions.clean(json).equals(json)) {
                return json;
            }
            JsonNode tree;
            try {
                tree = jdbc.json.readTree(json.getBytes(StandardCharsets.UTF_8));
            } catch (JsonFormatException e) {
                return null;
            }
            String written = jdbc.json.write(cleanNode(tree));
            return mentions.clean(written).equals(written) ? written : null;
        }

        private JsonNode cleanNode(JsonNode node) {
            if (node.isTextual()) {
                return TextNode.valueOf(mentions.clean(node.textValue()));
            }
            if (node instanceof ObjectNode object) {
                for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    field.setValue(cleanNode(field.getValue()));
                }
            } else if (node instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    array.set(i, cleanNode(array.get(i)));
                }
            }
            return node;
        }
    }

    private static String[] runRow(java.sql.ResultSet row) throws SQLException {
        return new String[] {row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5)};
    }

    private static void setNullable(PreparedStatement statement, int index, @Nullable String value)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    /** A LIKE pattern for "contains", with {@code !} escaping the pattern characters. */
    private static String contains(String term) {
        return "%" + term.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}

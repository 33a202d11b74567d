package dev.aihq.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.api.Marketplace;
import dev.aihq.api.OrderId;
import dev.aihq.api.ShopId;
import dev.aihq.api.error.StoreException;
import dev.aihq.api.event.LegalEventType;
import dev.aihq.api.result.CanContest;
import dev.aihq.api.result.RiskLevel;
import dev.aihq.api.store.LegalCase;
import dev.aihq.api.store.LegalCaseStore;
import dev.aihq.api.store.MarketplaceAnswer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link LegalCaseStore} in tables {@code <prefix>legal_cases}, keyed by (shop, case key), and
 * {@code <prefix>legal_case_answers}, keyed by (shop, case key, answer key) and referencing its case.
 *
 * <p>{@link #save} is an insert-if-absent ({@link Dialect#insertIfAbsent}) and, when the case exists, an update
 * of every column but the key: the answers, in their own table, are never touched. PostgreSQL reports an existing
 * key through the update count, H2 through a unique violation; either way exactly one of several sessions saving
 * one new case at once is told it was new, and the others update the row it made. Cases are never deleted, so
 * the update finds the row; should it not, the save runs again, up to {@value UniqueViolations#ATTEMPTS} times.
 *
 * <p>{@link #addAnswer} reads that the case exists, then inserts the answer if absent, so that an unknown case
 * is an {@link IllegalArgumentException} rather than a foreign-key violation (which on PostgreSQL would abort a
 * unit of work open on the thread). The rule ids are a JSON array of strings; the assessment is kept as text, so
 * that it reads back character for character. Enumerations are their wire values. Times are kept to the
 * microsecond. The history is one range read over the index on (shop, applied_at descending, case key).
 * Thread-safe; holds no connection between calls.
 */
final class JdbcLegalCaseStore implements LegalCaseStore {

    private static final List<String> CASE_COLUMNS = List.of("shop_id", "case_key", "event_type", "marketplace",
            "order_id", "product_name", "measure_type", "rule_ids", "risk_level", "can_contest", "deadline",
            "deadline_official", "applied_at", "assessed_at", "assessment_json");

    private static final List<String> ANSWER_COLUMNS = List.of("shop_id", "case_key", "answer_key", "received_at",
            "outcome", "text");

    private final Jdbc jdbc;
    private final String cases;
    private final String answers;
    private final String insertCase;
    private final String updateCase;
    private final String selectCase;
    private final String selectHistory;
    private final String caseExists;
    private final String insertAnswer;
    private final String selectAnswers;

    JdbcLegalCaseStore(Jdbc jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.cases = jdbc.table("legal_cases");
        this.answers = jdbc.table("legal_case_answers");
        String caseColumns = String.join(", ", CASE_COLUMNS);
        this.insertCase = jdbc.dialect.insertIfAbsent(cases, CASE_COLUMNS,
                Collections.nCopies(CASE_COLUMNS.size(), "?"));
        this.updateCase = "UPDATE " + cases + " SET " + String.join(" = ?, ", CASE_COLUMNS.subList(2,
                CASE_COLUMNS.size())) + " = ? WHERE shop_id = ? AND case_key = ?";
        this.selectCase = "SELECT " + caseColumns + " FROM " + cases + " WHERE shop_id = ? AND case_key = ?";
        this.selectHistory = "SELECT " + caseColumns + " FROM " + cases
                + " WHERE shop_id = ? AND applied_at >= ? AND applied_at < ? ORDER BY applied_at DESC, case_key"
                + " LIMIT ?";
        this.caseExists = "SELECT 1 FROM " + cases + " WHERE shop_id = ? AND case_key = ?";
        this.insertAnswer = jdbc.dialect.insertIfAbsent(answers, ANSWER_COLUMNS,
                Collections.nCopies(ANSWER_COLUMNS.size(), "?"));
        this.selectAnswers = "SELECT " + String.join(", ", ANSWER_COLUMNS) + " FROM " + answers
                + " WHERE shop_id = ? AND case_key = ? ORDER BY received_at, answer_key";
    }

    @Override
    public boolean save(LegalCase legalCase) {
        Objects.requireNonNull(legalCase, "legal case");
        String ruleIds = jdbc.json.write(legalCase.ruleIds());
        return jdbc.withConnection("saving legal case " + legalCase.key() + " of shop " + legalCase.shopId()
                + " in " + cases, connection -> {
                    for (int attempt = 1; ; attempt++) {
                        if (insertIfAbsent(connection, legalCase, ruleIds)) {
                            return true;
                        }
                        if (Jdbc.update(connection, updateCase, statement -> {
                            int next = bindFields(statement, 1, legalCase, ruleIds);
                            statement.setString(next, legalCase.shopId().value());
                            statement.setString(next + 1, legalCase.key());
                        }) == 1) {
                            return false;
                        }
                        if (attempt >= UniqueViolations.ATTEMPTS) {
                            throw new SQLException("the case was neither inserted nor found to update after "
                                    + attempt + " attempts");
                        }
                    }
                });
    }

    /** Inserts the case unless its key exists; tells whether it did. */
    private boolean insertIfAbsent(Connection connection, LegalCase legalCase, String ruleIds) throws SQLException {
        return jdbc.insertOnce(connection, insertCase, statement -> {
            statement.setString(1, legalCase.shopId().value());
            statement.setString(2, legalCase.key());
            bindFields(statement, 3, legalCase, ruleIds);
        });
    }

    @Override
    public Optional<LegalCase> find(ShopId shopId, String key) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(key, "key");
        return jdbc.queryOne("reading legal case " + key + " of shop " + shopId + " from " + cases, selectCase,
                statement -> {
                    statement.setString(1, shopId.value());
                    statement.setString(2, key);
                }, this::legalCase);
    }

    @Override
    public List<LegalCase> history(ShopId shopId, Instant from, Instant to, int limit) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends (" + to + ") before it starts (" + from + ")");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return List.copyOf(jdbc.query("listing the legal cases of shop " + shopId + " from " + from + " to " + to
                + " in " + cases, selectHistory, statement -> {
                    statement.setString(1, shopId.value());
                    statement.setObject(2, Jdbc.utc(from));
                    statement.setObject(3, Jdbc.utc(to));
                    statement.setInt(4, limit);
                }, this::legalCase));
    }

    @Override
    public boolean addAnswer(ShopId shopId, String caseKey, MarketplaceAnswer answer) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(caseKey, "case key");
        Objects.requireNonNull(answer, "answer");
        Boolean added = jdbc.withConnection("recording answer " + answer.key() + " to legal case " + caseKey
                + " of shop " + shopId + " in " + answers, connection -> {
                    if (Jdbc.query(connection, caseExists, statement -> {
                        statement.setString(1, shopId.value());
                        statement.setString(2, caseKey);
                    }, row -> Boolean.TRUE).isEmpty()) {
                        return null;
                    }
                    return jdbc.insertOnce(connection, insertAnswer, statement -> {
                        statement.setString(1, shopId.value());
                        statement.setString(2, caseKey);
                        statement.setString(3, answer.key());
                        statement.setObject(4, Jdbc.utc(answer.receivedAt()));
                        statement.setString(5, answer.outcome().wireValue());
                        statement.setString(6, answer.text());
                    });
                });
        if (added == null) {
            throw new IllegalArgumentException("shop " + shopId + " has no legal case " + caseKey
                    + " to record answer " + answer.key() + " for");
        }
        return added;
    }

    @Override
    public List<MarketplaceAnswer> answers(ShopId shopId, String caseKey) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(caseKey, "case key");
        return List.copyOf(jdbc.query("listing the answers to legal case " + caseKey + " of shop " + shopId
                + " in " + answers, selectAnswers, statement -> {
                    statement.setString(1, shopId.value());
                    statement.setString(2, caseKey);
                }, this::answer));
    }

    /** Binds every column after the key, from parameter {@code first} on; returns the next parameter's index. */
    private static int bindFields(PreparedStatement statement, int first, LegalCase legalCase, String ruleIds)
            throws SQLException {
        int i = first;
        statement.setString(i++, legalCase.eventType().wireValue());
        statement.setString(i++, legalCase.marketplace().code());
        statement.setString(i++, legalCase.orderId() == null ? null : legalCase.orderId().value());
        statement.setString(i++, legalCase.productName());
        statement.setString(i++, legalCase.measureType());
        statement.setString(i++, ruleIds);
        statement.setString(i++, legalCase.riskLevel().wireValue());
        statement.setString(i++, legalCase.canContest().wireValue());
        statement.setObject(i++, Jdbc.utc(legalCase.deadline()));
        statement.setBoolean(i++, legalCase.deadlineOfficial());
        statement.setObject(i++, Jdbc.utc(legalCase.appliedAt()));
        statement.setObject(i++, Jdbc.utc(legalCase.assessedAt()));
        statement.setString(i++, legalCase.assessmentJson());
        return i;
    }

    private LegalCase legalCase(ResultSet row) throws SQLException {
        String shopId = row.getString("shop_id");
        String key = row.getString("case_key");
        try {
            String orderId = row.getString("order_id");
            return new LegalCase(ShopId.of(shopId), key, LegalEventType.fromWire(row.getString("event_type")),
                    Marketplace.of(row.getString("marketplace")), orderId == null ? null : OrderId.of(orderId),
                    row.getString("product_name"), row.getString("measure_type"),
                    ruleIds(row.getString("rule_ids")),
                    RiskLevel.valueOf(row.getString("risk_level").toUpperCase(Locale.ROOT)),
                    CanContest.valueOf(row.getString("can_contest").toUpperCase(Locale.ROOT)),
                    Jdbc.instant(row, "deadline"), row.getBoolean("deadline_official"),
                    Objects.requireNonNull(Jdbc.instant(row, "applied_at"), "applied_at"),
                    Objects.requireNonNull(Jdbc.instant(row, "assessed_at"), "assessed_at"),
                    row.getString("assessment_json"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new StoreException("cannot read " + cases + " row (shop " + shopId + ", key '" + key + "'): "
                    + e.getMessage(), e);
        }
    }

    private MarketplaceAnswer answer(ResultSet row) throws SQLException {
        String key = row.getString("answer_key");
        try {
            return new MarketplaceAnswer(key, Objects.requireNonNull(Jdbc.instant(row, "received_at"),
                    "received_at"), MarketplaceAnswer.Outcome.fromWire(row.getString("outcome")),
                    row.getString("text"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new StoreException("cannot read " + answers + " row (answer key '" + key + "'): "
                    + e.getMessage(), e);
        }
    }

    /** Reads the JSON array of rule ids. */
    private List<String> ruleIds(String json) {
        JsonNode array = jdbc.json.readTree(json.getBytes(StandardCharsets.UTF_8));
        if (!array.isArray()) {
            throw new IllegalArgumentException("rule_ids is not a JSON array");
        }
        List<String> ids = new ArrayList<>(array.size());
        for (JsonNode id : array) {
            if (!id.isTextual()) {
                throw new IllegalArgumentException("rule_ids holds a value that is not a string");
            }
            ids.add(id.asText());
        }
        return ids;
    }
}

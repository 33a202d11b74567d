package dev.aihq.store.jdbc;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.aihq.api.ShopId;
import dev.aihq.api.error.StoreException;
import dev.aihq.api.result.RunId;
import dev.aihq.api.result.RunOutcome;
import dev.aihq.api.store.AgentTrace;
import dev.aihq.api.store.RunLog;
import dev.aihq.api.store.RunRecord;
import dev.aihq.api.store.StageRecord;
import dev.aihq.http.JsonFormatException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The {@link RunLog} in table {@code <prefix>runs}, keyed by (shop, run id).
 *
 * <p>A save is one upsert, so the in-progress record and the finished one are the same row. Stages and
 * the agent trace are stored as JSON (schema version {@value #RECORD_VERSION}); the run's result, which is
 * JSON already, goes into a JSON column as it is. A JSON column keeps the value, not the text: PostgreSQL
 * may reorder keys and change spacing, so a result reads back equal as JSON but not always as the same
 * characters. Times are kept to the microsecond. Reads are scoped by shop; recent runs come newest first
 * by start time (then by run id, descending), from the index on (shop, start), and runs by outcome from the
 * index on (shop, outcome, start) of schema version 10. A conditional replacement is one {@code UPDATE ...
 * WHERE outcome = ?}: the database's row lock makes a concurrent one wait and then find the outcome changed.
 * Thread-safe; holds no connection between calls.
 */
final class JdbcRunLog implements RunLog {

    /** The version of the {@code stages} and {@code agent} JSON this class writes and reads. */
    static final int RECORD_VERSION = 1;

    private static final TypeReference<List<StageRecord>> STAGES = new TypeReference<>() {};
    private static final List<String> COLUMNS = List.of("shop_id", "run_id", "pipeline", "event_type",
            "idempotency_key", "started_at", "finished_at", "outcome", "reason", "stages", "agent", "result",
            "scheduled_for", "provider_message_id", "record_version");

    private final Jdbc jdbc;
    private final String table;
    private final String upsert;
    private final String selectOne;
    private final String selectRecent;
    private final String selectWithOutcome;
    private final String replaceIf;

    JdbcRunLog(Jdbc jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.table = jdbc.table("runs");
        String json = jdbc.dialect.jsonParameter();
        this.upsert = jdbc.dialect.upsert(table, COLUMNS,
                List.of("?", "?", "?", "?", "?", "?", "?", "?", "?", json, json, json, "?", "?", "?"),
                List.of("shop_id", "run_id"));
        String columns = String.join(", ", COLUMNS);
        this.selectOne = "SELECT " + columns + " FROM " + table + " WHERE shop_id = ? AND run_id = ?";
        // shop_id leads the ORDER BY so that H2 reads the index on (shop, start, run) in order instead of sorting.
        this.selectRecent = "SELECT " + columns + " FROM " + table
                + " WHERE shop_id = ? ORDER BY shop_id, started_at DESC, run_id DESC LIMIT ?";
        this.selectWithOutcome = "SELECT " + columns + " FROM " + table
                + " WHERE shop_id = ? AND outcome = ? ORDER BY shop_id, outcome, started_at DESC, run_id DESC LIMIT ?";
        this.replaceIf = "UPDATE " + table + " SET pipeline = ?, event_type = ?, idempotency_key = ?, started_at = ?,"
                + " finished_at = ?, outcome = ?, reason = ?, stages = " + json + ", agent = " + json + ", result = "
                + json + ", scheduled_for = ?, provider_message_id = ?, record_version = ?"
                + " WHERE shop_id = ? AND run_id = ? AND outcome = ?";
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the record's {@code resultJson} is not JSON
     * @throws StoreException when the database fails
     */
    @Override
    public void save(RunRecord record) {
        Objects.requireNonNull(record, "record");
        Row row = row(record);
        Jdbc.Binder binder = statement -> {
            statement.setString(1, record.shopId().value());
            statement.setString(2, record.runId().value());
            row.bind(statement, 3);
        };
        // On H2 two first saves of one run at once can make the later MERGE fail on the key; run again, it updates.
        UniqueViolations.retry(jdbc, "saving run " + record.runId().value() + " in " + table,
                connection -> Jdbc.update(connection, upsert, binder));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the record's {@code resultJson} is not JSON
     * @throws StoreException when the database fails
     */
    @Override
    public boolean replaceIf(RunOutcome expected, RunRecord record) {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(record, "record");
        Row row = row(record);
        int updated = jdbc.update("replacing run " + record.runId().value() + " in " + table, replaceIf,
                statement -> {
                    int next = row.bind(statement, 1);
                    statement.setString(next, record.shopId().value());
                    statement.setString(next + 1, record.runId().value());
                    statement.setString(next + 2, expected.name());
                });
        return updated > 0;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when {@code limit} is below 1
     */
    @Override
    public List<RunRecord> withOutcome(ShopId shopId, RunOutcome outcome, int limit) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(outcome, "outcome");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return jdbc.query("reading " + outcome + " runs from " + table, selectWithOutcome, statement -> {
            statement.setString(1, shopId.value());
            statement.setString(2, outcome.name());
            statement.setInt(3, limit);
        }, this::read);
    }

    /** Checks the result is JSON and writes the stages and the agent trace: the columns after the key. */
    private Row row(RunRecord record) {
        String result = record.resultJson();
        if (result != null) {
            try {
                jdbc.json.readTree(result.getBytes(StandardCharsets.UTF_8));
            } catch (JsonFormatException e) {
                throw new IllegalArgumentException("the result of run " + record.runId().value()
                        + " is not JSON: " + e.getMessage(), e);
            }
        }
        AgentTrace agent = record.agent();
        return new Row(record, jdbc.json.write(record.stages()), agent == null ? null : jdbc.json.write(agent));
    }

    /** A record's columns after the key (pipeline to record version), written once for one statement. */
    private record Row(RunRecord record, String stages, @Nullable String agent) {

        /** Binds the 13 columns from {@code first} on and returns the next parameter's index. */
        int bind(PreparedStatement statement, int first) throws SQLException {
            RunOutcome outcome = record.outcome();
            int i = first;
            statement.setString(i++, record.pipeline());
            statement.setString(i++, record.eventType());
            statement.setString(i++, record.idempotencyKey());
            statement.setObject(i++, Jdbc.utc(record.startedAt()));
            statement.setObject(i++, Jdbc.utc(record.finishedAt()));
            statement.setString(i++, outcome == null ? null : outcome.name());
            statement.setString(i++, record.reason());
            statement.setString(i++, stages);
            setNullableString(statement, i++, agent);
            setNullableString(statement, i++, record.resultJson());
            statement.setObject(i++, Jdbc.utc(record.scheduledFor()));
            statement.setString(i++, record.providerMessageId());
            statement.setInt(i++, RECORD_VERSION);
            return i;
        }
    }

    @Override
    public Optional<RunRecord> find(ShopId shopId, RunId runId) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(runId, "run id");
        return jdbc.queryOne("reading run " + runId.value() + " from " + table, selectOne, statement -> {
            statement.setString(1, shopId.value());
            statement.setString(2, runId.value());
        }, this::read);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when {@code limit} is below 1
     */
    @Override
    public List<RunRecord> recent(ShopId shopId, int limit) {
        Objects.requireNonNull(shopId, "shop id");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return jdbc.query("reading recent runs from " + table, selectRecent, statement -> {
            statement.setString(1, shopId.value());
            statement.setInt(2, limit);
        }, this::read);
    }

    private static void setNullableString(PreparedStatement statement, int index, @Nullable String value)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    private RunRecord read(ResultSet row) throws SQLException {
        String runId = row.getString("run_id");
        String where = table + " row (shop " + row.getString("shop_id") + ", run " + runId + ")";
        int version = row.getInt("record_version");
        if (version != RECORD_VERSION) {
            throw new StoreException("cannot read " + where + ": record version " + version
                    + " is not supported (this SDK reads version " + RECORD_VERSION + ")");
        }
        try {
            String outcome = row.getString("outcome");
            String agent = row.getString("agent");
            return new RunRecord(
                    RunId.of(runId),
                    ShopId.of(row.getString("shop_id")),
                    row.getString("pipeline"),
                    row.getString("event_type"),
                    row.getString("idempotency_key"),
                    Objects.requireNonNull(Jdbc.instant(row, "started_at"), "started_at"),
                    Jdbc.instant(row, "finished_at"),
                    outcome == null ? null : RunOutcome.valueOf(outcome),
                    row.getString("reason"),
                    jdbc.json.read(row.getString("stages").getBytes(StandardCharsets.UTF_8), STAGES),
                    agent == null ? null : jdbc.json.read(agent, AgentTrace.class),
                    row.getString("result"),
                    Jdbc.instant(row, "scheduled_for"),
                    row.getString("provider_message_id"));
        } catch (JsonFormatException | IllegalArgumentException e) {
            throw new StoreException("cannot read " + where + ": " + e.getMessage(), e);
        }
    }
}

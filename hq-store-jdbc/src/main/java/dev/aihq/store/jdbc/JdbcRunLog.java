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
 * by start time (then by run id, descending), from the index on (shop, start). Thread-safe; holds no
 * connection between calls.
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
        String result = record.resultJson();
        if (result != null) {
            try {
                jdbc.json.readTree(result.getBytes(StandardCharsets.UTF_8));
            } catch (JsonFormatException e) {
                throw new IllegalArgumentException("the result of run " + record.runId().value()
                        + " is not JSON: " + e.getMessage(), e);
            }
        }
        String stages = jdbc.json.write(record.stages());
        AgentTrace agent = record.agent();
        String agentJson = agent == null ? null : jdbc.json.write(agent);
        RunOutcome outcome = record.outcome();
        Jdbc.Binder binder = statement -> {
            statement.setString(1, record.shopId().value());
            statement.setString(2, record.runId().value());
            statement.setString(3, record.pipeline());
            statement.setString(4, record.eventType());
            statement.setString(5, record.idempotencyKey());
            statement.setObject(6, Jdbc.utc(record.startedAt()));
            statement.setObject(7, Jdbc.utc(record.finishedAt()));
            statement.setString(8, outcome == null ? null : outcome.name());
            statement.setString(9, record.reason());
            statement.setString(10, stages);
            setNullableString(statement, 11, agentJson);
            setNullableString(statement, 12, result);
            statement.setObject(13, Jdbc.utc(record.scheduledFor()));
            statement.setString(14, record.providerMessageId());
            statement.setInt(15, RECORD_VERSION);
        };
        // On H2 two first saves of one run at once can make the later MERGE fail on the key; run again, it updates.
        UniqueViolations.retry(jdbc, "saving run " + record.runId().value() + " in " + table,
                connection -> Jdbc.update(connection, upsert, binder));
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

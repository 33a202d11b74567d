package dev.aihq.store.jdbc;

import static dev.aihq.testkit.Fixtures.SHOP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aihq.api.error.StoreException;
import dev.aihq.api.result.RunId;
import dev.aihq.api.result.RunOutcome;
import dev.aihq.api.store.AgentPath;
import dev.aihq.api.store.AgentTrace;
import dev.aihq.api.store.RunLog;
import dev.aihq.api.store.RunRecord;
import dev.aihq.api.store.StageRecord;
import dev.aihq.api.store.StageStatus;
import dev.aihq.testkit.Fixtures;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.annotation.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the run log keeps beyond its contract, on both databases: JSON columns, precision, versions, ties. */
class JdbcRunLogTest {

    private static final Instant START = Fixtures.NOW;

    private static RunRecord finished(String runId, String resultJson, @Nullable AgentTrace agent,
            List<StageRecord> stages) {
        return new RunRecord(RunId.of(runId), SHOP_ID, "legal.fine", "legal.fine", "legal.fine:512345678:late",
                START, START.plusSeconds(3), RunOutcome.HELD_FOR_REVIEW, "сумма штрафа выше порога", stages, agent,
                resultJson, null, "wamid.1");
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_read_back_the_same_json_value_when_result_is_saved(StoreDatabase database) throws Exception {
        // given
        RunLog runLog = database.freshTables().stores().runLog();
        String result = "{ \"risk\" : \"high\", \"amount\": {\"amount\": \"5000.50\", \"currency\": \"KZT\"},"
                + " \"steps\": [1, 2.50, true, null, \"«ответ»\\n\"], \"empty\": {} }";

        // when
        runLog.save(finished("run-1", result, AgentTrace.fallback("no model configured"), List.of()));

        // then
        RunRecord read = runLog.find(SHOP_ID, RunId.of("run-1")).orElseThrow();
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(read.resultJson())).isEqualTo(json.readTree(result));
        assertThat(read.agent()).isEqualTo(AgentTrace.fallback("no model configured"));
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_keep_the_rejections_and_the_rejected_path_of_the_agent_trace(StoreDatabase database) {
        // given
        RunLog runLog = database.freshTables().stores().runLog();
        AgentTrace trace = new AgentTrace(AgentPath.REJECTED, "gpt-4o-mini", 300, 60, "ab12",
                "model output rejected after repair: the text promises free delivery",
                List.of("the text promises free delivery", "after repair: the text promises free delivery"));

        // when
        runLog.save(finished("run-1", "{}", trace, List.of()));

        // then
        AgentTrace read = runLog.find(SHOP_ID, RunId.of("run-1")).orElseThrow().agent();
        assertThat(read).isEqualTo(trace);
        assertThat(read.requiresReview()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_read_an_agent_trace_stored_before_rejections_existed_as_having_none(StoreDatabase database)
            throws SQLException {
        // given: the JSON an older version wrote, without "rejections"
        MigratedDatabase tables = database.freshTables();
        tables.stores().runLog().save(finished("run-1", "{}", AgentTrace.fallback("no model configured"), List.of()));
        tables.execute("UPDATE " + tables.table("runs") + " SET agent = " + tables.stores().dialect().jsonParameter(),
                "{\"path\": \"MODEL\", \"model\": \"gpt-4o-mini\", \"inputTokens\": 120, \"outputTokens\": 30,"
                        + " \"promptHash\": \"ab12\", \"fallbackReason\": null}");

        // when
        AgentTrace read = tables.stores().runLog().find(SHOP_ID, RunId.of("run-1")).orElseThrow().agent();

        // then
        assertThat(read).isEqualTo(new AgentTrace(AgentPath.MODEL, "gpt-4o-mini", 120, 30, "ab12", null));
        assertThat(read.rejections()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_keep_stage_durations_to_the_nanosecond_when_saved(StoreDatabase database) {
        // given
        RunLog runLog = database.freshTables().stores().runLog();
        List<StageRecord> stages = List.of(
                new StageRecord("validate", Duration.ofNanos(1_234_567), StageStatus.OK, ""),
                new StageRecord("gather_context", Duration.ofMillis(35), StageStatus.DEGRADED, "catalog: timeout"),
                new StageRecord("agent", Duration.ZERO, StageStatus.SKIPPED, "held \"as is\""));
        RunRecord record = finished("run-1", "[]", null, stages);

        // when
        runLog.save(record);

        // then
        assertThat(runLog.find(SHOP_ID, RunId.of("run-1"))).contains(record);
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_keep_microseconds_when_times_have_nanoseconds(StoreDatabase database) {
        // given
        RunLog runLog = database.freshTables().stores().runLog();
        Instant started = Instant.parse("2026-03-02T06:00:00.123456789Z");

        // when
        runLog.save(Fixtures.startedRun(SHOP_ID, RunId.of("run-1"), started));

        // then
        assertThat(runLog.find(SHOP_ID, RunId.of("run-1")).orElseThrow().startedAt())
                .isEqualTo(Instant.parse("2026-03-02T06:00:00.123456Z"));
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_refuse_result_when_it_is_not_json(StoreDatabase database) {
        // given
        RunLog runLog = database.freshTables().stores().runLog();

        // when / then
        assertThatThrownBy(() -> runLog.save(finished("run-1", "{\"text\": ", null, List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("run-1");
        assertThat(runLog.find(SHOP_ID, RunId.of("run-1"))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_list_newest_run_id_first_when_runs_start_at_the_same_moment(StoreDatabase database) {
        // given
        RunLog runLog = database.freshTables().stores().runLog();
        for (String id : List.of("run-b", "run-c", "run-a")) {
            runLog.save(Fixtures.startedRun(SHOP_ID, RunId.of(id), START));
        }

        // when / then
        assertThat(runLog.recent(SHOP_ID, 2)).extracting(r -> r.runId().value()).containsExactly("run-c", "run-b");
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_fail_naming_table_and_run_when_stages_cannot_be_read(StoreDatabase database) throws SQLException {
        // given
        MigratedDatabase tables = database.freshTables();
        tables.stores().runLog().save(Fixtures.startedRun(SHOP_ID, RunId.of("run-1"), START));
        tables.execute("UPDATE " + tables.table("runs") + " SET stages = " + tables.stores().dialect().jsonParameter(),
                "[{\"name\": \"validate\", \"duration\": \"two seconds\"}]");

        // when / then
        assertThatThrownBy(() -> tables.stores().runLog().find(SHOP_ID, RunId.of("run-1")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(tables.table("runs"))
                .hasMessageContaining("run-1");
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_fail_naming_the_version_when_the_record_version_is_unknown(StoreDatabase database)
            throws SQLException {
        // given
        MigratedDatabase tables = database.freshTables();
        tables.stores().runLog().save(Fixtures.startedRun(SHOP_ID, RunId.of("run-1"), START));
        tables.execute("UPDATE " + tables.table("runs") + " SET record_version = 2");

        // when / then
        assertThatThrownBy(() -> tables.stores().runLog().recent(SHOP_ID, 10))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("record version 2");
    }
}

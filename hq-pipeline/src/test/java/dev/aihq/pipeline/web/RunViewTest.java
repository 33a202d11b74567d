package dev.aihq.pipeline.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.api.result.RunId;
import dev.aihq.api.result.RunOutcome;
import dev.aihq.api.store.AgentPath;
import dev.aihq.api.store.AgentTrace;
import dev.aihq.api.store.RunRecord;
import dev.aihq.api.store.StageRecord;
import dev.aihq.api.store.StageStatus;
import dev.aihq.pipeline.json.SdkJson;
import dev.aihq.testkit.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The run view's JSON shape. */
class RunViewTest {

    private static final RunId RUN = RunId.of("run-0001");

    @Test
    void should_write_every_field_in_snake_case_when_the_run_is_finished() throws Exception {
        // given
        RunRecord record = new RunRecord(RUN, Fixtures.SHOP_ID, "sales.purchase", "purchase", "purchase:1:-",
                Fixtures.NOW, Fixtures.NOW.plusSeconds(2), RunOutcome.SCHEDULED, "send delay 15 min",
                List.of(new StageRecord("decode", Duration.ofNanos(125_400), StageStatus.OK, ""),
                        new StageRecord("gather_context", Duration.ofMillis(2), StageStatus.DEGRADED,
                                "optional source 'history' timed out")),
                new AgentTrace(AgentPath.MODEL, "gpt-4o-mini", 812, 240, "9f86d0", null),
                "{\"kind\":\"upsell\",\"discount_percent\":5.00}", Instant.parse("2026-03-02T06:15:00Z"), null);

        // when
        JsonNode view = SdkJson.mapper().readTree(RunView.toJson(record));

        // then
        assertThat(view.get("run_id").asText()).isEqualTo("run-0001");
        assertThat(view.get("shop_id").asText()).isEqualTo("kaspi_123");
        assertThat(view.get("pipeline").asText()).isEqualTo("sales.purchase");
        assertThat(view.get("event_type").asText()).isEqualTo("purchase");
        assertThat(view.get("status").asText()).isEqualTo("SCHEDULED");
        assertThat(view.get("outcome").asText()).isEqualTo("SCHEDULED");
        assertThat(view.get("reason").asText()).isEqualTo("send delay 15 min");
        assertThat(view.get("started_at").asText()).isEqualTo("2026-03-02T06:00:00Z");
        assertThat(view.get("finished_at").asText()).isEqualTo("2026-03-02T06:00:02Z");
        assertThat(view.get("stages").get(0).get("duration_ms").decimalValue()).isEqualByComparingTo("0.125");
        assertThat(view.get("stages").get(1).get("duration_ms").decimalValue()).isEqualByComparingTo("2");
        assertThat(view.get("stages").get(1).get("status").asText()).isEqualTo("DEGRADED");
        assertThat(view.get("stages").get(1).get("detail").asText()).isEqualTo("optional source 'history' timed out");
        assertThat(view.get("agent").get("path").asText()).isEqualTo("MODEL");
        assertThat(view.get("agent").get("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(view.get("agent").get("input_tokens").asLong()).isEqualTo(812);
        assertThat(view.get("agent").get("output_tokens").asLong()).isEqualTo(240);
        assertThat(view.get("agent").get("prompt_hash").asText()).isEqualTo("9f86d0");
        assertThat(view.get("agent").get("fallback_reason").isNull()).isTrue();
        assertThat(view.get("result").get("kind").asText()).isEqualTo("upsell");
        assertThat(view.get("result").get("discount_percent").decimalValue()).isEqualByComparingTo("5");
        assertThat(view.get("scheduled_for").asText()).isEqualTo("2026-03-02T06:15:00Z");
        assertThat(view.get("provider_message_id").isNull()).isTrue();
        assertThat(view.has("idempotency_key")).isFalse();
    }

    @Test
    void should_say_in_progress_with_null_outcome_when_the_run_has_not_ended() throws Exception {
        // given
        RunRecord record = RunRecord.started(RUN, Fixtures.SHOP_ID, "legal", "legal.fine", "k", Fixtures.NOW);

        // when
        JsonNode view = SdkJson.mapper().readTree(RunView.toJson(record));

        // then
        assertThat(view.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(view.get("outcome").isNull()).isTrue();
        assertThat(view.get("reason").isNull()).isTrue();
        assertThat(view.get("finished_at").isNull()).isTrue();
        assertThat(view.get("agent").isNull()).isTrue();
        assertThat(view.get("result").isNull()).isTrue();
        assertThat(view.get("stages")).isEmpty();
    }

    @Test
    void should_write_the_duration_with_microsecond_precision_when_a_stage_took_125_microseconds() {
        // given
        RunRecord record = new RunRecord(RUN, Fixtures.SHOP_ID, "legal", "legal.fine", "k", Fixtures.NOW, null, null,
                "", List.of(new StageRecord("decode", Duration.ofNanos(125_000), StageStatus.OK, "")), null, null,
                null, null);

        // when
        String json = RunView.toJson(record);

        // then
        assertThat(json).contains("\"duration_ms\":0.125");
    }
}

package dev.aihq.pipeline.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.aihq.api.ShopId;
import dev.aihq.api.result.RunId;
import dev.aihq.api.store.AgentTrace;
import dev.aihq.api.store.RunRecord;
import dev.aihq.api.store.StageRecord;
import dev.aihq.http.JsonFormatException;
import java.math.BigDecimal;
import java.time.Instant;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a run as the JSON the front door answers with ({@code GET /runs/{id}}, and event requests that
 * end with a run's state). Field names are snake_case; instants are ISO-8601 in UTC; enum values are
 * their Java names:
 *
 * <pre>{@code
 * {
 *   "run_id": "5f0c…",
 *   "shop_id": "kaspi_123",
 *   "pipeline": "legal",
 *   "event_type": "legal.fine",
 *   "status": "COMPLETED",              // "IN_PROGRESS" while running, else the outcome
 *   "outcome": "COMPLETED",             // null while running
 *   "reason": "result produced",        // null while running
 *   "started_at": "2026-03-02T06:00:00Z",
 *   "finished_at": "2026-03-02T06:00:01Z",
 *   "stages": [{"name": "decode", "duration_ms": 0.125, "status": "OK", "detail": ""}, …],
 *   "agent": {"path": "MODEL", "model": "gpt-4o-mini", "input_tokens": 812, "output_tokens": 240,
 *             "prompt_hash": "9f…", "fallback_reason": null},   // null when the agent did not run
 *   "result": {"analysis": "…", "risk_level": "medium", …},      // the result JSON as is, or null
 *   "scheduled_for": null,
 *   "provider_message_id": null
 * }
 * }</pre>
 *
 * <p>{@code duration_ms} is a decimal number of milliseconds with microsecond precision (three decimal
 * places). The record's idempotency key is not shown: it may be built from a sender's own data.
 */
public final class RunView {

    /** The {@code status} of a run that has no outcome yet. */
    public static final String IN_PROGRESS = "IN_PROGRESS";

    private static final Logger LOG = LoggerFactory.getLogger(RunView.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RunView() {}

    /**
     * Writes a run as JSON.
     *
     * @param record the run
     * @return the JSON text
     */
    public static String toJson(RunRecord record) {
        return Json.write(toNode(record));
    }

    /**
     * Returns a run's {@code status}: {@code IN_PROGRESS}, or the outcome's name.
     *
     * @param record the run
     * @return the status
     */
    public static String status(RunRecord record) {
        return record.outcome() == null ? IN_PROGRESS : record.outcome().name();
    }

    /** The view as a tree, for answers that add fields ({@code duplicate}). */
    static ObjectNode toNode(RunRecord record) {
        ObjectNode view = NODES.objectNode();
        view.put("run_id", record.runId().value());
        view.put("shop_id", record.shopId().value());
        view.put("pipeline", record.pipeline());
        view.put("event_type", record.eventType());
        view.put("status", status(record));
        view.put("outcome", record.outcome() == null ? null : record.outcome().name());
        view.put("reason", record.reason().isEmpty() ? null : record.reason());
        view.put("started_at", instant(record.startedAt()));
        view.put("finished_at", instant(record.finishedAt()));
        ArrayNode stages = view.putArray("stages");
        for (StageRecord stage : record.stages()) {
            ObjectNode s = stages.addObject();
            s.put("name", stage.name());
            s.put("duration_ms", BigDecimal.valueOf(stage.duration().toNanos() / 1_000L, 3));
            s.put("status", stage.status().name());
            s.put("detail", stage.detail());
        }
        AgentTrace trace = record.agent();
        if (trace == null) {
            view.putNull("agent");
        } else {
            ObjectNode agent = view.putObject("agent");
            agent.put("path", trace.path().name());
            agent.put("model", trace.model());
            agent.put("input_tokens", trace.inputTokens());
            agent.put("output_tokens", trace.outputTokens());
            agent.put("prompt_hash", trace.promptHash());
            agent.put("fallback_reason", trace.fallbackReason());
        }
        view.set("result", result(record));
        view.put("scheduled_for", instant(record.scheduledFor()));
        view.put("provider_message_id", record.providerMessageId());
        return view;
    }

    /**
     * The view of a run known only by id: a duplicate whose first run's record is not readable yet (it is
     * being started, possibly by another instance).
     */
    static ObjectNode inProgress(RunId runId, ShopId shopId, String pipeline, String eventType) {
        ObjectNode view = NODES.objectNode();
        view.put("run_id", runId.value());
        view.put("shop_id", shopId.value());
        view.put("pipeline", pipeline);
        view.put("event_type", eventType);
        view.put("status", IN_PROGRESS);
        view.putNull("outcome");
        view.putNull("reason");
        view.putNull("started_at");
        view.putNull("finished_at");
        view.putArray("stages");
        view.putNull("agent");
        view.putNull("result");
        view.putNull("scheduled_for");
        view.putNull("provider_message_id");
        return view;
    }

    private static JsonNode result(RunRecord record) {
        String json = record.resultJson();
        if (json == null) {
            return NODES.nullNode();
        }
        try {
            return Json.readTree(json);
        } catch (JsonFormatException e) {
            LOG.warn("Run {} has a result that is not valid JSON ({}); shown as text", record.runId(), e.getMessage());
            return TextNode.valueOf(json);
        }
    }

    private static @Nullable String instant(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }
}

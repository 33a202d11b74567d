package dev.aihq.api.store;

import dev.aihq.api.ShopId;
import dev.aihq.api.result.RunId;
import dev.aihq.api.result.RunOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * One run in the run log: what came in, each stage with its duration and status, what the agent did,
 * and how it ended. While the run is in progress {@code outcome} is {@code null}.
 *
 * @param runId the run
 * @param shopId the shop
 * @param pipeline the pipeline's name, e.g. {@code sales.purchase}
 * @param eventType the event's type
 * @param idempotencyKey the event's key
 * @param startedAt when the run started
 * @param finishedAt when it ended, or {@code null} while in progress
 * @param outcome how it ended, or {@code null} while in progress
 * @param reason a reason a person can read (empty while in progress)
 * @param stages the stages so far, in order
 * @param agent what the agent stage did, or {@code null} when it did not run
 * @param resultJson the result as JSON, or {@code null} when there is none
 * @param scheduledFor when a scheduled message is due, or {@code null}
 * @param providerMessageId the provider's id of a sent message, or {@code null}
 */
public record RunRecord(
        RunId runId,
        ShopId shopId,
        String pipeline,
        String eventType,
        String idempotencyKey,
        Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable RunOutcome outcome,
        String reason,
        List<StageRecord> stages,
        @Nullable AgentTrace agent,
        @Nullable String resultJson,
        @Nullable Instant scheduledFor,
        @Nullable String providerMessageId) {

    /** Requires the identifying parts; copies the stages. */
    public RunRecord {
        Objects.requireNonNull(runId, "run id");
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(eventType, "event type");
        Objects.requireNonNull(idempotencyKey, "idempotency key");
        Objects.requireNonNull(startedAt, "started at");
        Objects.requireNonNull(reason, "reason");
        stages = List.copyOf(stages);
        if ((outcome == null) != (finishedAt == null)) {
            throw new IllegalArgumentException("a finished run has both an outcome and a finish time");
        }
    }

    /**
     * A run that has just started.
     *
     * @param runId the run
     * @param shopId the shop
     * @param pipeline the pipeline's name
     * @param eventType the event's type
     * @param idempotencyKey the event's key
     * @param startedAt when
     * @return the record
     */
    public static RunRecord started(RunId runId, ShopId shopId, String pipeline, String eventType,
            String idempotencyKey, Instant startedAt) {
        return new RunRecord(runId, shopId, pipeline, eventType, idempotencyKey, startedAt, null, null, "",
                List.of(), null, null, null, null);
    }

    /**
     * Tells whether the run is still going.
     *
     * @return {@code true} while there is no outcome
     */
    public boolean inProgress() {
        return outcome == null;
    }
}

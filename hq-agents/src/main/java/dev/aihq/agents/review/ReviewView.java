package dev.aihq.agents.review;

import dev.aihq.api.ShopId;
import dev.aihq.api.result.RunId;
import dev.aihq.api.result.SalesOffer;
import dev.aihq.api.store.AgentTrace;
import dev.aihq.api.store.StageRecord;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * One run waiting in the review queue, as a reviewer sees it.
 *
 * @param shopId the shop
 * @param runId the run
 * @param pipeline the pipeline that held it, e.g. {@code sales.purchase}
 * @param eventType the event's type
 * @param eventKey the event's idempotency key (it names the order, e.g. {@code purchase:512345678:order_accepted})
 * @param eventTime when the event was received and journaled
 * @param heldAt when the run was (last) held
 * @param draftJson the held draft as the run log keeps it, or {@code null} when the run has none
 * @param draft the held draft, or {@code null} when there is none or it cannot be read as an offer
 * @param reasons why it is held: the run's reason (the guard's reasons)
 * @param guardDetail what the last guard stage reported, empty when none ran
 * @param contextSummary what the run's context and agent were, from the run's stages (which optional sources
 *     were missing, model or fallback)
 * @param agent what the agent stage did, or {@code null}
 * @param stages every stage of the run so far, earlier decisions included
 */
public record ReviewView(
        ShopId shopId,
        RunId runId,
        String pipeline,
        String eventType,
        String eventKey,
        Instant eventTime,
        Instant heldAt,
        @Nullable String draftJson,
        @Nullable SalesOffer draft,
        String reasons,
        String guardDetail,
        String contextSummary,
        @Nullable AgentTrace agent,
        List<StageRecord> stages) {

    /** Requires the identifying parts; copies the stages. */
    public ReviewView {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(runId, "run id");
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(eventType, "event type");
        Objects.requireNonNull(eventKey, "event key");
        Objects.requireNonNull(eventTime, "event time");
        Objects.requireNonNull(heldAt, "held at");
        Objects.requireNonNull(reasons, "reasons");
        Objects.requireNonNull(guardDetail, "guard detail");
        Objects.requireNonNull(contextSummary, "context summary");
        stages = List.copyOf(stages);
    }
}

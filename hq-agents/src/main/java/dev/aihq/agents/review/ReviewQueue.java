package dev.aihq.agents.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.api.result.OfferKind;
import dev.aihq.api.result.RunId;
import dev.aihq.api.result.RunOutcome;
import dev.aihq.api.result.SalesOffer;
import dev.aihq.api.store.RunLog;
import dev.aihq.api.store.RunRecord;
import dev.aihq.api.store.StageRecord;
import dev.aihq.pipeline.AgentPipeline;
import dev.aihq.pipeline.ReviewDecision;
import dev.aihq.pipeline.ReviewResult;
import dev.aihq.pipeline.Stages;
import dev.aihq.pipeline.json.SdkJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The human review queue of the sales agent: the drafts its guards held for a person
 * ({@code HELD_FOR_REVIEW}), per shop, and the reviewers' decisions on them. Each decision goes through the
 * pipeline that held the run ({@link AgentPipeline#deliverReviewed}): an approved or edited draft is checked
 * by the guard again on fresh context and delivered at most once, even when two reviewers decide at once; a
 * rejected one ends the run {@code REJECTED}. Every decision is written to the run log as a
 * {@value Stages#REVIEW} stage naming the reviewer. Get it from {@code AiHq#reviews()}. Thread-safe.
 */
public final class ReviewQueue {

    private final RunLog runLog;
    private final Map<String, AgentPipeline<?, ?, SalesOffer>> pipelines;

    /**
     * Creates a queue over pipelines whose results are sales offers.
     *
     * @param runLog the run log the pipelines write to
     * @param pipelines the pipelines whose held runs are reviewed here, by their names
     * @throws IllegalArgumentException when two pipelines have the same name
     */
    public ReviewQueue(RunLog runLog, List<? extends AgentPipeline<?, ?, SalesOffer>> pipelines) {
        this.runLog = Objects.requireNonNull(runLog, "runLog");
        Map<String, AgentPipeline<?, ?, SalesOffer>> byName = new LinkedHashMap<>();
        for (AgentPipeline<?, ?, SalesOffer> pipeline : pipelines) {
            if (byName.put(pipeline.name(), pipeline) != null) {
                throw new IllegalArgumentException("pipeline '" + pipeline.name() + "' is given twice");
            }
        }
        this.pipelines = Map.copyOf(byName);
    }

    /**
     * Lists a shop's runs waiting for review, newest first (ties by run id): those of this queue's
     * pipelines among the shop's {@code limit} newest held runs.
     *
     * @param shopId the shop
     * @param limit the most to return, at least 1
     * @return the views
     * @throws IllegalArgumentException when {@code limit} is below 1
     */
    public List<ReviewView> list(ShopId shopId, int limit) {
        List<ReviewView> views = new ArrayList<>();
        for (RunRecord run : runLog.withOutcome(shopId, RunOutcome.HELD_FOR_REVIEW, limit)) {
            if (pipelines.containsKey(run.pipeline())) {
                views.add(view(run));
            }
        }
        return List.copyOf(views);
    }

    /**
     * Finds one run waiting for review.
     *
     * @param shopId the shop
     * @param runId the run
     * @return the view, or empty when the run is unknown, not held, or of another pipeline
     */
    public Optional<ReviewView> find(ShopId shopId, RunId runId) {
        return runLog.find(shopId, runId)
                .filter(run -> run.outcome() == RunOutcome.HELD_FOR_REVIEW && pipelines.containsKey(run.pipeline()))
                .map(ReviewQueue::view);
    }

    /**
     * Approves a held draft as it is: the guard checks it on fresh context and it is delivered.
     *
     * @param shopId the shop
     * @param runId the run
     * @param reviewer who approves
     * @return what was done; {@code NOT_HELD} when the run is not waiting for review (decided before, or by
     *     another reviewer right now), {@code DRAFT_CHANGED} when its draft changed while approving
     */
    public ReviewResult approve(ShopId shopId, RunId runId, String reviewer) {
        Optional<RunRecord> held = held(shopId, runId);
        if (held.isEmpty()) {
            return notHeld(shopId, runId);
        }
        SalesOffer draft = offer(held.get().resultJson());
        if (draft == null) {
            return new ReviewResult(ReviewResult.Status.DRAFT_CHANGED, "run " + runId + " holds no readable draft to"
                    + " approve: edit or reject it", held.get());
        }
        return pipeline(held.get()).deliverReviewed(shopId, runId, ReviewDecision.approve(reviewer, draft));
    }

    /**
     * Replaces a held draft's text and delivers it: the guard checks the edited draft on fresh context, and a
     * draft it does not accept stays held with the guard's reasons (and the edited text, for the next
     * decision).
     *
     * @param shopId the shop
     * @param runId the run
     * @param reviewer who edits
     * @param newText the new text, not blank
     * @return what was done; {@code NOT_HELD} when the run is not waiting for review
     */
    public ReviewResult edit(ShopId shopId, RunId runId, String reviewer, String newText) {
        return edit(shopId, runId, reviewer, newText, "");
    }

    /**
     * Replaces a held draft's text with an editor's note for the run log; see
     * {@link #edit(ShopId, RunId, String, String)}.
     *
     * @param shopId the shop
     * @param runId the run
     * @param reviewer who edits
     * @param newText the new text, not blank
     * @param note the editor's note, possibly empty
     * @return what was done; {@code NOT_HELD} when the run is not waiting for review
     * @throws IllegalArgumentException when the text is blank
     */
    public ReviewResult edit(ShopId shopId, RunId runId, String reviewer, String newText, String note) {
        Objects.requireNonNull(newText, "new text");
        if (newText.isBlank()) {
            throw new IllegalArgumentException("the edited text must not be blank");
        }
        Optional<RunRecord> held = held(shopId, runId);
        if (held.isEmpty()) {
            return notHeld(shopId, runId);
        }
        SalesOffer draft = offer(held.get().resultJson());
        SalesOffer edited = draft == null ? SalesOffer.builder(OfferKind.REPLY, newText).build()
                : draft.toBuilder().text(newText).build();
        return pipeline(held.get()).deliverReviewed(shopId, runId, ReviewDecision.edit(reviewer, edited, note));
    }

    /**
     * Rejects a held draft: nothing is sent and the run ends {@code REJECTED} with the reason.
     *
     * @param shopId the shop
     * @param runId the run
     * @param reviewer who rejects
     * @param reason why, not blank
     * @return what was done; {@code NOT_HELD} when the run is not waiting for review
     */
    public ReviewResult reject(ShopId shopId, RunId runId, String reviewer, String reason) {
        Optional<RunRecord> held = held(shopId, runId);
        if (held.isEmpty()) {
            return notHeld(shopId, runId);
        }
        return pipeline(held.get()).deliverReviewed(shopId, runId, ReviewDecision.reject(reviewer, reason));
    }

    /** The run when it is held and of a pipeline of this queue. */
    private Optional<RunRecord> held(ShopId shopId, RunId runId) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(runId, "run id");
        return runLog.find(shopId, runId)
                .filter(run -> run.outcome() == RunOutcome.HELD_FOR_REVIEW && pipelines.containsKey(run.pipeline()));
    }

    private ReviewResult notHeld(ShopId shopId, RunId runId) {
        Optional<RunRecord> run = runLog.find(shopId, runId);
        if (run.isEmpty()) {
            return new ReviewResult(ReviewResult.Status.NOT_HELD, "shop '" + shopId + "' has no run " + runId, null);
        }
        RunRecord r = run.get();
        String state = r.inProgress() ? "is in progress (being decided by another reviewer, or still running)"
                : r.outcome() == RunOutcome.HELD_FOR_REVIEW ? "is held by pipeline '" + r.pipeline()
                        + "', which this queue does not review"
                : "ended " + r.outcome() + " (" + r.reason() + ")";
        return new ReviewResult(ReviewResult.Status.NOT_HELD, "run " + runId + " is not held for review: it " + state,
                r);
    }

    private AgentPipeline<?, ?, SalesOffer> pipeline(RunRecord run) {
        return Objects.requireNonNull(pipelines.get(run.pipeline()), "pipeline");
    }

    private static ReviewView view(RunRecord run) {
        return new ReviewView(run.shopId(), run.runId(), run.pipeline(), run.eventType(), run.idempotencyKey(),
                run.startedAt(), Objects.requireNonNull(run.finishedAt(), "finished at"), run.resultJson(),
                offer(run.resultJson()), run.reason(), last(run, Stages.GUARD).map(StageRecord::detail).orElse(""),
                contextSummary(run), run.agent(), run.stages());
    }

    /** The latest context and agent stages of a run, e.g. {@code context: all sources; agent: model gpt-4o}. */
    private static String contextSummary(RunRecord run) {
        List<String> parts = new ArrayList<>(2);
        last(run, Stages.GATHER_CONTEXT).ifPresent(stage -> parts.add("context: " + (stage.detail().isEmpty()
                ? "all sources" : stage.detail())));
        last(run, Stages.AGENT).ifPresent(stage -> parts.add("agent: " + stage.detail()));
        return String.join("; ", parts);
    }

    private static Optional<StageRecord> last(RunRecord run, String stageName) {
        List<StageRecord> stages = run.stages();
        for (int i = stages.size() - 1; i >= 0; i--) {
            if (stages.get(i).name().equals(stageName)) {
                return Optional.of(stages.get(i));
            }
        }
        return Optional.empty();
    }

    /** Reads a sales offer from the run log's JSON (snake_case, as the pipelines write it), or null. */
    static @Nullable SalesOffer offer(@Nullable String json) {
        if (json == null) {
            return null;
        }
        try {
            JsonNode node = SdkJson.mapper().readTree(json);
            SalesOffer.Builder b = SalesOffer.builder(OfferKind.valueOf(node.path("kind").asText()),
                    node.path("text").asText());
            for (JsonNode sku : node.path("offered_products")) {
                b.offeredProduct(Sku.of(sku.asText()));
            }
            JsonNode promo = node.path("promo_code");
            b.promoCode(promo.isTextual() ? promo.asText() : null);
            JsonNode discount = node.path("discount_percent");
            b.discountPercent(discount.isNumber() ? discount.decimalValue()
                    : discount.isTextual() ? new BigDecimal(discount.asText()) : null);
            return b.build();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}

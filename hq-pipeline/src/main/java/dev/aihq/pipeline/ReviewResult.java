package dev.aihq.pipeline;

import dev.aihq.api.result.RunOutcome;
import dev.aihq.api.store.RunRecord;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * The answer to a review decision ({@link AgentPipeline#deliverReviewed}).
 *
 * @param status whether the decision was applied, and if not why
 * @param reason a reason a person can read: the run's new reason when decided, why not otherwise
 * @param record the run's record: the new one when decided, the current one (if any) when refused
 */
public record ReviewResult(Status status, String reason, @Nullable RunRecord record) {

    /** Whether a decision was applied. */
    public enum Status {
        /**
         * Applied: the run was claimed for this decision and its new record written. Its outcome is SENT,
         * SCHEDULED or COMPLETED when delivered, REJECTED when rejected (or when the shop or the event is
         * gone), HELD_FOR_REVIEW again when the guard still objects to the result on fresh context, FAILED
         * when the delivery broke.
         */
        DECIDED,
        /**
         * Refused, nothing done: the run is unknown, in progress, or no longer held (decided before, or
         * being decided by another reviewer right now).
         */
        NOT_HELD,
        /**
         * Refused, nothing done: an approval named a draft that is not the run's held draft any more (another
         * reviewer's edit was held again meanwhile); read the run again and decide on what it holds now.
         */
        DRAFT_CHANGED
    }

    /** Requires the status and reason, and the record when decided. */
    public ReviewResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        if (status == Status.DECIDED && record == null) {
            throw new IllegalArgumentException("a decided review has the run's new record");
        }
    }

    /**
     * Tells whether the decision was applied.
     *
     * @return {@code true} for {@link Status#DECIDED}
     */
    public boolean decided() {
        return status == Status.DECIDED;
    }

    /**
     * Returns the run's outcome as the answer leaves it.
     *
     * @return the outcome, or {@code null} when the run is unknown or in progress
     */
    public @Nullable RunOutcome outcome() {
        return record == null ? null : record.outcome();
    }
}

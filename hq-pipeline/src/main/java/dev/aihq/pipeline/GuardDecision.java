package dev.aihq.pipeline;

import java.util.Objects;

/**
 * What a {@link Guard} decided about a result.
 *
 * @param verdict accept, hold for a person, or fail
 * @param result the result to go on with (possibly repaired)
 * @param reason why, for the run log; empty when accepted as is
 * @param <R> the result type
 */
public record GuardDecision<R>(Verdict verdict, R result, String reason) {

    /** The guard's verdicts. */
    public enum Verdict {
        /** Deliver the result. */
        ACCEPT,
        /** Keep it for a person to approve: the run ends {@code HELD_FOR_REVIEW}. */
        HOLD,
        /** Do not deliver: the run ends {@code FAILED}. */
        FAIL
    }

    /** Requires every part. */
    public GuardDecision {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * Accepts a result.
     *
     * @param result the result (possibly repaired)
     * @param <R> the result type
     * @return the decision
     */
    public static <R> GuardDecision<R> accept(R result) {
        return new GuardDecision<>(Verdict.ACCEPT, result, "");
    }

    /**
     * Holds a result for review.
     *
     * @param result the result
     * @param reason why
     * @param <R> the result type
     * @return the decision
     */
    public static <R> GuardDecision<R> hold(R result, String reason) {
        return new GuardDecision<>(Verdict.HOLD, result, reason);
    }

    /**
     * Refuses a result.
     *
     * @param result the result
     * @param reason why
     * @param <R> the result type
     * @return the decision
     */
    public static <R> GuardDecision<R> fail(R result, String reason) {
        return new GuardDecision<>(Verdict.FAIL, result, reason);
    }
}

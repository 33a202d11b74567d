package dev.aihq.connectors.ozon;

/**
 * A question's status on Ozon (reference §3.6): the filter of {@code /v1/question/list}; {@link #NEW},
 * {@link #VIEWED} and {@link #PROCESSED} are also what {@code /v1/question/change-status} sets.
 */
public enum OzonQuestionStatus {
    /** New. */
    NEW,
    /** Every question; only a list filter. */
    ALL,
    /** Viewed. */
    VIEWED,
    /** Processed. */
    PROCESSED,
    /** Not processed; only a list filter. */
    UNPROCESSED
}

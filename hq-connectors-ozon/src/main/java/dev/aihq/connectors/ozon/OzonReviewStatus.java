package dev.aihq.connectors.ozon;

/**
 * A review's processing status on Ozon (reference §3.5): the filter of {@code /v1/review/list} and the status
 * {@code /v1/review/change-status} sets ({@link #PROCESSED} or {@link #UNPROCESSED}).
 */
public enum OzonReviewStatus {
    /** Every review; only a list filter. */
    ALL,
    /** Not processed by the seller yet. */
    UNPROCESSED,
    /** Processed (answered, or marked). */
    PROCESSED
}

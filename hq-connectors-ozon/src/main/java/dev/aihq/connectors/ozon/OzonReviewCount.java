package dev.aihq.connectors.ozon;

/**
 * A shop's review counts by status, from {@code /v1/review/count} (Ozon's method docs; reference §3.5 names the
 * method only). A count Ozon does not send is 0.
 *
 * @param total all reviews
 * @param processed processed ones
 * @param unprocessed unprocessed ones
 */
public record OzonReviewCount(long total, long processed, long unprocessed) {}

package dev.aihq.connectors.wb;

import java.time.Duration;

/**
 * A Wildberries method group: the methods that share one rate limit (reference §2.2). WB keeps a token bucket per
 * seller account and method group, and so does the connector: two shops never share a bucket, and neither do two
 * groups of one shop. The defaults are WB's documented limits; {@link WbConfig.Builder#rateLimit} overrides one
 * (e.g. for a basic token, whose limits WB lowered).
 */
public enum WbMethodGroup {
    /** Every feedbacks and questions method together: 3 a second, burst 6. */
    FEEDBACKS_QUESTIONS(WbRateLimit.of(3, Duration.ofSeconds(1), 6)),
    /** Buyer chat (chats, events, message, download): 10 per 10 s, burst 10. */
    BUYER_CHAT(WbRateLimit.of(10, Duration.ofSeconds(10), 10)),
    /** Returns (claims): 20 a minute, burst 10. */
    RETURNS(WbRateLimit.of(20, Duration.ofMinutes(1), 10)),
    /** FBS assembly tasks, supplies and passes: 300 a minute, burst 20. */
    FBS(WbRateLimit.of(300, Duration.ofMinutes(1), 20)),
    /** FBS cancel: 100 a minute, burst 20. */
    FBS_CANCEL(WbRateLimit.of(100, Duration.ofMinutes(1), 20)),
    /**
     * Statistics {@code supplier/orders}, {@code supplier/sales} and {@code supplier/stocks}: 1 a minute, burst 1.
     * Kept as one bucket for the three, the conservative reading.
     */
    STATISTICS(WbRateLimit.of(1, Duration.ofMinutes(1), 1)),
    /** {@code reportDetailByPeriod}: 1 a minute, burst 1. */
    REPORT_DETAIL(WbRateLimit.of(1, Duration.ofMinutes(1), 1)),
    /** The balance: 1 a minute. */
    BALANCE(WbRateLimit.of(1, Duration.ofMinutes(1), 1)),
    /** Documents: 1 per 10 s, burst 5. */
    DOCUMENTS(WbRateLimit.of(1, Duration.ofSeconds(10), 5)),
    /** Seller info and news: 1 a minute, burst 10. */
    SELLER_INFO(WbRateLimit.of(1, Duration.ofMinutes(1), 10)),
    /**
     * DBS status changes: 1 a second, burst 10. The DBS order lists and buyer contacts share this bucket: the
     * reference gives no other DBS limit, so the conservative reading.
     */
    DBS_STATUS(WbRateLimit.of(1, Duration.ofSeconds(1), 10)),
    /** {@code GET /ping} of any host: 3 per 30 s. */
    PING(WbRateLimit.of(3, Duration.ofSeconds(30), 3));

    private final WbRateLimit defaultLimit;

    WbMethodGroup(WbRateLimit defaultLimit) {
        this.defaultLimit = defaultLimit;
    }

    /**
     * Returns WB's documented limit of this group.
     *
     * @return the limit
     */
    public WbRateLimit defaultLimit() {
        return defaultLimit;
    }
}

package dev.aihq.api.store;

/** Where an outbox message is in its life. */
public enum OutboxStatus {
    /** Waiting for its due time. */
    PENDING,
    /**
     * A marketing message waiting for the customer's answer to the consent question: released to
     * {@link #PENDING} by a yes ({@link Outbox#releaseAwaitingConsent}), cancelled by a no. Never claimed.
     */
    AWAITING_CONSENT,
    /** Taken by a dispatcher under a lease; returns to the due set when the lease expires. */
    CLAIMED,
    /** The provider accepted it. */
    SENT,
    /** Given up after a non-retriable error or too many attempts. */
    FAILED,
    /** Withdrawn before sending (the shop cancelled it, its order was cancelled or returned, an opt-out). */
    CANCELLED
}

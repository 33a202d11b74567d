package dev.aihq.api.store;

/** Where an outbox message is in its life. */
public enum OutboxStatus {
    /** Waiting for its due time. */
    PENDING,
    /** Taken by a dispatcher under a lease; returns to the due set when the lease expires. */
    CLAIMED,
    /** The provider accepted it. */
    SENT,
    /** Given up after a non-retriable error or too many attempts. */
    FAILED,
    /** Withdrawn before sending (the shop cancelled it, its order was cancelled or returned, an opt-out). */
    CANCELLED
}

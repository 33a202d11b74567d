package dev.aihq.api.result;

/** How an agent run ended. Every run ends in exactly one outcome, with a reason a person can read. */
public enum RunOutcome {
    /** A provider accepted a message (delivered and read arrive later as status updates). */
    SENT,
    /** A result was produced without sending: an assessment, a report, a draft. */
    COMPLETED,
    /** A message waits in the outbox for its time (send delay, quiet hours). */
    SCHEDULED,
    /** A result waits for a person to approve it. */
    HELD_FOR_REVIEW,
    /** The event was not accepted: bad event, unknown or inactive shop, a capability not available. */
    REJECTED,
    /** The run broke: a required source or the delivery failed. */
    FAILED;

    /**
     * Tells whether the run produced what it was for (not rejected, not failed).
     *
     * @return {@code true} for SENT, COMPLETED, SCHEDULED and HELD_FOR_REVIEW
     */
    public boolean isSuccess() {
        return this != REJECTED && this != FAILED;
    }
}

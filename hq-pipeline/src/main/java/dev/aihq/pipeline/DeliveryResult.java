package dev.aihq.pipeline;

import dev.aihq.api.result.RunOutcome;
import java.time.Instant;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * How the deliver stage ended, which becomes the run's outcome.
 *
 * @param outcome SENT, SCHEDULED, COMPLETED, HELD_FOR_REVIEW, REJECTED or FAILED
 * @param reason a reason a person can read
 * @param scheduledFor when a scheduled message is due, or {@code null}
 * @param providerMessageId the provider's id of a sent message, or {@code null}
 */
public record DeliveryResult(
        RunOutcome outcome, String reason, @Nullable Instant scheduledFor, @Nullable String providerMessageId) {

    /** Requires the outcome and reason, and the fields that go with SENT and SCHEDULED. */
    public DeliveryResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        if (outcome == RunOutcome.SCHEDULED && scheduledFor == null) {
            throw new IllegalArgumentException("a scheduled delivery needs its due time");
        }
        if (outcome == RunOutcome.SENT && providerMessageId == null) {
            throw new IllegalArgumentException("a sent delivery needs the provider's message id");
        }
    }

    /**
     * A provider accepted the message.
     *
     * @param providerMessageId the provider's id
     * @param reason e.g. "sent via whatsapp"
     * @return the result
     */
    public static DeliveryResult sent(String providerMessageId, String reason) {
        return new DeliveryResult(RunOutcome.SENT, reason, null, providerMessageId);
    }

    /**
     * The message waits in the outbox.
     *
     * @param dueAt when it is due
     * @param reason e.g. "send delay 15 min"
     * @return the result
     */
    public static DeliveryResult scheduled(Instant dueAt, String reason) {
        return new DeliveryResult(RunOutcome.SCHEDULED, reason, dueAt, null);
    }

    /**
     * The result stands on its own (an assessment, a report) or nothing was sent on purpose.
     *
     * @param reason what happened
     * @return the result
     */
    public static DeliveryResult completed(String reason) {
        return new DeliveryResult(RunOutcome.COMPLETED, reason, null, null);
    }

    /**
     * A person must approve it first.
     *
     * @param reason why
     * @return the result
     */
    public static DeliveryResult held(String reason) {
        return new DeliveryResult(RunOutcome.HELD_FOR_REVIEW, reason, null, null);
    }

    /**
     * The event cannot be served (e.g. no customer contact, a capability the marketplace lacks).
     *
     * @param reason why
     * @return the result
     */
    public static DeliveryResult rejected(String reason) {
        return new DeliveryResult(RunOutcome.REJECTED, reason, null, null);
    }

    /**
     * Delivery failed.
     *
     * @param reason why
     * @return the result
     */
    public static DeliveryResult failed(String reason) {
        return new DeliveryResult(RunOutcome.FAILED, reason, null, null);
    }
}

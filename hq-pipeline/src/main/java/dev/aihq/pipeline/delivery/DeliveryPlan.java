package dev.aihq.pipeline.delivery;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * When a message may go out, or why it must not.
 *
 * @param sendAt the earliest time to send, or {@code null} when it must not be sent
 * @param reason why this time (or why not), for the run log
 */
public record DeliveryPlan(@Nullable Instant sendAt, String reason) {

    /** Requires the reason. */
    public DeliveryPlan {
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * Send at a time.
     *
     * @param at the time
     * @param reason why then
     * @return the plan
     */
    public static DeliveryPlan at(Instant at, String reason) {
        return new DeliveryPlan(Objects.requireNonNull(at, "at"), reason);
    }

    /**
     * Do not send.
     *
     * @param reason why not
     * @return the plan
     */
    public static DeliveryPlan refuse(String reason) {
        return new DeliveryPlan(null, reason);
    }

    /**
     * Returns the send time when sending is allowed.
     *
     * @return the time, or empty
     */
    public Optional<Instant> time() {
        return Optional.ofNullable(sendAt);
    }
}

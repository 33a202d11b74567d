package dev.aihq.pipeline.delivery;

import dev.aihq.api.shop.FrequencyCap;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * When a message may go out, or why it must not, and the frequency cap it is subject to. The cap is not
 * checked by the policy: {@link MessageDelivery} enforces it atomically in the outbox when it schedules
 * the message ({@link dev.aihq.api.store.Outbox#scheduleWithinCap}).
 *
 * @param sendAt the earliest time to send, or {@code null} when it must not be sent
 * @param reason why this time (or why not), for the run log
 * @param cap the customer's frequency cap the message counts against, or {@code null} for none
 */
public record DeliveryPlan(@Nullable Instant sendAt, String reason, @Nullable FrequencyCap cap) {

    /** Requires the reason. */
    public DeliveryPlan {
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * Send at a time, under no frequency cap.
     *
     * @param at the time
     * @param reason why then
     * @return the plan
     */
    public static DeliveryPlan at(Instant at, String reason) {
        return at(at, reason, null);
    }

    /**
     * Send at a time if the customer's frequency cap allows.
     *
     * @param at the time
     * @param reason why then
     * @param cap the cap to enforce when scheduling, or {@code null} for none
     * @return the plan
     */
    public static DeliveryPlan at(Instant at, String reason, @Nullable FrequencyCap cap) {
        return new DeliveryPlan(Objects.requireNonNull(at, "at"), reason, cap);
    }

    /**
     * Do not send.
     *
     * @param reason why not
     * @return the plan
     */
    public static DeliveryPlan refuse(String reason) {
        return new DeliveryPlan(null, reason, null);
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

package dev.aihq.api.shop;

import java.time.Duration;
import java.util.Objects;

/**
 * At most {@code maxMessages} marketing messages to one customer within {@code period} ("не писать
 * чаще N раз").
 *
 * @param maxMessages the most messages allowed in the period, at least 1
 * @param period the sliding period, positive
 */
public record FrequencyCap(int maxMessages, Duration period) {

    /** Validates both parts. */
    public FrequencyCap {
        Objects.requireNonNull(period, "period");
        if (maxMessages < 1) {
            throw new IllegalArgumentException("frequency cap must allow at least 1 message, got " + maxMessages);
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("frequency cap period must be positive, got " + period);
        }
    }

    /**
     * Creates a cap.
     *
     * @param maxMessages the most messages in the period
     * @param period the period
     * @return the cap
     */
    public static FrequencyCap of(int maxMessages, Duration period) {
        return new FrequencyCap(maxMessages, period);
    }
}

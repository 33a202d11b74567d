package dev.aihq.connectors.wb;

import dev.aihq.api.error.ConfigurationException;
import java.time.Duration;
import java.util.Objects;

/**
 * One Wildberries rate limit as WB's token bucket states it (reference §2.2): {@code limit} requests per
 * {@code period}, so one new request every {@link #interval()}, and at most {@code burst} requests at once after
 * a quiet spell. The bucket is kept per seller account and method group.
 *
 * @param limit requests per period, at least 1
 * @param period the period, positive
 * @param burst the bucket's size, at least 1
 */
public record WbRateLimit(int limit, Duration period, int burst) {

    /**
     * Validates the limit.
     *
     * @throws ConfigurationException naming what is wrong
     */
    public WbRateLimit {
        Objects.requireNonNull(period, "period");
        if (limit < 1 || burst < 1 || period.isNegative() || period.isZero()) {
            throw new ConfigurationException("a WB rate limit needs limit >= 1, burst >= 1 and a positive period, got "
                    + limit + " per " + period + ", burst " + burst);
        }
    }

    /**
     * Creates a limit.
     *
     * @param limit requests per period
     * @param period the period
     * @param burst the bucket's size
     * @return the limit
     */
    public static WbRateLimit of(int limit, Duration period, int burst) {
        return new WbRateLimit(limit, period, burst);
    }

    /**
     * Returns the time one token takes to come back: {@code period / limit}.
     *
     * @return e.g. 333 ms for 3 a second
     */
    public Duration interval() {
        return period.dividedBy(limit);
    }

    @Override
    public String toString() {
        return limit + "/" + period + " burst " + burst;
    }
}

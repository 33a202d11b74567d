package dev.aihq.agents.sales.selection;

import java.time.Duration;
import java.util.Objects;

/**
 * The thresholds of {@link CustomerScorer}.
 *
 * @param loyalPurchases how many earlier purchases make a customer {@link Segment#LOYAL} (at least 2; default 3,
 *     so the fourth order is a loyal customer's)
 * @param atRiskAfter how long after the last earlier purchase a returning customer counts as
 *     {@link Segment#AT_RISK} (positive; default 90 days)
 * @param frequencyPeriod the period purchase frequency is given per (positive; default 30 days)
 */
public record ScoringRules(long loyalPurchases, Duration atRiskAfter, Duration frequencyPeriod) {

    /** Validates the thresholds. */
    public ScoringRules {
        Objects.requireNonNull(atRiskAfter, "at risk after");
        Objects.requireNonNull(frequencyPeriod, "frequency period");
        if (loyalPurchases < 2) {
            throw new IllegalArgumentException("loyal purchases must be at least 2, got " + loyalPurchases);
        }
        if (atRiskAfter.isNegative() || atRiskAfter.isZero()) {
            throw new IllegalArgumentException("at risk after must be positive, got " + atRiskAfter);
        }
        if (frequencyPeriod.isNegative() || frequencyPeriod.isZero()) {
            throw new IllegalArgumentException("frequency period must be positive, got " + frequencyPeriod);
        }
    }

    /**
     * Returns the default thresholds: loyal from 3 earlier purchases, at risk 90 days after the last one,
     * frequency per 30 days.
     *
     * @return the defaults
     */
    public static ScoringRules defaults() {
        return new ScoringRules(3, Duration.ofDays(90), Duration.ofDays(30));
    }
}

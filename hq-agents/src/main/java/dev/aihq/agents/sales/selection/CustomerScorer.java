package dev.aihq.agents.sales.selection;

import dev.aihq.api.store.CustomerStats;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Scores the customer behind a purchase from the shop's own history ({@link CustomerStats}, taken
 * <em>excluding</em> the order being handled, so its counts are the earlier purchases):
 *
 * <ol>
 *   <li>no statistics (the source gave no contact) → {@link Segment#UNKNOWN};
 *   <li>no earlier purchase → {@link Segment#NEW};
 *   <li>the last earlier purchase at least {@link ScoringRules#atRiskAfter()} before now →
 *       {@link Segment#AT_RISK}, however many there were;
 *   <li>at least {@link ScoringRules#loyalPurchases()} earlier purchases → {@link Segment#LOYAL};
 *   <li>otherwise → {@link Segment#REPEAT}.
 * </ol>
 *
 * <p>Frequency is the earlier purchases per {@link ScoringRules#frequencyPeriod()} over the time from the
 * first of them to now (at least one period), rounded half-up to two decimals; the average check is the
 * statistics' average in the order's currency. Stateless and thread-safe.
 */
public final class CustomerScorer {

    private final ScoringRules rules;

    /** Creates a scorer with {@link ScoringRules#defaults()}. */
    public CustomerScorer() {
        this(ScoringRules.defaults());
    }

    /**
     * Creates a scorer.
     *
     * @param rules the thresholds
     */
    public CustomerScorer(ScoringRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * Returns the thresholds.
     *
     * @return the rules
     */
    public ScoringRules rules() {
        return rules;
    }

    /**
     * Scores a customer.
     *
     * @param stats the customer's statistics excluding the order being handled, or {@code null} when the
     *     source gave no contact
     * @param now the time of the purchase being handled
     * @param currency the order's currency, for the average check
     * @return the profile
     */
    public CustomerProfile score(@Nullable CustomerStats stats, Instant now, Currency currency) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(currency, "currency");
        if (stats == null) {
            return CustomerProfile.unknown();
        }
        if (stats.firstPurchase()) {
            return CustomerProfile.firstPurchase();
        }
        Instant first = Objects.requireNonNull(stats.firstPurchaseAt(), "first purchase");
        Instant last = Objects.requireNonNull(stats.lastPurchaseAt(), "last purchase");
        Duration recency = last.isAfter(now) ? Duration.ZERO : Duration.between(last, now);
        long count = stats.purchaseCount();
        Segment segment = recency.compareTo(rules.atRiskAfter()) >= 0 ? Segment.AT_RISK
                : count >= rules.loyalPurchases() ? Segment.LOYAL
                : Segment.REPEAT;
        long spanMillis = Math.max(first.isAfter(now) ? 0 : Duration.between(first, now).toMillis(),
                rules.frequencyPeriod().toMillis());
        BigDecimal frequency = BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(rules.frequencyPeriod().toMillis()))
                .divide(BigDecimal.valueOf(spanMillis), 2, RoundingMode.HALF_UP);
        return new CustomerProfile(segment, count, frequency, stats.averageCheck(currency).orElse(null), recency);
    }
}

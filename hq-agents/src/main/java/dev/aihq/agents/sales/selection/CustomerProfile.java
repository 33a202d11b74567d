package dev.aihq.agents.sales.selection;

import dev.aihq.api.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * What the shop knows of the customer behind a purchase (the seed's customer scoring: purchase frequency
 * and average check), computed by {@link CustomerScorer} from the purchases before the one being handled.
 *
 * @param segment the customer's segment
 * @param purchaseCount how many earlier purchases the shop has of the customer (0 for {@link Segment#NEW}
 *     and {@link Segment#UNKNOWN})
 * @param frequency earlier purchases per {@link ScoringRules#frequencyPeriod()}, two decimals; {@code null}
 *     without earlier purchases
 * @param averageCheck the average check in the order's currency, or {@code null} when none is known
 * @param recency how long before the current purchase the last earlier one was, or {@code null} without
 *     earlier purchases
 */
public record CustomerProfile(
        Segment segment,
        long purchaseCount,
        @Nullable BigDecimal frequency,
        @Nullable Money averageCheck,
        @Nullable Duration recency) {

    private static final CustomerProfile UNKNOWN = new CustomerProfile(Segment.UNKNOWN, 0, null, null, null);
    private static final CustomerProfile NEW = new CustomerProfile(Segment.NEW, 0, null, null, null);

    /** Validates that the parts agree with the segment. */
    public CustomerProfile {
        Objects.requireNonNull(segment, "segment");
        if (purchaseCount < 0) {
            throw new IllegalArgumentException("purchase count must not be negative, got " + purchaseCount);
        }
        boolean none = segment == Segment.NEW || segment == Segment.UNKNOWN;
        if (none != (purchaseCount == 0)) {
            throw new IllegalArgumentException(segment + " does not fit " + purchaseCount + " earlier purchases");
        }
    }

    /**
     * The profile of a customer the shop cannot know: the source gave no contact.
     *
     * @return an {@link Segment#UNKNOWN} profile
     */
    public static CustomerProfile unknown() {
        return UNKNOWN;
    }

    /**
     * The profile of a first purchase.
     *
     * @return a {@link Segment#NEW} profile
     */
    public static CustomerProfile firstPurchase() {
        return NEW;
    }

    /**
     * Tells whether this purchase is a repeat sale: the customer bought in the shop before.
     *
     * @return {@code true} when there are earlier purchases
     */
    public boolean returning() {
        return purchaseCount > 0;
    }
}

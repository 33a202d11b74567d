package dev.aihq.agents.margin;

import dev.aihq.api.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * What one sale of a product earns, computed exactly by {@link MarginCalculator}:
 *
 * <pre>profit = price − cost − commission − delivery</pre>
 *
 * <p>All amounts are in the price's currency. A margin exists only when the cost is known; an unknown
 * cost gives no {@code Margin} at all (see {@link MarginCalculator}), never a guessed one.
 *
 * @param price the selling price, positive
 * @param cost the cost of goods
 * @param commission the marketplace commission, exact (not rounded)
 * @param commissionSource where the commission came from
 * @param delivery the seller's delivery cost, or {@code null} when unknown (then not subtracted)
 * @param profit price − cost − commission − delivery, exact
 */
public record Margin(
        Money price,
        Money cost,
        Money commission,
        CommissionSource commissionSource,
        @Nullable Money delivery,
        Money profit) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Where a margin's commission came from. */
    public enum CommissionSource {
        /** The shop's per-category schedule, or its default commission. */
        SCHEDULE,
        /** The amount the marketplace actually charged. */
        ACTUAL
    }

    /**
     * Validates that every amount is in the price's currency, that the price is positive and that the
     * profit adds up.
     */
    public Margin {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(commission, "commission");
        Objects.requireNonNull(commissionSource, "commission source");
        Objects.requireNonNull(profit, "profit");
        if (price.amount().signum() <= 0) {
            throw new IllegalArgumentException("a margin needs a positive price, got " + price);
        }
        Money expected = price.minus(cost).minus(commission);
        if (delivery != null) {
            expected = expected.minus(delivery);
        }
        if (!expected.equals(profit)) {
            throw new IllegalArgumentException("profit " + profit + " does not add up to " + expected);
        }
    }

    /**
     * Returns the margin in percent of the price, rounded half-up to two decimals (for display).
     *
     * @return profit / price × 100
     */
    public BigDecimal percent() {
        return profit.amount().multiply(HUNDRED).divide(price.amount(), 2, RoundingMode.HALF_UP);
    }

    /**
     * Returns the margin as a fraction of the price with 34 significant digits (for ranking).
     *
     * @return profit / price
     */
    public BigDecimal ratio() {
        return profit.amount().divide(price.amount(), MathContext.DECIMAL128);
    }

    /**
     * Tells whether the margin reaches a minimum, compared exactly (no rounding).
     *
     * @param minimumPercent the minimum margin in percent
     * @return {@code true} when profit × 100 ≥ minimum × price
     */
    public boolean atLeast(BigDecimal minimumPercent) {
        Objects.requireNonNull(minimumPercent, "minimum percent");
        return profit.amount().multiply(HUNDRED).compareTo(minimumPercent.multiply(price.amount())) >= 0;
    }

    /**
     * Adds another margin, as for two products sold together: prices, costs, commissions, deliveries and
     * profits are summed. The sum's commission is {@link CommissionSource#ACTUAL} only when both are.
     *
     * @param other a margin in the same currency
     * @return the combined margin
     * @throws IllegalArgumentException when the currencies differ
     */
    public Margin plus(Margin other) {
        Objects.requireNonNull(other, "other");
        @Nullable Money bothDelivery = delivery == null ? other.delivery
                : other.delivery == null ? delivery : delivery.plus(other.delivery);
        CommissionSource source = commissionSource == CommissionSource.ACTUAL
                && other.commissionSource == CommissionSource.ACTUAL ? CommissionSource.ACTUAL : CommissionSource.SCHEDULE;
        return new Margin(price.plus(other.price), cost.plus(other.cost), commission.plus(other.commission), source,
                bothDelivery, profit.plus(other.profit));
    }
}

package dev.aihq.agents.finance;

import dev.aihq.api.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * An amount in two periods and how it changed.
 *
 * @param current this period's amount
 * @param previous the previous period's amount
 */
public record Change(Money current, Money previous) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Requires both amounts in one currency. */
    public Change {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(previous, "previous");
        if (!current.currency().equals(previous.currency())) {
            throw new IllegalArgumentException("a change needs one currency, got " + current + " and " + previous);
        }
    }

    /**
     * Returns the absolute change, exact.
     *
     * @return current − previous
     */
    public Money delta() {
        return current.minus(previous);
    }

    /**
     * Returns the relative change in percent of the previous amount's size, rounded half-up to two decimals:
     * a loss of 100 turning into a profit of 50 is +150 %.
     *
     * @return (current − previous) / |previous| × 100, or {@code null} when the previous amount is zero
     */
    public @Nullable BigDecimal percent() {
        if (previous.amount().signum() == 0) {
            return null;
        }
        return delta().amount().multiply(HUNDRED).divide(previous.amount().abs(), 2, RoundingMode.HALF_UP);
    }
}

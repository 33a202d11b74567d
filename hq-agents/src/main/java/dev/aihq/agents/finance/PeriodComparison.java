package dev.aihq.agents.finance;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A period's profit and loss against the period of the same length before it.
 *
 * @param previous the previous period's profit and loss
 * @param revenue the net sales then and now
 * @param profit the profit then and now
 * @param marginPoints the change of the margin in percentage points (this period's margin % − the previous
 *     one's, both rounded to two decimals), or {@code null} when either period has no margin
 * @param products the products with money movements in both periods, by SKU
 */
public record PeriodComparison(ProfitAndLoss previous, Change revenue, Change profit, @Nullable BigDecimal marginPoints,
        List<ProductChange> products) {

    /** Requires every part. */
    public PeriodComparison {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(revenue, "revenue");
        Objects.requireNonNull(profit, "profit");
        products = List.copyOf(products);
    }
}

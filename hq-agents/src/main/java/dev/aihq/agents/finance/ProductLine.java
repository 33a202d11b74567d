package dev.aihq.agents.finance;

import dev.aihq.api.Money;
import dev.aihq.api.Sku;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * One product's profit and loss over a period. Amounts are exact (never rounded) and in the shop's
 * currency; {@link ProfitAndLoss#present(Money)} rounds them for display.
 *
 * <pre>net sales = gross sales − returns − cancellations
 * profit    = net sales − commission − delivery − cost of goods − penalties − other expenses</pre>
 *
 * <p>The profit exists only when the cost of goods is known ({@link CostSource#UNKNOWN} gives none): a
 * product without a cost price is flagged, never counted as if its goods were free.
 *
 * @param sku the product
 * @param name its catalog name, or the SKU when the catalog does not have it
 * @param category its catalog category, or {@code null} when the catalog does not have it (the commission
 *     schedule's default applies)
 * @param unitsSold the units of the period's sales
 * @param unitsReturned the units of the period's returns (of sales of this or an earlier period)
 * @param unitsCancelled the units of the period's cancellations
 * @param grossSales what buyers paid for the period's sales
 * @param returns what was refunded for the period's returns
 * @param cancellations what was reversed by the period's cancellations
 * @param commission the marketplace's commission
 * @param commissionSource where the commission came from
 * @param delivery the delivery and logistics charged to the seller; zero without data
 * @param deliverySource where the delivery came from
 * @param costOfGoods the cost of the goods sold, or {@code null} when unknown
 * @param costSource where the cost of goods came from
 * @param penalties the marketplace's fines for this product
 * @param otherExpenses other expenses booked to this product
 * @param profit the profit, or {@code null} when the cost of goods is unknown
 */
public record ProductLine(
        Sku sku,
        String name,
        @Nullable String category,
        BigDecimal unitsSold,
        BigDecimal unitsReturned,
        BigDecimal unitsCancelled,
        Money grossSales,
        Money returns,
        Money cancellations,
        Money commission,
        CommissionSource commissionSource,
        Money delivery,
        DeliverySource deliverySource,
        @Nullable Money costOfGoods,
        CostSource costSource,
        Money penalties,
        Money otherExpenses,
        @Nullable Money profit) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Where a line's commission came from. */
    public enum CommissionSource {
        /** The marketplace's actual charge for this product (an order, an import, a finance report). */
        ACTUAL,
        /** Estimated: net sales × the category's percent from the shop's schedule. */
        SCHEDULE,
        /**
         * Not estimated because the period has an actual commission for the whole shop, which is counted once
         * in the totals; estimating per product as well would count the commission twice.
         */
        SHOP_TOTAL
    }

    /** Where a line's delivery came from. */
    public enum DeliverySource {
        /** The delivery actually charged for this product. */
        ACTUAL,
        /** Zero here because the period's delivery is known only for the whole shop (counted in the totals). */
        SHOP_TOTAL,
        /** Zero because nothing says what delivery cost: flagged, the profit may be too high. */
        NO_DATA
    }

    /** Where a line's cost of goods came from. */
    public enum CostSource {
        /** Actual costs in the ledger (imported purchase invoices). */
        ACTUAL,
        /** The catalog's cost price × the net units sold. */
        CATALOG,
        /** Neither is known: the line has no profit and the totals leave it out of the profit. */
        UNKNOWN
    }

    /** Requires every part, one currency, the cost's presence matching its source and the profit adding up. */
    public ProductLine {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unitsSold, "units sold");
        Objects.requireNonNull(unitsReturned, "units returned");
        Objects.requireNonNull(unitsCancelled, "units cancelled");
        Objects.requireNonNull(commissionSource, "commission source");
        Objects.requireNonNull(deliverySource, "delivery source");
        Objects.requireNonNull(costSource, "cost source");
        Money net = grossSales.minus(returns).minus(cancellations);
        Money costs = commission.plus(delivery).plus(penalties).plus(otherExpenses);
        if ((costOfGoods == null) != (costSource == CostSource.UNKNOWN)) {
            throw new IllegalArgumentException(sku + ": the cost of goods is known exactly when its source is not"
                    + " UNKNOWN");
        }
        if ((profit == null) != (costOfGoods == null)) {
            throw new IllegalArgumentException(sku + ": a line has a profit exactly when its cost is known");
        }
        if (costOfGoods != null && !net.minus(costs).minus(costOfGoods).equals(profit)) {
            throw new IllegalArgumentException(sku + ": profit " + profit + " does not add up to "
                    + net.minus(costs).minus(costOfGoods));
        }
    }

    /**
     * Returns the net sales: gross sales − returns − cancellations (negative when a period's returns of
     * earlier sales exceed its sales).
     *
     * @return the net sales
     */
    public Money netSales() {
        return grossSales.minus(returns).minus(cancellations);
    }

    /**
     * Returns the units sold and kept: sold − returned − cancelled.
     *
     * @return the net units
     */
    public BigDecimal netUnits() {
        return unitsSold.subtract(unitsReturned).subtract(unitsCancelled);
    }

    /**
     * Tells whether the cost of goods, and so the profit, is known.
     *
     * @return {@code false} for {@link CostSource#UNKNOWN}
     */
    public boolean costKnown() {
        return costOfGoods != null;
    }

    /**
     * Returns the margin in percent of net sales, rounded half-up to two decimals for display.
     *
     * @return profit / net sales × 100, or {@code null} when the profit is unknown or there are no net sales
     */
    public @Nullable BigDecimal marginPercent() {
        Money net = netSales();
        if (profit == null || net.amount().signum() <= 0) {
            return null;
        }
        return profit.amount().multiply(HUNDRED).divide(net.amount(), 2, RoundingMode.HALF_UP);
    }

    /**
     * Returns the share of the period's sold units that the period's returns took back, in percent,
     * rounded half-up to two decimals.
     *
     * @return returned units / sold units × 100, or {@code null} without sales in the period
     */
    public @Nullable BigDecimal returnRatePercent() {
        if (unitsSold.signum() <= 0) {
            return null;
        }
        return unitsReturned.multiply(HUNDRED).divide(unitsSold, 2, RoundingMode.HALF_UP);
    }
}

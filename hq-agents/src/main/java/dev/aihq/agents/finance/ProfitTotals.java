package dev.aihq.agents.finance;

import dev.aihq.api.Money;
import dev.aihq.api.Sku;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A period's profit and loss for the whole shop. Amounts are exact and in the shop's currency.
 *
 * <p>Every sale, return, commission, delivery and penalty is in its line, products without a known cost
 * included: the net sales are the period's revenue for tax purposes (gross buyer payments net of returns
 * and cancellations; marketplace fees are cost lines, never deducted from revenue). The <b>profit</b>,
 * however, covers only the products whose cost of goods is known, minus the shop-wide costs: a product
 * without a cost price cannot have a profit, and counting its sales without its goods would overstate the
 * shop's. Such products are listed in {@link #uncostedSkus()}; their net sales and their known costs
 * (commission, delivery, penalties, other expenses) are given so that the profit reconciles:
 *
 * <pre>profit = (net sales − uncosted net sales) − (expenses − uncosted costs)</pre>
 *
 * @param grossSales what buyers paid for the period's sales
 * @param returns what the period's returns refunded
 * @param cancellations what the period's cancellations reversed
 * @param netSales gross sales − returns − cancellations: the revenue
 * @param commission the marketplace's commission, per product (actual or estimated) and shop-wide
 * @param delivery delivery and logistics, per product and shop-wide
 * @param costOfGoods the known cost of goods sold, per product and shop-wide
 * @param penalties the marketplace's fines
 * @param otherExpenses the other expenses, per product and shop-wide (rent, advertising, salaries)
 * @param profit the profit of the products with a known cost, minus the shop-wide costs
 * @param uncostedSkus the products whose cost of goods is unknown, left out of the profit; empty when the
 *     profit is complete
 * @param uncostedNetSales the net sales of those products
 * @param uncostedCosts their commission, delivery, penalties and other expenses
 */
public record ProfitTotals(
        Money grossSales,
        Money returns,
        Money cancellations,
        Money netSales,
        Money commission,
        Money delivery,
        Money costOfGoods,
        Money penalties,
        Money otherExpenses,
        Money profit,
        List<Sku> uncostedSkus,
        Money uncostedNetSales,
        Money uncostedCosts) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Requires every part in one currency, the net sales and the profit adding up. */
    public ProfitTotals {
        Objects.requireNonNull(profit, "profit");
        uncostedSkus = List.copyOf(uncostedSkus);
        if (!grossSales.minus(returns).minus(cancellations).equals(netSales)) {
            throw new IllegalArgumentException("net sales " + netSales + " do not add up");
        }
        Money expenses = commission.plus(delivery).plus(costOfGoods).plus(penalties).plus(otherExpenses);
        Money expected = netSales.minus(uncostedNetSales).minus(expenses.minus(uncostedCosts));
        if (!expected.equals(profit)) {
            throw new IllegalArgumentException("profit " + profit + " does not add up to " + expected);
        }
        if (uncostedSkus.isEmpty() && (uncostedNetSales.amount().signum() != 0 || uncostedCosts.amount().signum() != 0)) {
            throw new IllegalArgumentException("uncosted amounts without uncosted products");
        }
    }

    /**
     * Returns the period's revenue: the net sales.
     *
     * @return gross buyer payments net of returns and cancellations
     */
    public Money revenue() {
        return netSales;
    }

    /**
     * Returns every expense: commission + delivery + cost of goods + penalties + other expenses.
     *
     * @return the expenses
     */
    public Money expenses() {
        return commission.plus(delivery).plus(costOfGoods).plus(penalties).plus(otherExpenses);
    }

    /**
     * Tells whether the profit covers every product.
     *
     * @return {@code true} when no product's cost is unknown
     */
    public boolean complete() {
        return uncostedSkus.isEmpty();
    }

    /**
     * Returns the margin in percent of the net sales the profit covers, rounded half-up to two decimals.
     *
     * @return profit / (net sales − uncosted net sales) × 100, or {@code null} when that is not positive
     */
    public @Nullable BigDecimal marginPercent() {
        BigDecimal base = netSales.minus(uncostedNetSales).amount();
        if (base.signum() <= 0) {
            return null;
        }
        return profit.amount().multiply(HUNDRED).divide(base, 2, RoundingMode.HALF_UP);
    }
}

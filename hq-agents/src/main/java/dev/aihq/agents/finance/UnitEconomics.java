package dev.aihq.agents.finance;

import dev.aihq.agents.finance.ProductLine.CommissionSource;
import dev.aihq.agents.finance.ProductLine.CostSource;
import dev.aihq.agents.margin.Margin;
import dev.aihq.agents.margin.MarginCalculator;
import dev.aihq.api.Money;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.store.Product;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * One unit of a product at today's price, from a period's line: the sales agent's {@link Margin} with the
 * unit cost, the commission rate and the period's delivery per unit kept. Ratios are computed to 34
 * significant digits; they feed only the recommendations, which are rounded up to a step.
 *
 * @param price today's catalog price (or the period's average net price when the catalog lacks the product)
 * @param cost the unit cost: the catalog's cost price, or actual cost / net units when imported
 * @param commissionRate the commission as a fraction of the price: actual / net sales, else the schedule's
 * @param deliveryPerUnit the period's delivery / units kept (the shipping of returned orders included)
 * @param deliveryPerShipment the period's delivery / units sold
 * @param margin the margin per unit, from {@link MarginCalculator}, with {@code deliveryPerUnit}
 */
record UnitEconomics(Money price, Money cost, BigDecimal commissionRate, Money deliveryPerUnit,
        Money deliveryPerShipment, Margin margin) {

    private static final MathContext RATIO = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    UnitEconomics {
        Objects.requireNonNull(margin, "margin");
    }

    /**
     * Computes a line's unit economics.
     *
     * @return them, or {@code null} when the line kept no units, has no price or no known cost
     */
    static @Nullable UnitEconomics of(ProductLine line, @Nullable Product product, ShopSettings settings) {
        BigDecimal kept = line.netUnits();
        Money totalCost = line.costOfGoods();
        if (kept.signum() <= 0 || totalCost == null) {
            return null;
        }
        Money net = line.netSales();
        Money price = product != null ? product.price() : divide(net, kept);
        if (price.amount().signum() <= 0) {
            return null;
        }
        Money cost = line.costSource() == CostSource.CATALOG && product != null && product.costPrice() != null
                ? product.costPrice() : divide(totalCost, kept);
        String category = line.category() == null ? "" : line.category();
        boolean actualRate = line.commissionSource() == CommissionSource.ACTUAL && net.amount().signum() > 0;
        BigDecimal rate = actualRate ? line.commission().amount().divide(net.amount(), RATIO)
                : settings.commissionPercentFor(category).movePointLeft(2);
        Money deliveryPerUnit = divide(line.delivery(), kept);
        Money deliveryPerShipment = line.unitsSold().signum() > 0 ? divide(line.delivery(), line.unitsSold())
                : deliveryPerUnit;
        Margin margin = MarginCalculator.of(price, cost, category, settings,
                actualRate ? price.times(rate) : null, deliveryPerUnit).orElseThrow();
        return new UnitEconomics(price, cost, rate, deliveryPerUnit, deliveryPerShipment, margin);
    }

    private static Money divide(Money amount, BigDecimal by) {
        return Money.of(amount.amount().divide(by, RATIO), amount.currency());
    }

    /**
     * Returns the commission per unit at today's price.
     *
     * @return price × rate
     */
    Money commission() {
        return margin.commission();
    }

    /**
     * Returns the profit per unit kept at today's price.
     *
     * @return price − cost − commission − delivery per unit
     */
    Money profit() {
        return margin.profit();
    }

    /**
     * Returns what the shipping of returned orders costs per unit kept.
     *
     * @return delivery per unit kept − delivery per unit shipped
     */
    Money returnLossPerUnit() {
        return deliveryPerUnit.minus(deliveryPerShipment);
    }

    /**
     * Computes the price increase that gives a margin: the price p' with
     * {@code (p' − cost − rate·p' − delivery) / p' = target}, i.e. {@code p' = (cost + delivery) / (1 − rate − target)},
     * as an increase over today's price rounded up to a step.
     *
     * @param targetPercent the margin in percent of the price; 0 to break even
     * @param step the step to round up to, in percentage points
     * @return the increase in percent, zero when today's price reaches the margin, or {@code null} when no
     *     price does (the commission and the target take the whole price)
     */
    @Nullable BigDecimal increaseToMargin(BigDecimal targetPercent, BigDecimal step) {
        BigDecimal keptShare = BigDecimal.ONE.subtract(commissionRate).subtract(targetPercent.movePointLeft(2));
        if (keptShare.signum() <= 0) {
            return null;
        }
        BigDecimal needed = cost.amount().add(deliveryPerUnit.amount()).divide(keptShare, RATIO);
        BigDecimal increase = needed.divide(price.amount(), RATIO).subtract(BigDecimal.ONE).multiply(HUNDRED);
        if (increase.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        return increase.divide(step, 0, RoundingMode.CEILING).multiply(step);
    }
}

package dev.aihq.agents.margin;

import dev.aihq.api.Money;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.store.Product;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Computes what a sale earns after the marketplace takes its share, exactly in {@link java.math.BigDecimal}:
 *
 * <pre>profit = price − cost − commission − delivery
 * margin % = profit / price × 100</pre>
 *
 * <ul>
 *   <li>The commission is the actual amount the marketplace charged when it is known (from an order or a
 *       finance report); otherwise price × the category's percent from the shop's schedule
 *       ({@link ShopSettings#commissionPercentFor(String)}, which falls back to the shop's default).
 *   <li>The seller's delivery cost is subtracted when known and left out when not.
 *   <li>The cost of goods must be known: without it there is no margin (an empty result), never a guess.
 *       A zero price has no margin percent either, so it is empty too.
 *   <li>Every amount must be in the price's currency; nothing is converted.
 * </ul>
 *
 * <p>Stateless and thread-safe; shared by the sales agent and the accountant.
 */
public final class MarginCalculator {

    private MarginCalculator() {}

    /**
     * Computes a catalog product's margin with the commission from the shop's schedule and no delivery.
     *
     * @param product the product
     * @param settings the shop's settings (the commission schedule)
     * @return the margin, or empty when the cost is unknown or the price is zero
     */
    public static Optional<Margin> of(Product product, ShopSettings settings) {
        Objects.requireNonNull(product, "product");
        return of(product.price(), product.costPrice(), product.category(), settings, null, null);
    }

    /**
     * Computes a margin.
     *
     * @param price the selling price (per unit or per line, as long as every amount means the same)
     * @param cost the cost of goods, or {@code null} when unknown
     * @param category the catalog category, for the commission schedule
     * @param settings the shop's settings (the commission schedule)
     * @param actualCommission the commission the marketplace actually charged, or {@code null} to use the
     *     schedule
     * @param delivery the seller's delivery cost, or {@code null} when unknown
     * @return the margin, or empty when the cost is unknown or the price is zero
     * @throws IllegalArgumentException when an amount is in another currency than the price, or the price
     *     is negative
     */
    public static Optional<Margin> of(Money price, @Nullable Money cost, String category, ShopSettings settings,
            @Nullable Money actualCommission, @Nullable Money delivery) {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(settings, "settings");
        if (price.isNegative()) {
            throw new IllegalArgumentException("price must not be negative, got " + price);
        }
        requireCurrency(price, cost, "cost");
        requireCurrency(price, actualCommission, "commission");
        requireCurrency(price, delivery, "delivery");
        if (cost == null || price.amount().signum() == 0) {
            return Optional.empty();
        }
        Money commission;
        Margin.CommissionSource source;
        if (actualCommission != null) {
            commission = actualCommission;
            source = Margin.CommissionSource.ACTUAL;
        } else {
            commission = scheduledCommission(price, category, settings);
            source = Margin.CommissionSource.SCHEDULE;
        }
        Money profit = price.minus(cost).minus(commission);
        if (delivery != null) {
            profit = profit.minus(delivery);
        }
        return Optional.of(new Margin(price, cost, commission, source, delivery, profit));
    }

    /**
     * Computes the commission the shop's schedule gives for an amount of a category's sales, exactly:
     * amount × the category's percent ({@link ShopSettings#commissionPercentFor(String)}) / 100. The
     * accountant estimates a period's commission with it where the marketplace's actual charge is unknown.
     *
     * @param amount the sales (one price, or a period's net sales; may be negative after returns)
     * @param category the catalog category
     * @param settings the shop's settings (the commission schedule)
     * @return the commission, in the amount's currency, not rounded
     */
    public static Money scheduledCommission(Money amount, String category, ShopSettings settings) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(settings, "settings");
        return Money.of(amount.amount().multiply(settings.commissionPercentFor(category)).movePointLeft(2),
                amount.currency());
    }

    private static void requireCurrency(Money price, @Nullable Money amount, String what) {
        if (amount != null && !amount.currency().equals(price.currency())) {
            throw new IllegalArgumentException(what + " " + amount + " is not in the price's currency "
                    + price.currency().getCurrencyCode());
        }
    }
}

package dev.aihq.api.store;

import dev.aihq.api.Money;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * What a shop knows of one customer from the stored purchases (the customer's "scoring"): how many
 * purchases, when the first and the last were made, and how much was spent, per currency. A
 * {@link PurchaseStore} computes it through {@link PurchaseStore#stats(ShopId, PhoneNumber,
 * dev.aihq.api.OrderId)}; nothing here converts between currencies.
 *
 * <p>Every purchase counts in {@link #purchaseCount()}, but only a purchase with a total (lines, all in
 * one currency; see {@link Purchase#total()}) is summed into {@link #totalSpent()}, and only those enter
 * the {@linkplain #averageCheck(Currency) average check}.
 *
 * @param shopId the shop
 * @param customer the customer
 * @param purchaseCount how many purchases the customer made in the shop, not negative
 * @param firstPurchaseAt when the earliest of them was made, or {@code null} when there are none
 * @param lastPurchaseAt when the latest of them was made, or {@code null} when there are none
 * @param totalSpent the sum of the purchases' totals per currency, each value in its key's currency;
 *     a currency appears only when at least one purchase has a total in it
 * @param ordersByCurrency how many purchases each sum of {@code totalSpent} adds up, with the same keys;
 *     each at least 1, together at most {@code purchaseCount}
 */
public record CustomerStats(
        ShopId shopId,
        PhoneNumber customer,
        long purchaseCount,
        @Nullable Instant firstPurchaseAt,
        @Nullable Instant lastPurchaseAt,
        Map<Currency, Money> totalSpent,
        Map<Currency, Long> ordersByCurrency) {

    /**
     * Validates that the parts agree with each other; copies the maps.
     *
     * @throws IllegalArgumentException when they do not: a negative count, instants present without
     *     purchases or missing with them, the first after the last, a total in another currency than its
     *     key, totals and order counts for different currencies, or more summed orders than purchases
     */
    public CustomerStats {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(customer, "customer");
        totalSpent = Map.copyOf(totalSpent);
        ordersByCurrency = Map.copyOf(ordersByCurrency);
        if (purchaseCount < 0) {
            throw new IllegalArgumentException("purchase count must not be negative, got " + purchaseCount);
        }
        boolean none = purchaseCount == 0;
        if (none != (firstPurchaseAt == null) || none != (lastPurchaseAt == null)) {
            throw new IllegalArgumentException("first and last purchase times must be given exactly when there"
                    + " are purchases, got " + purchaseCount + " purchases");
        }
        if (firstPurchaseAt != null && lastPurchaseAt != null && firstPurchaseAt.isAfter(lastPurchaseAt)) {
            throw new IllegalArgumentException("first purchase " + firstPurchaseAt + " must not be after the last "
                    + lastPurchaseAt);
        }
        if (!totalSpent.keySet().equals(ordersByCurrency.keySet())) {
            throw new IllegalArgumentException("total spent and orders by currency must name the same currencies,"
                    + " got " + totalSpent.keySet() + " and " + ordersByCurrency.keySet());
        }
        long summed = 0;
        for (Map.Entry<Currency, Money> total : totalSpent.entrySet()) {
            if (!total.getValue().currency().equals(total.getKey())) {
                throw new IllegalArgumentException("total spent under " + total.getKey() + " must be in that"
                        + " currency, got " + total.getValue());
            }
            long orders = ordersByCurrency.get(total.getKey());
            if (orders < 1) {
                throw new IllegalArgumentException("orders in " + total.getKey() + " must be at least 1, got "
                        + orders);
            }
            summed += orders;
        }
        if (summed > purchaseCount) {
            throw new IllegalArgumentException(summed + " orders with a total is more than the " + purchaseCount
                    + " purchases");
        }
    }

    /**
     * The statistics of a customer without purchases.
     *
     * @param shopId the shop
     * @param customer the customer
     * @return no purchases, no times, nothing spent
     */
    public static CustomerStats none(ShopId shopId, PhoneNumber customer) {
        return new CustomerStats(shopId, customer, 0, null, null, Map.of(), Map.of());
    }

    /**
     * Tells whether the customer has no purchase in these statistics. When they were taken excluding the
     * order being handled, {@code true} means that order is the customer's first in the shop.
     *
     * @return {@code true} when {@link #purchaseCount()} is 0
     */
    public boolean firstPurchase() {
        return purchaseCount == 0;
    }

    /**
     * Returns the average check in a currency: the total spent in it divided by the number of purchases
     * summed into that total, rounded {@link RoundingMode#HALF_EVEN HALF_EVEN} (banker's rounding) to the
     * currency's minor units. The division is exact {@link BigDecimal} arithmetic, rounded once, so
     * 1000 + 1000 + 1001 KZT averages to 1000.33 KZT, and 0.25 + 0.00 KZT to 0.12 KZT.
     *
     * @param currency the currency
     * @return the average, or empty when no purchase has a total in that currency
     */
    public Optional<Money> averageCheck(Currency currency) {
        Objects.requireNonNull(currency, "currency");
        Money total = totalSpent.get(currency);
        if (total == null) {
            return Optional.empty();
        }
        int minor = Math.max(currency.getDefaultFractionDigits(), 0);
        BigDecimal average = total.amount()
                .divide(BigDecimal.valueOf(ordersByCurrency.get(currency)), minor, RoundingMode.HALF_EVEN);
        return Optional.of(Money.of(average, currency));
    }
}

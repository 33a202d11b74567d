package dev.aihq.api.event;

import dev.aihq.api.Money;
import dev.aihq.api.Sku;
import java.util.Objects;

/**
 * One line of a purchase.
 *
 * @param sku the seller's product code
 * @param name the product name as the order shows it
 * @param price the unit price, not negative
 * @param quantity how many, at least 1
 */
public record PurchaseItem(Sku sku, String name, Money price, int quantity) {

    /** Validates the line. */
    public PurchaseItem {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(price, "price");
        if (name.isBlank()) {
            throw new IllegalArgumentException("item name must not be blank");
        }
        if (price.isNegative()) {
            throw new IllegalArgumentException("item price must not be negative, got " + price);
        }
        if (quantity < 1) {
            throw new IllegalArgumentException("item quantity must be at least 1, got " + quantity);
        }
    }

    /**
     * Returns price × quantity.
     *
     * @return the line total
     */
    public Money total() {
        return price.times(quantity);
    }
}

package dev.aihq.api.store;

import dev.aihq.api.Money;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * A product in a shop's catalog.
 *
 * @param shopId the shop
 * @param sku the seller's product code, unique within the shop
 * @param name the product name
 * @param category the catalog category
 * @param price the current selling price
 * @param costPrice the cost of goods per unit, or {@code null} when unknown (margin cannot be computed)
 * @param stock units in stock, not negative
 * @param active whether it is on sale
 */
public record Product(
        ShopId shopId,
        Sku sku,
        String name,
        String category,
        Money price,
        @Nullable Money costPrice,
        int stock,
        boolean active) {

    /** Validates the product. */
    public Product {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(price, "price");
        if (price.isNegative()) {
            throw new IllegalArgumentException("price of " + sku + " must not be negative");
        }
        if (costPrice != null && !costPrice.currency().equals(price.currency())) {
            throw new IllegalArgumentException("cost price of " + sku + " must be in the price's currency");
        }
        if (stock < 0) {
            throw new IllegalArgumentException("stock of " + sku + " must not be negative");
        }
    }

    /**
     * Tells whether the product can be offered now.
     *
     * @return {@code true} when active and in stock
     */
    public boolean available() {
        return active && stock > 0;
    }

    /**
     * Returns the cost price when known.
     *
     * @return the cost price, or empty
     */
    public Optional<Money> cost() {
        return Optional.ofNullable(costPrice);
    }
}

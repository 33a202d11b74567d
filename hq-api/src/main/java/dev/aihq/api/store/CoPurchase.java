package dev.aihq.api.store;

import dev.aihq.api.Sku;
import java.util.Objects;

/**
 * A product "frequently bought together" with others, from a shop's own purchases: see
 * {@link PurchaseStore#boughtTogether(dev.aihq.api.ShopId, java.util.Set, java.time.Instant, int)}.
 *
 * @param sku the other product
 * @param orders in how many orders it was bought together with the given products, at least 1
 */
public record CoPurchase(Sku sku, long orders) {

    /** Validates the count. */
    public CoPurchase {
        Objects.requireNonNull(sku, "sku");
        if (orders < 1) {
            throw new IllegalArgumentException("orders must be at least 1, got " + orders);
        }
    }
}

package dev.aihq.api.store;

import dev.aihq.api.ShopId;
import dev.aihq.api.shop.Shop;
import java.util.Optional;

/** Shops and their settings (the seed's "Get Shop Settings" from the database). Thread-safe. */
public interface ShopStore {

    /**
     * Finds a shop.
     *
     * @param id the shop id
     * @return the shop with its settings, or empty when unknown
     */
    Optional<Shop> find(ShopId id);

    /**
     * Inserts or replaces a shop.
     *
     * @param shop the shop
     */
    void save(Shop shop);
}

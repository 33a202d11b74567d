package dev.aihq.api.store;

import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import java.util.List;
import java.util.Optional;

/** Each shop's catalog: products with category, price, cost price and stock. Thread-safe. */
public interface CatalogStore {

    /**
     * Inserts or replaces a product.
     *
     * @param product the product
     */
    void save(Product product);

    /**
     * Finds a product.
     *
     * @param shopId the shop
     * @param sku the product code
     * @return the product, or empty
     */
    Optional<Product> find(ShopId shopId, Sku sku);

    /**
     * Returns every product of a shop, ordered by SKU.
     *
     * @param shopId the shop
     * @return the products
     */
    List<Product> list(ShopId shopId);
}

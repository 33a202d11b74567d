package dev.aihq.pipeline.memory;

import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.api.store.CatalogStore;
import dev.aihq.api.store.Product;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A {@link CatalogStore} holding each shop's products in a concurrent map sorted by SKU, so listing needs
 * no sort. Thread-safe; nothing survives a restart.
 */
public final class InMemoryCatalogStore implements CatalogStore {

    private final ConcurrentHashMap<ShopId, ConcurrentSkipListMap<String, Product>> catalogs =
            new ConcurrentHashMap<>();

    /** Creates an empty store. */
    public InMemoryCatalogStore() {}

    @Override
    public void save(Product product) {
        Objects.requireNonNull(product, "product");
        catalogs.computeIfAbsent(product.shopId(), id -> new ConcurrentSkipListMap<>())
                .put(product.sku().value(), product);
    }

    @Override
    public Optional<Product> find(ShopId shopId, Sku sku) {
        Objects.requireNonNull(sku, "sku");
        ConcurrentSkipListMap<String, Product> catalog = catalogs.get(Objects.requireNonNull(shopId, "shop id"));
        return catalog == null ? Optional.empty() : Optional.ofNullable(catalog.get(sku.value()));
    }

    @Override
    public List<Product> list(ShopId shopId) {
        ConcurrentSkipListMap<String, Product> catalog = catalogs.get(Objects.requireNonNull(shopId, "shop id"));
        return catalog == null ? List.of() : List.copyOf(catalog.values());
    }
}

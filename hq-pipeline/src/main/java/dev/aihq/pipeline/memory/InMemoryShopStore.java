package dev.aihq.pipeline.memory;

import dev.aihq.api.ShopId;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.store.ShopStore;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link ShopStore} in a concurrent map. Thread-safe; nothing survives a restart. */
public final class InMemoryShopStore implements ShopStore {

    private final ConcurrentHashMap<ShopId, Shop> shops = new ConcurrentHashMap<>();

    /** Creates an empty store. */
    public InMemoryShopStore() {}

    @Override
    public Optional<Shop> find(ShopId id) {
        Objects.requireNonNull(id, "shop id");
        return Optional.ofNullable(shops.get(id));
    }

    @Override
    public void save(Shop shop) {
        Objects.requireNonNull(shop, "shop");
        shops.put(shop.id(), shop);
    }
}

package dev.aihq.pipeline.memory;

import dev.aihq.api.ShopId;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.store.ShopStore;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.annotation.Nullable;

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

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when {@code limit} is below 1
     */
    @Override
    public List<ShopId> listIds(@Nullable ShopId after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return shops.keySet().stream()
                .filter(id -> after == null || id.value().compareTo(after.value()) > 0)
                .sorted(Comparator.comparing(ShopId::value))
                .limit(limit)
                .toList();
    }
}

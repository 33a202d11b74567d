package dev.aihq.pipeline.memory;

import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import dev.aihq.api.store.IndexedOrder;
import dev.aihq.api.store.OrderIndexStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@link OrderIndexStore} with one map of orders per shop and marketplace, keyed by order id. A lookup reads
 * the shop's orders on that marketplace one by one, which is fine for tests and demos. Thread-safe (every method
 * is synchronized, so {@link #upsertAll} is all or nothing); nothing survives a restart.
 */
public final class InMemoryOrderIndexStore implements OrderIndexStore {

    private static final Comparator<IndexedOrder> NEWEST_FIRST = Comparator
            .comparing(IndexedOrder::createdAt).reversed()
            .thenComparing(IndexedOrder::orderId);

    private final Map<ShopMarketplace, Map<String, IndexedOrder>> orders = new HashMap<>();

    /** Creates an empty store. */
    public InMemoryOrderIndexStore() {}

    @Override
    public synchronized boolean upsert(IndexedOrder order) {
        Objects.requireNonNull(order, "order");
        Map<String, IndexedOrder> shopOrders = orders.computeIfAbsent(
                new ShopMarketplace(order.shopId(), order.marketplace()), k -> new LinkedHashMap<>());
        IndexedOrder known = shopOrders.get(order.orderId());
        shopOrders.put(order.orderId(), known == null ? order : known.seenAgain(order));
        return known == null;
    }

    @Override
    public synchronized int upsertAll(List<IndexedOrder> batch) {
        Objects.requireNonNull(batch, "orders");
        batch.forEach(order -> Objects.requireNonNull(order, "order"));
        int added = 0;
        for (IndexedOrder order : batch) {
            if (upsert(order)) {
                added++;
            }
        }
        return added;
    }

    @Override
    public synchronized Optional<IndexedOrder> find(ShopId shopId, Marketplace marketplace, String orderId) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(marketplace, "marketplace");
        Objects.requireNonNull(orderId, "order id");
        return Optional.ofNullable(orders.getOrDefault(new ShopMarketplace(shopId, marketplace), Map.of())
                .get(orderId.strip()));
    }

    @Override
    public synchronized List<IndexedOrder> lookup(ShopId shopId, Marketplace marketplace, String reference,
            int limit) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(marketplace, "marketplace");
        Objects.requireNonNull(reference, "reference");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        String ref = reference.strip();
        if (ref.isEmpty()) {
            return List.of();
        }
        return orders.getOrDefault(new ShopMarketplace(shopId, marketplace), Map.of()).values().stream()
                .filter(o -> ref.equals(o.orderId()) || ref.equals(o.rid()) || ref.equals(o.orderUid())
                        || ref.equals(o.sticker()))
                .sorted(NEWEST_FIRST)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized int purgeSeenBefore(ShopId shopId, Instant before) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(before, "before");
        int purged = 0;
        for (Map.Entry<ShopMarketplace, Map<String, IndexedOrder>> shop : orders.entrySet()) {
            if (!shop.getKey().shopId().equals(shopId)) {
                continue;
            }
            int size = shop.getValue().size();
            shop.getValue().values().removeIf(o -> o.seenAt().isBefore(before));
            purged += size - shop.getValue().size();
        }
        return purged;
    }

    private record ShopMarketplace(ShopId shopId, Marketplace marketplace) {}
}

package dev.aihq.agents.sales.selection;

import dev.aihq.api.ShopId;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.store.CatalogStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps each shop's {@link CatalogIndex} for a while, so that an event does not read and index a
 * 10,000-product catalog again: the index is rebuilt when it is older than the time to live, or when the
 * shop's settings changed (its relations, exclusions and commissions are part of the index). Stock and
 * prices may be that much behind; the outbox checks an offer against the live catalog before it goes
 * ({@code OfferRecheck}). Thread-safe; concurrent misses of one shop build once.
 */
public final class CatalogIndexCache {

    private record Cached(CatalogIndex index, ShopSettings settings, Instant expires) {}

    private final CatalogStore catalog;
    private final Duration ttl;
    private final Clock clock;
    private final ConcurrentHashMap<ShopId, Cached> cached = new ConcurrentHashMap<>();

    /**
     * Creates a cache.
     *
     * @param catalog where the catalogs are read
     * @param ttl how long an index serves, zero to build one per call
     * @param clock the clock
     */
    public CatalogIndexCache(CatalogStore catalog, Duration ttl, Clock clock) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("catalog index ttl must not be negative, got " + ttl);
        }
    }

    /**
     * Returns a shop's index, built now or at most the time to live ago with these settings.
     *
     * @param shopId the shop
     * @param settings its current settings
     * @return the index
     */
    public CatalogIndex get(ShopId shopId, ShopSettings settings) {
        Instant now = clock.instant();
        return cached.compute(shopId, (id, current) -> current != null && current.settings().equals(settings)
                && now.isBefore(current.expires()) ? current
                : new Cached(CatalogIndex.build(catalog.list(id), settings), settings, now.plus(ttl))).index();
    }
}

package dev.aihq.pipeline.memory;

import dev.aihq.api.ShopId;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.store.ShopStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.annotation.Nullable;

/**
 * A {@link ShopStore} that remembers what another one answered for a short time. Every event reads its
 * shop at the gate; with a database store that is one round trip per event, and shops change rarely.
 * A change saved through this store is seen at once by this instance; a change saved elsewhere (another
 * instance, an admin tool) is seen after at most {@code ttl}. Unknown shops are remembered too, so a
 * flood of events for a shop id that does not exist costs one read per {@code ttl}.
 */
public final class CachingShopStore implements ShopStore {

    private record Entry(Optional<Shop> shop, Instant expires) {}

    private final ShopStore delegate;
    private final Duration ttl;
    private final Clock clock;
    private final ConcurrentHashMap<ShopId, Entry> entries = new ConcurrentHashMap<>();

    /**
     * Wraps a store.
     *
     * @param delegate the store that holds the shops
     * @param ttl how long an answer is reused, positive
     * @param clock the clock
     */
    public CachingShopStore(ShopStore delegate, Duration ttl, Clock clock) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("cache ttl must be positive, got " + ttl);
        }
    }

    @Override
    public Optional<Shop> find(ShopId id) {
        Instant now = clock.instant();
        Entry entry = entries.get(id);
        if (entry != null && now.isBefore(entry.expires())) {
            return entry.shop();
        }
        Optional<Shop> shop = delegate.find(id);
        entries.put(id, new Entry(shop, now.plus(ttl)));
        return shop;
    }

    @Override
    public void save(Shop shop) {
        delegate.save(shop);
        entries.put(shop.id(), new Entry(Optional.of(shop), clock.instant().plus(ttl)));
    }

    /** Lists the shops of the wrapped store; lists are not cached. */
    @Override
    public List<ShopId> listIds(@Nullable ShopId after, int limit) {
        return delegate.listIds(after, limit);
    }

    /** Forgets every remembered answer, e.g. after shops were changed outside this instance. */
    public void invalidateAll() {
        entries.clear();
    }
}

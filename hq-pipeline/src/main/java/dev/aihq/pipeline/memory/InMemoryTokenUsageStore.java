package dev.aihq.pipeline.memory;

import dev.aihq.api.ShopId;
import dev.aihq.api.store.TokenUsageStore;
import java.time.LocalDate;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link TokenUsageStore} with one atomic counter per (shop, day). Thread-safe; counters are kept until
 * the store is dropped.
 */
public final class InMemoryTokenUsageStore implements TokenUsageStore {

    private final ConcurrentHashMap<Key, AtomicLong> totals = new ConcurrentHashMap<>();

    /** Creates an empty store. */
    public InMemoryTokenUsageStore() {}

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when {@code tokens} is negative
     */
    @Override
    public long add(ShopId shopId, LocalDate day, long tokens) {
        if (tokens < 0) {
            throw new IllegalArgumentException("tokens must not be negative, got " + tokens);
        }
        return totals.computeIfAbsent(new Key(shopId, day), k -> new AtomicLong()).addAndGet(tokens);
    }

    @Override
    public long used(ShopId shopId, LocalDate day) {
        AtomicLong total = totals.get(new Key(shopId, day));
        return total == null ? 0 : total.get();
    }

    private record Key(ShopId shopId, LocalDate day) {
        Key {
            Objects.requireNonNull(shopId, "shop id");
            Objects.requireNonNull(day, "day");
        }
    }
}

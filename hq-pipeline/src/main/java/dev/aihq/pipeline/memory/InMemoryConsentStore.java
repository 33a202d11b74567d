package dev.aihq.pipeline.memory;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.store.ConsentChange;
import dev.aihq.api.store.ConsentEvent;
import dev.aihq.api.store.ConsentRecord;
import dev.aihq.api.store.ConsentStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ConsentStore} in one concurrent map; each change is one atomic {@code compute} of the customer's
 * entry, so concurrent changes of one customer apply one after the other. Times are kept to the microsecond,
 * as in the JDBC stores. Thread-safe; nothing survives a restart.
 */
public final class InMemoryConsentStore implements ConsentStore {

    private record Key(ShopId shopId, PhoneNumber customer) {
        Key {
            Objects.requireNonNull(shopId, "shop id");
            Objects.requireNonNull(customer, "customer");
        }
    }

    private final ConcurrentHashMap<Key, ConsentRecord> records = new ConcurrentHashMap<>();

    /** Creates an empty store. */
    public InMemoryConsentStore() {}

    @Override
    public Optional<ConsentRecord> find(ShopId shopId, PhoneNumber customer) {
        return Optional.ofNullable(records.get(new Key(shopId, customer)));
    }

    @Override
    public ConsentChange apply(ShopId shopId, PhoneNumber customer, ConsentEvent event, Instant at, String source) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(at, "at");
        ConsentRecord.requireValidSource(source);
        Instant time = at.truncatedTo(ChronoUnit.MICROS);
        ConsentRecord[] before = new ConsentRecord[1];
        ConsentRecord after = records.compute(new Key(shopId, customer), (key, current) -> {
            ConsentRecord base = current != null ? current : ConsentRecord.unknown(shopId, customer);
            before[0] = base;
            ConsentRecord next = base.apply(event, time, source);
            return next == base && current == null ? null : next;
        });
        ConsentRecord result = after != null ? after : before[0];
        return new ConsentChange(before[0], result);
    }

    /**
     * Deletes a customer's record, for erasure.
     *
     * @return {@code true} when there was one
     */
    boolean erase(ShopId shopId, PhoneNumber customer) {
        return records.remove(new Key(shopId, customer)) != null;
    }
}

package dev.aihq.pipeline.memory;

import dev.aihq.api.ShopId;
import dev.aihq.api.store.EventJournal;
import dev.aihq.api.store.JournalEntry;
import dev.aihq.api.store.JournalResult;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link EventJournal} in a concurrent map keyed by (shop, idempotency key): an append is one
 * {@code putIfAbsent}, so of racing appends of one key exactly one wins and every other gets the winner's
 * entry. Thread-safe; entries are kept until the journal is dropped.
 */
public final class InMemoryEventJournal implements EventJournal {

    private final ConcurrentHashMap<Key, JournalEntry> entries = new ConcurrentHashMap<>();

    /** Creates an empty journal. */
    public InMemoryEventJournal() {}

    @Override
    public JournalResult append(JournalEntry entry) {
        Objects.requireNonNull(entry, "entry");
        JournalEntry first = entries.putIfAbsent(new Key(entry.shopId(), entry.idempotencyKey()), entry);
        return first == null ? new JournalResult(true, entry) : new JournalResult(false, first);
    }

    @Override
    public Optional<JournalEntry> find(ShopId shopId, String idempotencyKey) {
        return Optional.ofNullable(entries.get(new Key(shopId, idempotencyKey)));
    }

    /**
     * Returns how many entries the journal holds.
     *
     * @return the number of entries over all shops
     */
    public int size() {
        return entries.size();
    }

    private record Key(ShopId shopId, String idempotencyKey) {
        Key {
            Objects.requireNonNull(shopId, "shop id");
            Objects.requireNonNull(idempotencyKey, "idempotency key");
        }
    }
}

package dev.aihq.pipeline.memory;

import dev.aihq.api.ShopId;
import dev.aihq.api.store.Claims;
import dev.aihq.api.store.ErasedEvent;
import dev.aihq.api.store.EventJournal;
import dev.aihq.api.store.JournalEntry;
import dev.aihq.api.store.JournalResult;
import dev.aihq.api.store.RunLease;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * An {@link EventJournal} in a concurrent map keyed by (shop, idempotency key): an append is one
 * {@code putIfAbsent}, so of racing appends of one key exactly one wins and every other gets the winner's
 * entry. Unfinished entries are also kept in a second map, which claims scan; a lease changes atomically
 * per entry (inside the map's compute), so of racing claims each entry goes to one caller. Thread-safe; entries are kept until the journal
 * is dropped. Its leases live in this process only: it resumes runs of pipelines that stopped, not of a
 * process that died.
 */
public final class InMemoryEventJournal implements EventJournal {

    private static final Comparator<Slot> OLDEST_FIRST = Comparator.<Slot, Instant>comparing(s -> s.entry.receivedAt())
            .thenComparing(s -> s.entry.shopId().value()).thenComparing(s -> s.entry.idempotencyKey());

    private final ConcurrentHashMap<Key, Slot> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Key, Slot> unfinished = new ConcurrentHashMap<>();

    /** Creates an empty journal. */
    public InMemoryEventJournal() {}

    @Override
    public JournalResult append(JournalEntry entry, RunLease lease) {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(lease, "lease");
        Key key = new Key(entry.shopId(), entry.idempotencyKey());
        Slot slot = new Slot(entry, lease);
        Slot first = entries.putIfAbsent(key, slot);
        if (first != null) {
            return new JournalResult(false, first.entry);
        }
        // Nothing can finish or renew the entry before this append returns; a claim meanwhile just misses it.
        unfinished.put(key, slot);
        return new JournalResult(true, entry);
    }

    @Override
    public Optional<JournalEntry> find(ShopId shopId, String idempotencyKey) {
        Slot slot = entries.get(new Key(shopId, idempotencyKey));
        return slot == null ? Optional.empty() : Optional.of(slot.entry);
    }

    @Override
    public void markFinished(ShopId shopId, String idempotencyKey, Instant at) {
        Objects.requireNonNull(at, "at");
        unfinished.remove(new Key(shopId, idempotencyKey));
    }

    @Override
    public List<JournalEntry> claimExpired(Instant now, int max, String worker, Duration lease,
            Collection<String> eventTypePrefixes) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(lease, "lease");
        List<String> prefixes = List.copyOf(eventTypePrefixes);
        Claims.requireValid(max, lease);
        if (prefixes.isEmpty()) {
            return List.of();
        }
        RunLease claim = new RunLease(worker, now.plus(lease));
        List<Slot> expired = new ArrayList<>();
        for (Slot slot : unfinished.values()) {
            if (!slot.lease.until().isAfter(now) && prefixes.stream().anyMatch(slot.entry.eventType()::startsWith)) {
                expired.add(slot);
            }
        }
        expired.sort(OLDEST_FIRST);
        List<JournalEntry> claimed = new ArrayList<>(Math.min(max, expired.size()));
        for (Slot candidate : expired) {
            if (claimed.size() == max) {
                break;
            }
            // Per-entry atomic: of concurrent claimers one moves the lease, the others see it unexpired; a
            // run finished meanwhile is gone from the map and not claimed.
            Key key = new Key(candidate.entry.shopId(), candidate.entry.idempotencyKey());
            unfinished.computeIfPresent(key, (k, slot) -> {
                if (slot == candidate && !slot.lease.until().isAfter(now)) {
                    slot.lease = claim;
                    slot.entry = slot.entry.claimedAgain();
                    claimed.add(slot.entry);
                }
                return slot;
            });
        }
        return List.copyOf(claimed);
    }

    @Override
    public boolean renewLease(ShopId shopId, String idempotencyKey, RunLease lease) {
        Objects.requireNonNull(lease, "lease");
        boolean[] renewed = {false};
        unfinished.computeIfPresent(new Key(shopId, idempotencyKey), (k, slot) -> {
            if (slot.lease.worker().equals(lease.worker())) {
                slot.lease = lease;
                renewed[0] = true;
            }
            return slot;
        });
        return renewed[0];
    }

    /**
     * Returns how many entries the journal holds.
     *
     * @return the number of entries over all shops
     */
    public int size() {
        return entries.size();
    }

    /**
     * Returns how many entries are not finished: runs in flight, or lost and waiting to be resumed.
     *
     * @return the number of unfinished entries over all shops
     */
    public int unfinishedCount() {
        return unfinished.size();
    }

    /**
     * Erases the payload of a shop's entries that a test accepts: each becomes an {@link ErasedEvent}
     * under the same key, run and time, and is finished (never claimed again). Entries erased before are
     * left alone.
     *
     * @return the entries as they were before erasure
     */
    List<JournalEntry> erase(ShopId shopId, Predicate<JournalEntry> mentions) {
        List<JournalEntry> erased = new ArrayList<>();
        for (Key key : entries.keySet()) {
            if (!key.shopId().equals(shopId)) {
                continue;
            }
            Slot slot = entries.get(key);
            if (slot == null || slot.entry.event() instanceof ErasedEvent || !mentions.test(slot.entry)) {
                continue;
            }
            unfinished.remove(key);
            if (replace(key, slot)) {
                erased.add(slot.entry);
            }
        }
        return erased;
    }

    /**
     * Erases the payload of a shop's finished entries received before a time, as {@link #erase} does.
     *
     * @return how many entries were erased now
     */
    int purgeBefore(ShopId shopId, Instant before) {
        int purged = 0;
        for (Key key : entries.keySet()) {
            Slot slot = entries.get(key);
            if (!key.shopId().equals(shopId) || slot == null || unfinished.containsKey(key)
                    || slot.entry.event() instanceof ErasedEvent || !slot.entry.receivedAt().isBefore(before)) {
                continue;
            }
            if (replace(key, slot)) {
                purged++;
            }
        }
        return purged;
    }

    /** Replaces a slot's entry by its erased form, unless the slot changed meanwhile. */
    private boolean replace(Key key, Slot slot) {
        JournalEntry entry = slot.entry;
        JournalEntry erased = new JournalEntry(entry.shopId(), entry.idempotencyKey(), entry.eventType(), entry.runId(),
                entry.receivedAt(), new ErasedEvent(entry.shopId(), entry.eventType(), entry.receivedAt(),
                        entry.idempotencyKey()), entry.attempts());
        return entries.replace(key, slot, new Slot(erased, slot.lease));
    }

    private record Key(ShopId shopId, String idempotencyKey) {
        Key {
            Objects.requireNonNull(shopId, "shop id");
            Objects.requireNonNull(idempotencyKey, "idempotency key");
        }
    }

    /** An entry with its lease, which changes under the journal's lock. */
    private static final class Slot {
        volatile JournalEntry entry;
        volatile RunLease lease;

        Slot(JournalEntry entry, RunLease lease) {
            this.entry = entry;
            this.lease = lease;
        }
    }
}

package dev.aihq.pipeline.memory;

import dev.aihq.api.ShopId;
import dev.aihq.api.result.RunId;
import dev.aihq.api.result.RunOutcome;
import dev.aihq.api.store.RunLog;
import dev.aihq.api.store.RunRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link RunLog} holding each shop's runs in a concurrent map plus an index sorted by start time.
 *
 * <p>Memory is bounded: each shop keeps at most {@code maxRecordsPerShop} runs (by default
 * {@value #DEFAULT_MAX_RECORDS_PER_SHOP}); saving a new run beyond that evicts the shop's runs that started
 * earliest, so a long benchmark or demo does not exhaust the heap. An evicted run is no longer found. Under
 * concurrent saves a shop may hold a few more runs than the limit for a moment. Thread-safe; nothing
 * survives a restart.
 */
public final class InMemoryRunLog implements RunLog {

    /** How many runs per shop are kept when no limit is given. */
    public static final int DEFAULT_MAX_RECORDS_PER_SHOP = 100_000;

    private static final Comparator<Slot> BY_START =
            Comparator.comparing(Slot::startedAt).thenComparingLong(Slot::sequence);
    private static final Comparator<RunRecord> NEWEST_FIRST = Comparator.comparing(RunRecord::startedAt)
            .thenComparing(r -> r.runId().value()).reversed();

    private final int maxRecordsPerShop;
    private final ConcurrentHashMap<ShopId, ShopRuns> shops = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    /** Creates an empty run log keeping {@value #DEFAULT_MAX_RECORDS_PER_SHOP} runs per shop. */
    public InMemoryRunLog() {
        this(DEFAULT_MAX_RECORDS_PER_SHOP);
    }

    /**
     * Creates an empty run log with a retention limit.
     *
     * @param maxRecordsPerShop how many runs to keep per shop, at least 1; older ones are evicted
     */
    public InMemoryRunLog(int maxRecordsPerShop) {
        if (maxRecordsPerShop < 1) {
            throw new IllegalArgumentException("must keep at least 1 run per shop, got " + maxRecordsPerShop);
        }
        this.maxRecordsPerShop = maxRecordsPerShop;
    }

    /**
     * Returns how many runs per shop are kept.
     *
     * @return the limit
     */
    public int maxRecordsPerShop() {
        return maxRecordsPerShop;
    }

    @Override
    public void save(RunRecord record) {
        Objects.requireNonNull(record, "record");
        ShopRuns runs = shops.computeIfAbsent(record.shopId(), id -> new ShopRuns());
        runs.byId.compute(record.runId(), (runId, held) -> {
            Slot slot;
            if (held == null) {
                slot = new Slot(record.startedAt(), sequence.incrementAndGet(), runId);
                runs.byStart.add(slot);
            } else if (!held.slot().startedAt().equals(record.startedAt())) {
                runs.byStart.remove(held.slot());
                slot = new Slot(record.startedAt(), held.slot().sequence(), runId);
                runs.byStart.add(slot);
            } else {
                slot = held.slot();
            }
            return new Held(record, slot);
        });
        evictBeyondLimit(runs);
    }

    @Override
    public Optional<RunRecord> find(ShopId shopId, RunId runId) {
        Objects.requireNonNull(runId, "run id");
        ShopRuns runs = shops.get(Objects.requireNonNull(shopId, "shop id"));
        Held held = runs == null ? null : runs.byId.get(runId);
        return held == null ? Optional.empty() : Optional.of(held.record());
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when {@code limit} is below 1
     */
    @Override
    public List<RunRecord> recent(ShopId shopId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        ShopRuns runs = shops.get(Objects.requireNonNull(shopId, "shop id"));
        if (runs == null) {
            return List.of();
        }
        List<RunRecord> newest = new ArrayList<>(Math.min(limit, 64));
        Iterator<Slot> slots = runs.byStart.descendingIterator();
        while (slots.hasNext() && newest.size() < limit) {
            Slot slot = slots.next();
            Held held = runs.byId.get(slot.runId());
            if (held != null && held.slot().equals(slot)) {
                newest.add(held.record());
            }
        }
        return List.copyOf(newest);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Walks the shop's runs from the newest start on and stops once it has {@code limit} matches and has
     * passed their earliest start time, so that runs started at the same instant are ordered by run id.
     *
     * @throws IllegalArgumentException when {@code limit} is below 1
     */
    @Override
    public List<RunRecord> withOutcome(ShopId shopId, RunOutcome outcome, int limit) {
        Objects.requireNonNull(outcome, "outcome");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        ShopRuns runs = shops.get(Objects.requireNonNull(shopId, "shop id"));
        if (runs == null) {
            return List.of();
        }
        List<RunRecord> matches = new ArrayList<>();
        Iterator<Slot> slots = runs.byStart.descendingIterator();
        while (slots.hasNext()) {
            Slot slot = slots.next();
            if (matches.size() >= limit && slot.startedAt().isBefore(matches.get(matches.size() - 1).startedAt())) {
                break;
            }
            Held held = runs.byId.get(slot.runId());
            if (held != null && held.slot().equals(slot) && held.record().outcome() == outcome) {
                matches.add(held.record());
            }
        }
        matches.sort(NEWEST_FIRST);
        return List.copyOf(matches.subList(0, Math.min(limit, matches.size())));
    }

    @Override
    public boolean replaceIf(RunOutcome expected, RunRecord record) {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(record, "record");
        ShopRuns runs = shops.get(record.shopId());
        if (runs == null) {
            return false;
        }
        AtomicBoolean replaced = new AtomicBoolean();
        runs.byId.computeIfPresent(record.runId(), (runId, held) -> {
            if (held.record().outcome() != expected) {
                return held;
            }
            replaced.set(true);
            if (held.slot().startedAt().equals(record.startedAt())) {
                return new Held(record, held.slot());
            }
            runs.byStart.remove(held.slot());
            Slot slot = new Slot(record.startedAt(), held.slot().sequence(), runId);
            runs.byStart.add(slot);
            return new Held(record, slot);
        });
        return replaced.get();
    }

    /** Returns every run a shop holds, in no particular order; for erasure and retention. */
    List<RunRecord> all(ShopId shopId) {
        ShopRuns runs = shops.get(shopId);
        return runs == null ? List.of() : runs.byId.values().stream().map(Held::record).toList();
    }

    private void evictBeyondLimit(ShopRuns runs) {
        while (runs.byId.size() > maxRecordsPerShop) {
            Slot oldest = runs.byStart.pollFirst();
            if (oldest == null) {
                return;
            }
            runs.byId.computeIfPresent(oldest.runId(), (runId, held) -> held.slot().equals(oldest) ? null : held);
        }
    }

    private static final class ShopRuns {
        final ConcurrentHashMap<RunId, Held> byId = new ConcurrentHashMap<>();
        final ConcurrentSkipListSet<Slot> byStart = new ConcurrentSkipListSet<>(BY_START);
    }

    private record Slot(Instant startedAt, long sequence, RunId runId) {}

    private record Held(RunRecord record, Slot slot) {}
}

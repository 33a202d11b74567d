package dev.aihq.pipeline.memory;

import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.api.store.LedgerEntry;
import dev.aihq.api.store.LedgerEntryKind;
import dev.aihq.api.store.LedgerStore;
import dev.aihq.api.store.LedgerTotal;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link LedgerStore} with one map of entries per shop, keyed by entry key. Totals are added up on each
 * call. Thread-safe (every method is synchronized, so {@link #recordAll} is all or nothing); nothing survives
 * a restart.
 */
public final class InMemoryLedgerStore implements LedgerStore {

    private static final Comparator<LedgerTotal> ORDER = Comparator
            .comparing((LedgerTotal t) -> t.sku() == null ? "" : t.sku().value())
            .thenComparing(t -> t.sku() != null)
            .thenComparing(LedgerTotal::kind)
            .thenComparing(t -> t.currency().getCurrencyCode());

    private final Map<ShopId, Map<String, LedgerEntry>> byShop = new HashMap<>();

    /** Creates an empty store. */
    public InMemoryLedgerStore() {}

    @Override
    public synchronized boolean record(LedgerEntry entry) {
        Objects.requireNonNull(entry, "entry");
        return byShop.computeIfAbsent(entry.shopId(), k -> new LinkedHashMap<>()).putIfAbsent(entry.key(), entry)
                == null;
    }

    @Override
    public synchronized int recordAll(List<LedgerEntry> entries) {
        Map<String, LedgerEntry> batch = new LinkedHashMap<>();
        for (LedgerEntry entry : entries) {
            LedgerEntry earlier = batch.putIfAbsent(entry.shopId().value() + "\u0000" + entry.key(), entry);
            if (earlier != null && !earlier.equals(entry)) {
                throw new IllegalArgumentException("two different ledger entries share shop " + entry.shopId()
                        + " and key " + entry.key());
            }
        }
        int added = 0;
        for (LedgerEntry entry : batch.values()) {
            if (record(entry)) {
                added++;
            }
        }
        return added;
    }

    @Override
    public synchronized Optional<LedgerEntry> find(ShopId shopId, String key) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(key, "key");
        return Optional.ofNullable(byShop.getOrDefault(shopId, Map.of()).get(key));
    }

    @Override
    public synchronized List<LedgerTotal> totals(ShopId shopId, Instant from, Instant to) {
        requireRange(shopId, from, to);
        Map<List<Object>, BigDecimal[]> sums = new LinkedHashMap<>();
        Map<List<Object>, long[]> counts = new HashMap<>();
        for (LedgerEntry entry : byShop.getOrDefault(shopId, Map.of()).values()) {
            if (entry.occurredAt().isBefore(from) || !entry.occurredAt().isBefore(to)) {
                continue;
            }
            List<Object> group = new ArrayList<>(3);
            group.add(entry.sku() == null ? "" : entry.sku().value());
            group.add(entry.kind());
            group.add(entry.amount().currency());
            BigDecimal[] sum = sums.computeIfAbsent(group, g -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sum[0] = sum[0].add(entry.quantity());
            sum[1] = sum[1].add(entry.amount().amount());
            counts.computeIfAbsent(group, g -> new long[1])[0]++;
        }
        List<LedgerTotal> totals = new ArrayList<>(sums.size());
        sums.forEach((group, sum) -> {
            String sku = (String) group.get(0);
            totals.add(new LedgerTotal(sku.isEmpty() ? null : Sku.of(sku), (LedgerEntryKind) group.get(1),
                    (Currency) group.get(2), sum[0], sum[1], counts.get(group)[0]));
        });
        totals.sort(ORDER);
        return List.copyOf(totals);
    }

    @Override
    public synchronized List<LedgerEntry> entries(ShopId shopId, Instant from, Instant to, int limit) {
        requireRange(shopId, from, to);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return byShop.getOrDefault(shopId, Map.of()).values().stream()
                .filter(e -> !e.occurredAt().isBefore(from) && e.occurredAt().isBefore(to))
                .sorted(Comparator.comparing(LedgerEntry::occurredAt).thenComparing(LedgerEntry::key))
                .limit(limit)
                .toList();
    }

    private static void requireRange(ShopId shopId, Instant from, Instant to) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends (" + to + ") before it starts (" + from + ")");
        }
    }
}

package dev.aihq.imports.bank;

import dev.aihq.api.ShopId;
import dev.aihq.api.store.LedgerEntry;
import dev.aihq.api.store.LedgerStore;
import dev.aihq.api.store.LedgerTotal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A ledger that passes everything on and remembers the largest batch it was given. */
final class BatchWatchingLedger implements LedgerStore {

    private final LedgerStore delegate;
    int largestBatch;

    BatchWatchingLedger(LedgerStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean record(LedgerEntry entry) {
        largestBatch = Math.max(largestBatch, 1);
        return delegate.record(entry);
    }

    @Override
    public int recordAll(List<LedgerEntry> entries) {
        largestBatch = Math.max(largestBatch, entries.size());
        return delegate.recordAll(entries);
    }

    @Override
    public Optional<LedgerEntry> find(ShopId shopId, String key) {
        return delegate.find(shopId, key);
    }

    @Override
    public List<LedgerTotal> totals(ShopId shopId, Instant from, Instant to) {
        return delegate.totals(shopId, from, to);
    }

    @Override
    public List<LedgerEntry> entries(ShopId shopId, Instant from, Instant to, int limit) {
        return delegate.entries(shopId, from, to, limit);
    }
}

package dev.aihq.testkit;

import dev.aihq.api.ShopId;
import dev.aihq.api.store.LedgerEntry;
import dev.aihq.api.store.LedgerStore;
import dev.aihq.api.store.LedgerTotal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link LedgerStore} that hands every call to another one: extend it and override the calls a test or a
 * benchmark watches, e.g. counting {@code recordAll} batches or timing {@code totals}.
 */
public class ForwardingLedgerStore implements LedgerStore {

    private final LedgerStore delegate;

    /**
     * Forwards to a ledger.
     *
     * @param delegate the ledger that does the work
     */
    public ForwardingLedgerStore(LedgerStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public boolean record(LedgerEntry entry) {
        return delegate.record(entry);
    }

    @Override
    public int recordAll(List<LedgerEntry> entries) {
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

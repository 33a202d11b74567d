package dev.aihq.imports.bank;

import dev.aihq.api.store.LedgerEntry;
import dev.aihq.api.store.LedgerStore;
import dev.aihq.testkit.ForwardingLedgerStore;
import java.util.List;

/** A ledger that passes everything on and remembers the largest batch it was given. */
final class BatchWatchingLedger extends ForwardingLedgerStore {

    int largestBatch;

    BatchWatchingLedger(LedgerStore delegate) {
        super(delegate);
    }

    @Override
    public boolean record(LedgerEntry entry) {
        largestBatch = Math.max(largestBatch, 1);
        return super.record(entry);
    }

    @Override
    public int recordAll(List<LedgerEntry> entries) {
        largestBatch = Math.max(largestBatch, entries.size());
        return super.recordAll(entries);
    }
}

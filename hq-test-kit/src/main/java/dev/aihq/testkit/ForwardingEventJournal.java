package dev.aihq.testkit;

import dev.aihq.api.ShopId;
import dev.aihq.api.store.EventJournal;
import dev.aihq.api.store.JournalEntry;
import dev.aihq.api.store.JournalResult;
import dev.aihq.api.store.RunLease;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@link EventJournal} that hands every call to another one: extend it and override the calls a test
 * watches or makes fail, e.g. a journal whose {@code markFinished} throws.
 */
public class ForwardingEventJournal implements EventJournal {

    private final EventJournal delegate;

    /**
     * Forwards to a journal.
     *
     * @param delegate the journal that does the work
     */
    public ForwardingEventJournal(EventJournal delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public JournalResult append(JournalEntry entry, RunLease lease) {
        return delegate.append(entry, lease);
    }

    @Override
    public Optional<JournalEntry> find(ShopId shopId, String idempotencyKey) {
        return delegate.find(shopId, idempotencyKey);
    }

    @Override
    public void markFinished(ShopId shopId, String idempotencyKey, Instant at) {
        delegate.markFinished(shopId, idempotencyKey, at);
    }

    @Override
    public List<JournalEntry> claimExpired(Instant now, int max, String worker, Duration lease,
            Collection<String> eventTypePrefixes) {
        return delegate.claimExpired(now, max, worker, lease, eventTypePrefixes);
    }

    @Override
    public boolean renewLease(ShopId shopId, String idempotencyKey, RunLease lease) {
        return delegate.renewLease(shopId, idempotencyKey, lease);
    }
}

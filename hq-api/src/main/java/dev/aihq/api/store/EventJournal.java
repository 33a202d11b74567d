package dev.aihq.api.store;

import dev.aihq.api.ShopId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The event journal: every event is saved before work starts, once per (shop, idempotency key).
 * Thread-safe and atomic: of two concurrent appends with the same key exactly one is {@code appended}.
 *
 * <p>No run is lost: a new entry is stored <em>unfinished</em>, held by the appending worker's
 * {@link RunLease}. When its run ends the pipeline calls {@link #markFinished}; an entry still unfinished
 * when its lease expires belongs to a run whose process died (or was stopped before the run ended), and
 * {@link #claimExpired} hands it to exactly one worker, which runs it again under the same run id. A
 * worker still running an entry keeps its lease with {@link #renewLease}. Claims see every shop: they are
 * the work of the application's instances, not of a tenant.
 */
public interface EventJournal {

    /**
     * Saves the entry unless its key is already journaled for its shop. A new entry is stored unfinished
     * and held by {@code lease}; a duplicate changes nothing, not even the first entry's lease.
     *
     * @param entry the entry
     * @param lease the appending worker's lease on the new run
     * @return whether it was appended, and the stored entry (the first one for a duplicate)
     */
    JournalResult append(JournalEntry entry, RunLease lease);

    /**
     * Finds an entry by key.
     *
     * @param shopId the shop
     * @param idempotencyKey the key
     * @return the entry, or empty
     */
    Optional<JournalEntry> find(ShopId shopId, String idempotencyKey);

    /**
     * Records that the entry's run ended, however it ended: the entry is never claimed again. Idempotent:
     * the first finish time is kept, and an unknown key is ignored.
     *
     * @param shopId the shop
     * @param idempotencyKey the key
     * @param at when the run ended
     */
    void markFinished(ShopId shopId, String idempotencyKey, Instant at);

    /**
     * Claims unfinished entries whose lease has expired ({@code until <= now}) and whose event type starts
     * with one of the prefixes, over all shops, oldest received first. Each claimed entry's lease moves to
     * {@code worker} until {@code now + lease}, so that of concurrent callers, in this process or in other
     * instances on the same store, each entry goes to exactly one; and its
     * {@linkplain JournalEntry#attempts() attempts} grow by one, which the returned entries carry.
     *
     * @param now the current time
     * @param max the most to claim, at least 1
     * @param worker the claiming worker's name, as in {@link RunLease#worker()}
     * @param lease how long the claim holds, positive
     * @param eventTypePrefixes the event types to claim, by prefix (e.g. {@code purchase} or
     *     {@code finance.}); none claims nothing, and the empty prefix matches every type
     * @return the claimed entries, oldest received first
     * @throws IllegalArgumentException when {@code max} is below 1 or the lease is not positive
     */
    List<JournalEntry> claimExpired(Instant now, int max, String worker, Duration lease,
            Collection<String> eventTypePrefixes);

    /**
     * Extends a lease while its run goes on, so that a long run is not resumed by another worker. Only the
     * worker holding the entry can renew it, and only while the entry is unfinished.
     *
     * @param shopId the shop
     * @param idempotencyKey the key
     * @param lease the holder and the new expiry time
     * @return {@code true} when renewed; {@code false} when the entry is unknown, finished or held by
     *     another worker (it was claimed after this worker's lease expired)
     */
    boolean renewLease(ShopId shopId, String idempotencyKey, RunLease lease);
}

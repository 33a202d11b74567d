package dev.aihq.api.store;

import dev.aihq.api.ShopId;
import java.util.Optional;

/**
 * The event journal: every event is saved before work starts, once per (shop, idempotency key).
 * Thread-safe and atomic: of two concurrent appends with the same key exactly one is {@code appended}.
 */
public interface EventJournal {

    /**
     * Saves the entry unless its key is already journaled for its shop.
     *
     * @param entry the entry
     * @return whether it was appended, and the stored entry (the first one for a duplicate)
     */
    JournalResult append(JournalEntry entry);

    /**
     * Finds an entry by key.
     *
     * @param shopId the shop
     * @param idempotencyKey the key
     * @return the entry, or empty
     */
    Optional<JournalEntry> find(ShopId shopId, String idempotencyKey);
}

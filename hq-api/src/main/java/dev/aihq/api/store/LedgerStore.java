package dev.aihq.api.store;

import dev.aihq.api.ShopId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The shop's money movements for the accountant: sales recorded by the purchase pipeline, returns and
 * cancellations, and the actual costs that imports and marketplace finance reports bring. Each entry is
 * kept once per (shop, key); the calculator reads sums per product, kind and currency
 * ({@link #totals}), which a database computes itself. Entries name no customer, so erasure leaves them
 * alone and a month's figures never change when a customer is forgotten. Thread-safe.
 */
public interface LedgerStore {

    /**
     * Records an entry once per (shop, key); recording the same key again keeps the first.
     *
     * @param entry the entry
     * @return {@code true} when it was new
     * @throws dev.aihq.api.error.StoreException when the storage fails
     */
    boolean record(LedgerEntry entry);

    /**
     * Records several entries, each once per (shop, key), in one transaction where the store has them:
     * all of them are written or none. Entries whose key exists are skipped.
     *
     * @param entries the entries, of any shops
     * @return how many were new
     * @throws IllegalArgumentException when two entries of the list share a shop and key but differ
     * @throws dev.aihq.api.error.StoreException when the storage fails; nothing is written then, where the
     *     store has transactions
     */
    int recordAll(List<LedgerEntry> entries);

    /**
     * Finds one entry by its key, e.g. to tell whether an order's sale was recorded, or reversed already.
     *
     * @param shopId the shop
     * @param key the entry's key
     * @return the entry, or empty when the shop has none with that key
     * @throws dev.aihq.api.error.StoreException when the storage fails
     */
    Optional<LedgerEntry> find(ShopId shopId, String key);

    /**
     * Adds up a shop's entries with {@code from <= occurredAt < to}, per product, kind and currency.
     *
     * @param shopId the shop; no other shop's entries count
     * @param from the start, inclusive
     * @param to the end, exclusive
     * @return the totals, ordered by SKU (shop-wide ones, without a SKU, first), then kind, then currency
     * @throws IllegalArgumentException when {@code to} is before {@code from}
     */
    List<LedgerTotal> totals(ShopId shopId, Instant from, Instant to);

    /**
     * Lists a shop's entries of a time range, oldest first, for an audit trail of a report's figures.
     *
     * @param shopId the shop
     * @param from the start, inclusive
     * @param to the end, exclusive
     * @param limit the most to return, at least 1
     * @return the entries, by time then key
     * @throws IllegalArgumentException when {@code to} is before {@code from} or {@code limit} is below 1
     */
    List<LedgerEntry> entries(ShopId shopId, Instant from, Instant to, int limit);
}

package dev.aihq.api.store;

import dev.aihq.api.ShopId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The shops' legal cases: each legal event with its assessment, and the answers the marketplace gave later. The
 * legal agent reads a shop's recent cases as its fine history (repeat rules, account-level ladders) and shows the
 * earlier answers in the next assessment. Cases name no customer's phone, so erasure of a customer leaves them
 * alone. Thread-safe.
 */
public interface LegalCaseStore {

    /**
     * Saves a case: inserts it, or replaces the case of the same (shop, key) with a newer assessment, keeping its
     * answers. A rerun of an event therefore never makes a second case.
     *
     * @param legalCase the case
     * @return {@code true} when the case was new
     * @throws dev.aihq.api.error.StoreException when the storage fails
     */
    boolean save(LegalCase legalCase);

    /**
     * Finds a case by its key.
     *
     * @param shopId the shop
     * @param key the event's idempotency key
     * @return the case, or empty when the shop has none with that key
     * @throws dev.aihq.api.error.StoreException when the storage fails
     */
    Optional<LegalCase> find(ShopId shopId, String key);

    /**
     * Lists a shop's cases applied within a time range, newest first: the fine history.
     *
     * @param shopId the shop; no other shop's cases are returned
     * @param from the start of {@link LegalCase#appliedAt()}, inclusive
     * @param to the end, exclusive
     * @param limit the most to return, at least 1
     * @return the cases, by {@code appliedAt} descending, then key
     * @throws IllegalArgumentException when {@code to} is before {@code from} or {@code limit} is below 1
     * @throws dev.aihq.api.error.StoreException when the storage fails
     */
    List<LegalCase> history(ShopId shopId, Instant from, Instant to, int limit);

    /**
     * Records the marketplace's answer to a case, once per (shop, case, answer key); recording the same key
     * again keeps the first.
     *
     * @param shopId the shop
     * @param caseKey the case's key
     * @param answer the answer
     * @return {@code true} when the answer was new
     * @throws IllegalArgumentException when the shop has no case with that key
     * @throws dev.aihq.api.error.StoreException when the storage fails
     */
    boolean addAnswer(ShopId shopId, String caseKey, MarketplaceAnswer answer);

    /**
     * Lists a case's answers, oldest first.
     *
     * @param shopId the shop
     * @param caseKey the case's key
     * @return the answers by {@code receivedAt}, then key; empty when there are none or no such case
     * @throws dev.aihq.api.error.StoreException when the storage fails
     */
    List<MarketplaceAnswer> answers(ShopId shopId, String caseKey);
}

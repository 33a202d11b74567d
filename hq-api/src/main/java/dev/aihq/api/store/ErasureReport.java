package dev.aihq.api.store;

import dev.aihq.api.ShopId;
import java.time.Instant;
import java.util.Objects;

/**
 * What {@link PersonalDataStore#erase} did, per kind of data. Holds no personal data itself, so it may be
 * logged or kept as the record that an erasure request was carried out.
 *
 * @param shopId the shop
 * @param at when the customer was erased
 * @param journalEntries journaled events whose payload was erased (their keys stay)
 * @param purchases purchases made anonymous (their totals stay)
 * @param runs run records cleaned of the customer
 * @param outboxMessages outbox messages to the customer deleted, or cleaned when they mentioned them
 * @param conversationMessages conversation messages deleted, or cleaned when they mentioned the customer
 * @param consentRecords consent records deleted (the customer's record in the shop)
 */
public record ErasureReport(
        ShopId shopId,
        Instant at,
        int journalEntries,
        int purchases,
        int runs,
        int outboxMessages,
        int conversationMessages,
        int consentRecords) {

    /** Requires the shop and time, and counts that are not negative. */
    public ErasureReport {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(at, "at");
        PurgeReport.requireCount("journal entries", journalEntries);
        PurgeReport.requireCount("purchases", purchases);
        PurgeReport.requireCount("runs", runs);
        PurgeReport.requireCount("outbox messages", outboxMessages);
        PurgeReport.requireCount("conversation messages", conversationMessages);
        PurgeReport.requireCount("consent records", consentRecords);
    }

    /**
     * A report without consent records, as before consent was stored.
     *
     * @param shopId the shop
     * @param at when
     * @param journalEntries journal entries erased
     * @param purchases purchases anonymised
     * @param runs runs cleaned
     * @param outboxMessages outbox messages deleted or cleaned
     * @param conversationMessages conversation messages deleted or cleaned
     */
    public ErasureReport(ShopId shopId, Instant at, int journalEntries, int purchases, int runs, int outboxMessages,
            int conversationMessages) {
        this(shopId, at, journalEntries, purchases, runs, outboxMessages, conversationMessages, 0);
    }

    /**
     * Returns how many stored items were changed or deleted in all.
     *
     * @return the sum of the counts; 0 when nothing of the customer was found (they are suppressed anyway)
     */
    public int total() {
        return journalEntries + purchases + runs + outboxMessages + conversationMessages + consentRecords;
    }
}

package dev.aihq.api.store;

import dev.aihq.api.ShopId;
import java.time.Instant;
import java.util.Objects;

/**
 * What {@link PersonalDataStore#purgeBefore} did for one shop, per kind of data.
 *
 * @param shopId the shop
 * @param before the cutoff: data strictly older was purged
 * @param journalEntries finished journal entries whose payload was blanked (their keys stay)
 * @param runs finished runs whose result, agent trace and stages were blanked (id, outcome, reason and
 *     times stay)
 * @param outboxMessages finished (sent, failed, cancelled) outbox messages deleted
 * @param conversationMessages conversation messages deleted
 */
public record PurgeReport(
        ShopId shopId,
        Instant before,
        int journalEntries,
        int runs,
        int outboxMessages,
        int conversationMessages) {

    /** Requires the shop and cutoff, and counts that are not negative. */
    public PurgeReport {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(before, "before");
        requireCount("journal entries", journalEntries);
        requireCount("runs", runs);
        requireCount("outbox messages", outboxMessages);
        requireCount("conversation messages", conversationMessages);
    }

    /**
     * Returns how many stored items were blanked or deleted in all.
     *
     * @return the sum of the counts
     */
    public int total() {
        return journalEntries + runs + outboxMessages + conversationMessages;
    }

    static void requireCount(String name, int count) {
        if (count < 0) {
            throw new IllegalArgumentException(name + " must not be negative, got " + count);
        }
    }
}

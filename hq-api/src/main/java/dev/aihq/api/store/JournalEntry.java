package dev.aihq.api.store;

import dev.aihq.api.ShopId;
import dev.aihq.api.event.HqEvent;
import dev.aihq.api.result.RunId;
import java.time.Instant;
import java.util.Objects;

/**
 * An event as journaled before any work is done on it.
 *
 * @param shopId the shop
 * @param idempotencyKey the event's key, unique within the shop
 * @param eventType the event's {@link HqEvent#type()}
 * @param runId the run that handles it
 * @param receivedAt when it was journaled
 * @param event the event itself; an {@link ErasedEvent} once the payload was erased or purged for retention
 *     ({@link PersonalDataStore})
 * @param attempts how many times its run was started: 1 when journaled, one more each time a worker
 *     claimed it after its lease expired ({@link EventJournal#claimExpired})
 */
public record JournalEntry(
        ShopId shopId, String idempotencyKey, String eventType, RunId runId, Instant receivedAt, HqEvent event,
        int attempts) {

    /** Requires every part, a matching shop and at least one attempt. */
    public JournalEntry {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(idempotencyKey, "idempotency key");
        Objects.requireNonNull(eventType, "event type");
        Objects.requireNonNull(runId, "run id");
        Objects.requireNonNull(receivedAt, "received at");
        Objects.requireNonNull(event, "event");
        if (!event.shopId().equals(shopId)) {
            throw new IllegalArgumentException("journal entry shop " + shopId + " differs from event shop "
                    + event.shopId());
        }
    }

    /**
     * An entry whose run was started once: as journaled.
     *
     * @param shopId the shop
     * @param idempotencyKey the event's key
     * @param eventType the event's type
     * @param runId the run that handles it
     * @param receivedAt when it was journaled
     * @param event the event
     */
    public JournalEntry(ShopId shopId, String idempotencyKey, String eventType, RunId runId, Instant receivedAt,
            HqEvent event) {
        this(shopId, idempotencyKey, eventType, runId, receivedAt, event, 1);
    }

    /**
     * Returns this entry as claimed once more.
     *
     * @return the entry with one attempt more
     */
    public JournalEntry claimedAgain() {
        return new JournalEntry(shopId, idempotencyKey, eventType, runId, receivedAt, event, attempts + 1);
    }

    /**
     * Creates the entry for an event.
     *
     * @param event the event
     * @param runId the run handling it
     * @param receivedAt when it was received
     * @return the entry
     */
    public static JournalEntry of(HqEvent event, RunId runId, Instant receivedAt) {
        return new JournalEntry(event.shopId(), event.idempotencyKey(), event.type(), runId, receivedAt, event);
    }
}

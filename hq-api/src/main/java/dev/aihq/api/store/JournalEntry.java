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
 */
public record JournalEntry(
        ShopId shopId, String idempotencyKey, String eventType, RunId runId, Instant receivedAt, HqEvent event) {

    /** Requires every part and a matching shop. */
    public JournalEntry {
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

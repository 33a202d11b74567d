package dev.aihq.api.store;

import dev.aihq.api.ShopId;
import dev.aihq.api.event.HqEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * What a journal entry holds once its payload was erased ({@link PersonalDataStore#erase}) or purged for
 * retention ({@link PersonalDataStore#purgeBefore}): only what keeps the journal working, the shop, the
 * event's type and its idempotency key, so that a redelivered event is still answered as a duplicate of
 * the first run. It is never run again: only finished entries are purged, and an erased entry is marked
 * finished.
 *
 * @param shopId the shop
 * @param type the erased event's {@link HqEvent#type()}
 * @param occurredAt when the entry was journaled (the event's own time is gone with its payload)
 * @param idempotencyKey the erased event's key
 */
public record ErasedEvent(ShopId shopId, String type, Instant occurredAt, String idempotencyKey) implements HqEvent {

    /** Requires every part. */
    public ErasedEvent {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurred at");
        Objects.requireNonNull(idempotencyKey, "idempotency key");
    }
}

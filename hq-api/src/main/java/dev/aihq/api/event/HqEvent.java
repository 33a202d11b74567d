package dev.aihq.api.event;

import dev.aihq.api.ShopId;
import java.time.Instant;

/**
 * An event that starts an agent run: a purchase, a customer's reply, a legal or a finance event, or any
 * event type a later module or an integrator defines. Deliberately not sealed: the pipeline is generic
 * over any implementation.
 *
 * <p>Implementations are immutable records. Two events with the same shop and
 * {@link #idempotencyKey()} are the same event: the second is answered as a duplicate of the first run
 * and nothing is done twice.
 */
public interface HqEvent {

    /**
     * Returns the shop the event belongs to.
     *
     * @return the shop id
     */
    ShopId shopId();

    /**
     * Returns the stable name of the event's type, e.g. {@code purchase} or {@code legal.fine}, used in
     * the journal and the run log.
     *
     * @return the type name
     */
    String type();

    /**
     * Returns when the event happened at its source (or when it was received, if the source did not say).
     *
     * @return the instant
     */
    Instant occurredAt();

    /**
     * Returns the key that identifies this event within its shop for deduplication.
     *
     * @return the idempotency key, 1–200 characters
     */
    String idempotencyKey();
}

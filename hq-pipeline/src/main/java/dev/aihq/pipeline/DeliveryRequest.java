package dev.aihq.pipeline;

import dev.aihq.api.event.HqEvent;
import dev.aihq.api.result.RunId;
import dev.aihq.api.shop.Shop;
import java.time.Instant;
import java.util.Objects;

/**
 * What the deliver stage gets.
 *
 * @param event the event
 * @param context the context
 * @param result the guarded result
 * @param shop the shop
 * @param runId the run
 * @param now the run's current time
 * @param writes where the delivery hands store writes that may wait for the end of the run (the outbox's
 *     sent mark), to share the commit of the run's final record
 * @param <E> the event type
 * @param <C> the context type
 * @param <R> the result type
 */
public record DeliveryRequest<E extends HqEvent, C, R>(E event, C context, R result, Shop shop, RunId runId,
        Instant now, DeferredWrites writes) {

    /** Requires every part. */
    public DeliveryRequest {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(runId, "run id");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(writes, "writes");
    }

    /**
     * A request outside a pipeline: every write the delivery makes is made at once.
     *
     * @param event the event
     * @param context the context
     * @param result the guarded result
     * @param shop the shop
     * @param runId the run
     * @param now the current time
     */
    public DeliveryRequest(E event, C context, R result, Shop shop, RunId runId, Instant now) {
        this(event, context, result, shop, runId, now, DeferredWrites.IMMEDIATE);
    }
}

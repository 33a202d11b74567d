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
 * @param <E> the event type
 * @param <C> the context type
 * @param <R> the result type
 */
public record DeliveryRequest<E extends HqEvent, C, R>(E event, C context, R result, Shop shop, RunId runId,
        Instant now) {

    /** Requires every part. */
    public DeliveryRequest {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(runId, "run id");
        Objects.requireNonNull(now, "now");
    }
}

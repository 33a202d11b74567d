package dev.aihq.pipeline;

import dev.aihq.api.event.HqEvent;
import dev.aihq.api.result.RunId;
import dev.aihq.api.shop.Shop;
import java.time.Instant;
import java.util.Objects;

/**
 * What a {@link ContextSource} gets to fetch its part of the context.
 *
 * @param event the event being handled
 * @param shop the shop, already validated as existing and active
 * @param runId the run
 * @param now the run's current time from the pipeline's clock
 * @param <E> the event type
 */
public record SourceRequest<E extends HqEvent>(E event, Shop shop, RunId runId, Instant now) {

    /** Requires every part. */
    public SourceRequest {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(runId, "run id");
        Objects.requireNonNull(now, "now");
    }
}

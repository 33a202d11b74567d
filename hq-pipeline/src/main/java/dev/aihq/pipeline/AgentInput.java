package dev.aihq.pipeline;

import dev.aihq.api.result.RunId;
import dev.aihq.api.shop.Shop;
import java.time.Instant;
import java.util.Objects;

/**
 * What the agent stage gets.
 *
 * @param context the prepared context
 * @param shop the shop
 * @param runId the run
 * @param now the run's current time
 * @param <C> the context type
 */
public record AgentInput<C>(C context, Shop shop, RunId runId, Instant now) {

    /** Requires every part. */
    public AgentInput {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(runId, "run id");
        Objects.requireNonNull(now, "now");
    }
}

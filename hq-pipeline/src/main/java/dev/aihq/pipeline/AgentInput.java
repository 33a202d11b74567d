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
 * @param writes where the agent hands store writes that may wait for the end of the run (its token
 *     usage), to share the commit of the run's final record
 * @param <C> the context type
 */
public record AgentInput<C>(C context, Shop shop, RunId runId, Instant now, DeferredWrites writes) {

    /** Requires every part. */
    public AgentInput {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(runId, "run id");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(writes, "writes");
    }

    /**
     * An input outside a pipeline: every write the agent makes is made at once.
     *
     * @param context the prepared context
     * @param shop the shop
     * @param runId the run
     * @param now the current time
     */
    public AgentInput(C context, Shop shop, RunId runId, Instant now) {
        this(context, shop, runId, now, DeferredWrites.IMMEDIATE);
    }
}

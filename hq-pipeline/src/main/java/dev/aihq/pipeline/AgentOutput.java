package dev.aihq.pipeline;

import dev.aihq.api.store.AgentTrace;
import java.util.Objects;

/**
 * What the agent stage produced and how.
 *
 * @param result the result
 * @param trace model or fallback, model name, tokens, prompt hash
 * @param <R> the result type
 */
public record AgentOutput<R>(R result, AgentTrace trace) {

    /** Requires both parts. */
    public AgentOutput {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(trace, "trace");
    }
}

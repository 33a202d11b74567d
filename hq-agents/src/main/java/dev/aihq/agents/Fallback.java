package dev.aihq.agents;

import dev.aihq.pipeline.AgentInput;

/**
 * An agent's deterministic result, computed by code from the context alone (for example the shop's
 * message template filled in). It is what the customer gets when there is no model, the model fails or
 * times out, its answer is rejected, or the shop's token budget is spent; it is also the draft a
 * {@link ResultParser} takes its facts from. Must not call a model. Implementations are thread-safe.
 *
 * @param <C> the context type
 * @param <R> the result type
 */
@FunctionalInterface
public interface Fallback<C, R> {

    /**
     * Computes the result.
     *
     * @param input the context, shop, run and time
     * @return the result
     */
    R produce(AgentInput<C> input);
}

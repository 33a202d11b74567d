package dev.aihq.pipeline;

/**
 * The agent stage: turns a prepared context into a result. An SPI of the pipeline with no model types
 * in it; hq-agents adapts any LangChain4j {@code ChatModel} (or none, with a deterministic fallback) to
 * it. Implementations are thread-safe and handle their own model failures by falling back; an exception
 * thrown from here fails the run.
 *
 * @param <C> the context type
 * @param <R> the result type
 */
@FunctionalInterface
public interface Agent<C, R> {

    /**
     * Produces the result.
     *
     * @param input the context, shop and run
     * @return the result and how it was produced
     */
    AgentOutput<R> run(AgentInput<C> input);
}

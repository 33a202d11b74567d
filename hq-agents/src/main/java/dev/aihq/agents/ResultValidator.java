package dev.aihq.agents;

import java.util.List;

/**
 * Checks a parsed model result against its context, after the {@link ResultParser} accepted its shape:
 * the rules a well-formed answer can still break (a product not among the candidates, a promise the shop
 * does not make). {@link ModelAgent} asks the model once to fix the problems found; problems that remain
 * reject the answer. Implementations are thread-safe and do not call a model.
 *
 * @param <C> the context type
 * @param <R> the result type
 */
@FunctionalInterface
public interface ResultValidator<C, R> {

    /**
     * Lists what is wrong with a result.
     *
     * @param context the run's context
     * @param result the parsed model result
     * @return the problems, each a sentence the model can act on; empty when the result is valid
     */
    List<String> problems(C context, R result);
}

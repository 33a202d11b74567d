package dev.aihq.pipeline;

import dev.aihq.api.shop.Shop;

/**
 * The guard stage: checks a result against its context and the shop's rules before it goes anywhere
 * (model output is untrusted input). It may repair the result, hold it for a person or fail the run.
 *
 * @param <C> the context type
 * @param <R> the result type
 */
@FunctionalInterface
public interface Guard<C, R> {

    /**
     * Checks a result.
     *
     * @param context the context the result was made from
     * @param result the result
     * @param shop the shop
     * @return the decision
     */
    GuardDecision<R> check(C context, R result, Shop shop);

    /**
     * A guard that accepts everything, for agents whose results are computed by code only.
     *
     * @param <C> the context type
     * @param <R> the result type
     * @return the guard
     */
    static <C, R> Guard<C, R> acceptAll() {
        return (context, result, shop) -> GuardDecision.accept(result);
    }
}

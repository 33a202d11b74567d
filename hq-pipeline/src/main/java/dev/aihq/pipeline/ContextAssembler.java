package dev.aihq.pipeline;

import dev.aihq.api.event.HqEvent;
import dev.aihq.api.shop.Shop;

/**
 * The prepare stage: turns the event, the shop and the gathered values into the one context record
 * {@code C} the agent gets (the seed's "Prepare AI Data").
 *
 * @param <E> the event type
 * @param <C> the context type
 */
@FunctionalInterface
public interface ContextAssembler<E extends HqEvent, C> {

    /**
     * Builds the context.
     *
     * @param event the event
     * @param shop the shop
     * @param gathered the sources' values
     * @return the context
     */
    C assemble(E event, Shop shop, GatheredContext gathered);
}

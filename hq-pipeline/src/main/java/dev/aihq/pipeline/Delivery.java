package dev.aihq.pipeline;

import dev.aihq.api.event.HqEvent;

/**
 * The deliver stage: sends the result now, schedules it, keeps it for a person, or completes the run
 * without sending. Thread-safe.
 *
 * @param <E> the event type
 * @param <C> the context type
 * @param <R> the result type
 */
@FunctionalInterface
public interface Delivery<E extends HqEvent, C, R> {

    /**
     * Delivers a result.
     *
     * @param request the event, context, result, shop and run
     * @return how delivery ended
     */
    DeliveryResult deliver(DeliveryRequest<E, C, R> request);

    /**
     * A delivery that sends nothing and completes the run: for assessments, reports and drafts.
     *
     * @param <E> the event type
     * @param <C> the context type
     * @param <R> the result type
     * @return the delivery
     */
    static <E extends HqEvent, C, R> Delivery<E, C, R> complete() {
        return request -> DeliveryResult.completed("result produced");
    }
}

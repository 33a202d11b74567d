package dev.aihq.api.connector;

import dev.aihq.api.ShopId;
import dev.aihq.api.event.HqEvent;
import java.util.Objects;

/**
 * Where a connector's event source (a poller, a feed reader) hands the events it reads: the SDK's
 * pipelines behind their journal. {@link #accept} returns only once the event is journaled, so a source
 * that saves its cursor after accepting everything it read loses nothing on a crash; the journal's
 * idempotency keys make what it reads again a {@link Outcome#DUPLICATE}. Thread-safe.
 */
public interface EventSink {

    /**
     * Tells whether an event with this key is already journaled for the shop, so that a source can skip
     * the work of building it again (e.g. reading an order's lines). Only a hint: {@link #accept} answers
     * a duplicate either way.
     *
     * @param shopId the shop
     * @param idempotencyKey the event's key
     * @return {@code true} when the shop's journal holds the key
     * @throws dev.aihq.api.error.StoreException when the journal cannot be read
     */
    boolean contains(ShopId shopId, String idempotencyKey);

    /**
     * Hands an event over: journals it and starts its run, or recognises it as a duplicate.
     *
     * @param event the event, already validated
     * @return what happened to it
     * @throws IllegalArgumentException when no pipeline takes events of its type
     * @throws dev.aihq.api.error.StoreException when the journal cannot be written; nothing was journaled,
     *     so the source must not move its cursor past the event
     */
    Acceptance accept(HqEvent event);

    /** What happened to an accepted event. */
    enum Outcome {
        /** Journaled now; its run goes on. */
        ACCEPTED,
        /** Journaled before under the same shop and key; nothing is done twice. */
        DUPLICATE,
        /**
         * Not journaled: the shop is unknown or inactive, or the pipeline refuses the event. A source should
         * not move its cursor past it, so that it is read again once the shop is active.
         */
        REJECTED
    }

    /**
     * The answer to {@link #accept}.
     *
     * @param outcome accepted, duplicate or rejected
     * @param reason why it was rejected; empty otherwise
     */
    record Acceptance(Outcome outcome, String reason) {

        /** Requires both parts. */
        public Acceptance {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(reason, "reason");
        }

        /**
         * Tells whether the event is in the journal now, whether by this call or an earlier one.
         *
         * @return {@code true} unless rejected
         */
        public boolean journaled() {
            return outcome != Outcome.REJECTED;
        }
    }
}

package dev.aihq.pipeline.delivery;

import dev.aihq.api.store.OutboxMessage;
import java.time.Instant;
import java.util.Optional;

/**
 * A last look at a message the {@link OutboxDispatcher} is about to send, for what may have changed since it
 * was written: an offer released by the customer's "yes" days later must still name products in stock at
 * their current prices. A veto gives the message up, unsent, with the reason.
 */
@FunctionalInterface
public interface SendCheck {

    /** Lets every message go. */
    SendCheck NONE = (message, now) -> Optional.empty();

    /**
     * Tells why a message must not go now, if it must not.
     *
     * @param message the claimed message
     * @param now the current time
     * @return the reason (no personal data), or empty to send it
     */
    Optional<String> veto(OutboxMessage message, Instant now);
}

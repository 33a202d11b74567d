package dev.aihq.api.store;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The messages exchanged with customers, per shop and customer. Thread-safe. */
public interface ConversationStore {

    /**
     * Appends a message once per (shop, message key); a second append of the same key keeps the first
     * message and changes nothing.
     *
     * @param message the message
     * @return {@code true} when it was new
     */
    boolean append(ConversationMessage message);

    /**
     * Returns the last messages of a customer's conversation with a shop, in chronological order (the
     * newest last). Messages at the same instant are ordered by their message key.
     *
     * @param shopId the shop
     * @param customer the customer
     * @param limit the most to return, at least 1
     * @return the newest {@code limit} messages, oldest first
     * @throws IllegalArgumentException when {@code limit} is below 1
     */
    List<ConversationMessage> recent(ShopId shopId, PhoneNumber customer, int limit);

    /**
     * Returns when the customer last wrote to the shop: the time of their newest
     * {@link ConversationMessage.Direction#INBOUND} message, from which a channel's service window runs.
     *
     * @param shopId the shop
     * @param customer the customer
     * @return the time, or empty when the customer never wrote (or it was purged)
     */
    Optional<Instant> lastInboundAt(ShopId shopId, PhoneNumber customer);

    /**
     * Deletes a shop's messages older than an instant, of every customer (for retention).
     *
     * @param shopId the shop
     * @param before messages strictly before it are deleted
     * @return how many were deleted
     */
    int purgeBefore(ShopId shopId, Instant before);
}

package dev.aihq.api.store;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import java.time.Instant;
import java.util.Objects;

/**
 * One message exchanged with a customer in a shop's conversation, kept so that the sales agent can reply
 * with the conversation in mind.
 *
 * @param shopId the shop
 * @param customer the customer
 * @param direction whether the customer sent it or the shop did
 * @param text the message's text, 1–{@value #MAX_TEXT_LENGTH} characters
 * @param at when it was sent or received
 * @param messageKey identifies the message within the shop (e.g. the channel's message id), 1–200
 *     characters; appending a key again changes nothing
 */
public record ConversationMessage(
        ShopId shopId, PhoneNumber customer, Direction direction, String text, Instant at, String messageKey) {

    /** The longest message text, in characters. */
    public static final int MAX_TEXT_LENGTH = 20_000;

    /** The longest message key, in characters. */
    public static final int MAX_KEY_LENGTH = 200;

    /** Requires every part and checks the lengths of the text and the key. */
    public ConversationMessage {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(messageKey, "message key");
        if (text.isEmpty() || text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("message text must be 1-" + MAX_TEXT_LENGTH + " characters, got "
                    + text.length());
        }
        if (messageKey.isEmpty() || messageKey.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("message key must be 1-" + MAX_KEY_LENGTH + " characters, got "
                    + messageKey.length());
        }
    }

    /** Who sent a message. */
    public enum Direction {
        /** The customer wrote to the shop. */
        INBOUND,
        /** The shop wrote to the customer. */
        OUTBOUND
    }
}

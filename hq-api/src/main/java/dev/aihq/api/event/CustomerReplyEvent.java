package dev.aihq.api.event;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import java.time.Instant;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A customer answered a message on a channel: the agent continues the dialogue (answers objections,
 * offers alternatives), and an opt-out is honoured for every later event.
 *
 * <p>A customer is known by their number, or, where the messenger hides it (WhatsApp users with a
 * username), only by the messenger's user id for this business ({@link #fromUserId()}, WhatsApp's BSUID);
 * at least one of the two is present.
 *
 * @param shopId the shop
 * @param channel the channel's name, e.g. {@code whatsapp}
 * @param from the customer's number, or {@code null} when the messenger gave only a user id
 * @param fromUserId the messenger's id of the customer for this business, or {@code null}; 1–
 *     {@value #MAX_USER_ID_LENGTH} characters
 * @param text what the customer wrote or the title of the button they tapped, as received (untrusted input)
 * @param buttonId the id of the quick-reply button the customer tapped
 *     ({@link dev.aihq.api.channel.QuickReply#id()}), or {@code null} for typed text; untrusted input too
 * @param providerMessageId the channel's id of the inbound message
 * @param occurredAt when the customer sent it
 * @param idempotencyKey {@code customer_reply:<channel>:<provider message id>} unless given
 */
public record CustomerReplyEvent(
        ShopId shopId,
        String channel,
        @Nullable PhoneNumber from,
        @Nullable String fromUserId,
        String text,
        @Nullable String buttonId,
        String providerMessageId,
        Instant occurredAt,
        String idempotencyKey) implements HqEvent {

    /** The {@link #type()} of reply events. */
    public static final String TYPE = "customer_reply";

    /** The longest reply text accepted, in characters (WhatsApp's own text limit). */
    public static final int MAX_TEXT_LENGTH = 4096;

    /** The longest user id or button id, in characters (WhatsApp's BSUID limit). */
    public static final int MAX_USER_ID_LENGTH = 256;

    /** Validates the event. */
    public CustomerReplyEvent {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(channel, "channel");
        if (from == null && fromUserId == null) {
            throw new IllegalArgumentException("a reply needs the customer's number or user id");
        }
        if (fromUserId != null && (fromUserId.isBlank() || fromUserId.length() > MAX_USER_ID_LENGTH)) {
            throw new IllegalArgumentException("user id must be 1-" + MAX_USER_ID_LENGTH
                    + " characters and not blank, got " + fromUserId.length());
        }
        if (buttonId != null && (buttonId.isEmpty() || buttonId.length() > MAX_USER_ID_LENGTH)) {
            throw new IllegalArgumentException("button id must be 1-" + MAX_USER_ID_LENGTH + " characters, got "
                    + buttonId.length());
        }
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(providerMessageId, "provider message id");
        Objects.requireNonNull(occurredAt, "occurred at");
        Objects.requireNonNull(idempotencyKey, "idempotency key");
        if (text.isBlank() || text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("reply text must be 1-" + MAX_TEXT_LENGTH + " characters");
        }
        if (providerMessageId.isBlank()) {
            throw new IllegalArgumentException("provider message id must not be blank");
        }
        Keys.requireValid(idempotencyKey);
    }

    /**
     * A typed reply from a customer known by number.
     *
     * @param shopId the shop
     * @param channel the channel's name
     * @param from the customer's number
     * @param text the text
     * @param providerMessageId the channel's id of the message
     * @param occurredAt when it was sent
     * @param idempotencyKey the event's key
     */
    public CustomerReplyEvent(ShopId shopId, String channel, PhoneNumber from, String text, String providerMessageId,
            Instant occurredAt, String idempotencyKey) {
        this(shopId, channel, Objects.requireNonNull(from, "from"), null, text, null, providerMessageId, occurredAt,
                idempotencyKey);
    }

    /**
     * Returns the idempotency key of a channel's message: {@code customer_reply:<channel>:<provider id>}.
     *
     * @param channel the channel's name
     * @param providerMessageId the channel's id of the message
     * @return the key
     */
    public static String keyFor(String channel, String providerMessageId) {
        return TYPE + ":" + channel + ":" + providerMessageId;
    }

    /**
     * Returns how to address the customer for logs and keys without showing the number: the masked number,
     * or {@code user:} and the user id's first characters.
     *
     * @return the description
     */
    public String maskedSender() {
        if (from != null) {
            return from.masked();
        }
        String id = Objects.requireNonNull(fromUserId);
        return "user:" + id.substring(0, Math.min(6, id.length())) + "…";
    }

    /**
     * Creates a reply event keyed by the provider's message id.
     *
     * @param shopId the shop
     * @param channel the channel name
     * @param from the customer
     * @param text the text
     * @param providerMessageId the provider's message id
     * @param occurredAt when it was sent
     * @return the event
     */
    public static CustomerReplyEvent of(ShopId shopId, String channel, PhoneNumber from, String text,
            String providerMessageId, Instant occurredAt) {
        return new CustomerReplyEvent(shopId, channel, from, null, text, null, providerMessageId, occurredAt,
                keyFor(channel, providerMessageId));
    }

    @Override
    public String type() {
        return TYPE;
    }
}

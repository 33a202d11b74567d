package dev.aihq.api.event;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import java.time.Instant;
import java.util.Objects;

/**
 * A customer answered a message on a channel: the agent continues the dialogue (answers objections,
 * offers alternatives), and an opt-out is honoured for every later event.
 *
 * @param shopId the shop
 * @param channel the channel's name, e.g. {@code whatsapp}
 * @param from the customer's number
 * @param text what the customer wrote, as received (untrusted input)
 * @param providerMessageId the channel's id of the inbound message
 * @param occurredAt when the customer sent it
 * @param idempotencyKey {@code reply:<channel>:<provider message id>} unless given
 */
public record CustomerReplyEvent(
        ShopId shopId,
        String channel,
        PhoneNumber from,
        String text,
        String providerMessageId,
        Instant occurredAt,
        String idempotencyKey) implements HqEvent {

    /** The {@link #type()} of reply events. */
    public static final String TYPE = "customer_reply";

    /** The longest reply text accepted, in characters (WhatsApp's own text limit). */
    public static final int MAX_TEXT_LENGTH = 4096;

    /** Validates the event. */
    public CustomerReplyEvent {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(from, "from");
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
        return new CustomerReplyEvent(shopId, channel, from, text, providerMessageId, occurredAt,
                TYPE + ":" + channel + ":" + providerMessageId);
    }

    @Override
    public String type() {
        return TYPE;
    }
}

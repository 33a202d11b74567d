package dev.aihq.channel.whatsapp.webhook;

import dev.aihq.api.ShopId;
import dev.aihq.api.event.CustomerReplyEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * A message a customer sent to the business's number ({@code value.messages[]}).
 *
 * <p>Meta redelivers webhooks for days and may batch or repeat items, so {@link #id()} (stable across
 * redeliveries) is the key to deduplicate on.
 *
 * @param phoneNumberId the business number that received it ({@code metadata.phone_number_id}), which
 *     tells the seller
 * @param id WhatsApp's message id ({@code wamid.…})
 * @param from who sent it: phone and/or BSUID, with the profile name from {@code contacts[]}
 * @param timestamp when it was sent
 * @param contextMessageId the id of the message the customer replied to (one of ours ties the reply to
 *     an order), or {@code null}
 * @param type Meta's message type as sent, e.g. {@code text}, {@code button}, {@code image}
 * @param content what was sent
 */
public record InboundMessage(
        String phoneNumberId,
        String id,
        WhatsAppUser from,
        Instant timestamp,
        @Nullable String contextMessageId,
        String type,
        InboundContent content) {

    /** The channel name written into {@link CustomerReplyEvent#channel()}. */
    public static final String CHANNEL = "whatsapp";

    /** Requires every non-optional part. */
    public InboundMessage {
        Objects.requireNonNull(phoneNumberId, "phone number id");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(content, "content");
    }

    /**
     * Returns the text when this is a text message.
     *
     * @return the text, or empty
     */
    public Optional<String> text() {
        return content instanceof InboundContent.Text t ? Optional.of(t.body()) : Optional.empty();
    }

    /**
     * Returns the id of the quoted message.
     *
     * @return the replied-to message id, or empty
     */
    public Optional<String> repliedTo() {
        return Optional.ofNullable(contextMessageId);
    }

    /**
     * Turns the message into the event the sales agent continues the dialogue with: a text message gives
     * its text, a button or list reply the title the customer tapped. The event's idempotency key is
     * built from {@link #id()}, so a redelivered message gives the same key.
     *
     * <p>Empty when the event cannot carry the message: the sender has no phone number (a username user
     * known only by BSUID; {@link CustomerReplyEvent} is addressed by phone), the content is
     * {@link InboundContent.Unsupported}, or the text is blank or longer than
     * {@link CustomerReplyEvent#MAX_TEXT_LENGTH}.
     *
     * <p>This is the plain form. The channel's own translation,
     * {@link dev.aihq.channel.whatsapp.WhatsAppTrafficTranslator}, carries more: senders known only by
     * BSUID, the tapped button's id, media captions and markers for other types.
     *
     * @param shopId the shop that owns {@link #phoneNumberId()}
     * @return the event, or empty
     */
    public Optional<CustomerReplyEvent> toReplyEvent(ShopId shopId) {
        Objects.requireNonNull(shopId, "shop id");
        String text;
        if (content instanceof InboundContent.Text t) {
            text = t.body();
        } else if (content instanceof InboundContent.Reply r) {
            text = r.title();
        } else {
            return Optional.empty();
        }
        if (from.phone() == null || text.isBlank() || text.length() > CustomerReplyEvent.MAX_TEXT_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(CustomerReplyEvent.of(shopId, CHANNEL, from.phone(), text, id, timestamp));
    }
}

package dev.aihq.channel.whatsapp.webhook;

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
}

package dev.aihq.api.channel;

import java.time.Instant;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * The provider accepted a message. Delivery and reading are reported later as {@link DeliveryStatus}
 * updates.
 *
 * @param providerMessageId the provider's id of the message
 * @param acceptedAt when the provider accepted it
 * @param form the form the message went in
 * @param template the template's name when {@code form} is {@link MessageForm#TEMPLATE}, otherwise
 *     {@code null}
 */
public record SendReceipt(String providerMessageId, Instant acceptedAt, MessageForm form,
        @Nullable String template) {

    /** Requires the id, time and form; a template name exactly for the template form. */
    public SendReceipt {
        Objects.requireNonNull(providerMessageId, "provider message id");
        Objects.requireNonNull(acceptedAt, "accepted at");
        Objects.requireNonNull(form, "form");
        if (providerMessageId.isBlank()) {
            throw new IllegalArgumentException("provider message id must not be blank");
        }
        if ((form == MessageForm.TEMPLATE) != (template != null)) {
            throw new IllegalArgumentException("a template name goes with the template form, and only with it");
        }
    }

    /**
     * A message accepted as free text.
     *
     * @param providerMessageId the provider's id
     * @param acceptedAt when
     */
    public SendReceipt(String providerMessageId, Instant acceptedAt) {
        this(providerMessageId, acceptedAt, MessageForm.FREE_TEXT, null);
    }

    /**
     * Describes the form for a person, e.g. {@code free text} or {@code template order_followup}.
     *
     * @return the description
     */
    public String describeForm() {
        return switch (form) {
            case FREE_TEXT -> "free text";
            case INTERACTIVE -> "free text with buttons";
            case TEMPLATE -> "template " + template;
        };
    }
}

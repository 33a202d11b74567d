package dev.aihq.channel.whatsapp;

import dev.aihq.api.channel.SendReceipt;
import java.time.Instant;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * WhatsApp accepted a message (HTTP 200). Accepted is not delivered: delivery, reading and late failures
 * (131047, 131049, 131050, 131026...) arrive as status webhooks that carry {@link #messageId()} and our
 * {@code biz_opaque_callback_data}.
 *
 * @param messageId the wamid, {@code messages[0].id}; opaque
 * @param waId the recipient's WhatsApp id, {@code contacts[0].wa_id} (digits, no {@code +}), or
 *     {@code null} when absent (a send to a business-scoped user id)
 * @param messageStatus {@code messages[0].message_status} as sent ({@code accepted},
 *     {@code held_for_quality_assessment}, or a value Meta adds later), or {@code null} when absent
 * @param acceptedAt when the answer arrived, by the client's clock
 */
public record CloudSendReceipt(
        String messageId,
        @Nullable String waId,
        @Nullable String messageStatus,
        Instant acceptedAt) {

    /** The {@code message_status} of a message Meta holds back to assess its quality. */
    public static final String HELD_FOR_QUALITY_ASSESSMENT = "held_for_quality_assessment";

    /**
     * Validates the parts.
     *
     * @throws IllegalArgumentException if the message id is blank
     */
    public CloudSendReceipt {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
        if (messageId.isBlank()) {
            throw new IllegalArgumentException("messageId must not be blank");
        }
    }

    /**
     * Tells whether Meta holds the message back for a quality assessment (marketing messages).
     *
     * @return {@code true} for {@value #HELD_FOR_QUALITY_ASSESSMENT}
     */
    public boolean isHeldForQualityAssessment() {
        return HELD_FOR_QUALITY_ASSESSMENT.equals(messageStatus);
    }

    /**
     * Returns the SDK-wide receipt of the channel SPI.
     *
     * @return the wamid and the acceptance time
     */
    public SendReceipt toSendReceipt() {
        return new SendReceipt(messageId, acceptedAt);
    }
}

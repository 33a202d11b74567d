package dev.aihq.channel.whatsapp.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * A status update for a message the business sent ({@code value.statuses[]}): sent, delivered, read or
 * failed. Updates arrive out of order ({@code read} without {@code delivered}, {@code delivered} after
 * {@code failed} on multi-device users) and are redelivered, so deduplicate on
 * ({@link #messageId()}, {@link #status()}).
 *
 * @param phoneNumberId the business number that sent the message ({@code metadata.phone_number_id})
 * @param messageId the id of our message ({@code wamid.…}), as the send returned it
 * @param status the status
 * @param timestamp when the status happened
 * @param recipient the customer (phone and/or BSUID), or {@code null} when the webhook named neither
 * @param bizOpaqueCallbackData our stable key for the message, sent as {@code biz_opaque_callback_data},
 *     or {@code null} when we set none
 * @param pricing how the message is charged, or {@code null} when absent
 * @param conversationId the legacy {@code conversation.id}, or {@code null}; do not depend on it
 * @param errors why the message failed (for {@code failed}); empty otherwise
 */
public record MessageStatus(
        String phoneNumberId,
        String messageId,
        StatusType status,
        Instant timestamp,
        @Nullable WhatsAppUser recipient,
        @Nullable String bizOpaqueCallbackData,
        @Nullable Pricing pricing,
        @Nullable String conversationId,
        List<WhatsAppError> errors) {

    /** Requires every non-optional part and copies the errors. */
    public MessageStatus {
        Objects.requireNonNull(phoneNumberId, "phone number id");
        Objects.requireNonNull(messageId, "message id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(timestamp, "timestamp");
        errors = List.copyOf(errors);
    }

    /**
     * Returns our stable key for the message.
     *
     * @return {@code biz_opaque_callback_data}, or empty
     */
    public Optional<String> stableKey() {
        return Optional.ofNullable(bizOpaqueCallbackData);
    }

    /**
     * Tells whether the message failed.
     *
     * @return {@code true} for {@code failed}
     */
    public boolean isFailed() {
        return StatusType.FAILED.equals(status);
    }

    /**
     * Returns the first error's code, the one to classify.
     *
     * @return the code, or empty when there is no error
     */
    public Optional<Integer> errorCode() {
        return errors.isEmpty() ? Optional.empty() : Optional.of(errors.get(0).code());
    }
}

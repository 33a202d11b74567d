package dev.aihq.api.channel;

import java.time.Instant;
import java.util.Objects;

/**
 * The provider accepted a message. Delivery and reading are reported later as status updates.
 *
 * @param providerMessageId the provider's id of the message
 * @param acceptedAt when the provider accepted it
 */
public record SendReceipt(String providerMessageId, Instant acceptedAt) {

    /** Requires both parts. */
    public SendReceipt {
        Objects.requireNonNull(providerMessageId, "provider message id");
        Objects.requireNonNull(acceptedAt, "accepted at");
    }
}

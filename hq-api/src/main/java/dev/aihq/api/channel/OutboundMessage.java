package dev.aihq.api.channel;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import java.util.Objects;

/**
 * A message to send to a customer.
 *
 * @param shopId the shop sending it (its credentials are used)
 * @param to the customer
 * @param text the text, within the channel's limits
 * @param stableKey our key for this message, sent along where the provider allows (WhatsApp's
 *     {@code biz_opaque_callback_data}) so status updates and retries match it
 */
public record OutboundMessage(ShopId shopId, PhoneNumber to, String text, String stableKey) {

    /** Requires every part. */
    public OutboundMessage {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(stableKey, "stable key");
        if (text.isBlank()) {
            throw new IllegalArgumentException("message text must not be blank");
        }
    }
}

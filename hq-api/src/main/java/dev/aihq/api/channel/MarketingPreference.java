package dev.aihq.api.channel;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import java.time.Instant;
import java.util.Objects;

/**
 * A customer stopped or resumed marketing messages from a business in the messenger itself (WhatsApp's
 * {@code user_preferences} signal). A stop pauses marketing only, until a resume; other messages remain
 * allowed.
 *
 * @param shopId the shop
 * @param channel the channel's name
 * @param customer the customer
 * @param stopped {@code true} for a stop, {@code false} for a resume
 * @param at when the customer changed it
 */
public record MarketingPreference(ShopId shopId, String channel, PhoneNumber customer, boolean stopped, Instant at) {

    /** Requires every part. */
    public MarketingPreference {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(at, "at");
    }

    /** Shows the change without the customer's number. */
    @Override
    public String toString() {
        return "MarketingPreference[" + shopId + ", " + channel + ", " + customer.masked() + ", "
                + (stopped ? "stop" : "resume") + " at " + at + "]";
    }
}

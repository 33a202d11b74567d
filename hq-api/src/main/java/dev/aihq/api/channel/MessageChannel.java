package dev.aihq.api.channel;

import dev.aihq.api.web.WebhookRoute;
import java.util.List;

/**
 * A way to send messages to customers (WhatsApp Cloud API, Green-API, …). Implementations are
 * thread-safe and resolve credentials per shop.
 */
public interface MessageChannel {

    /**
     * Returns the channel's name, e.g. {@code whatsapp}, recorded with every message.
     *
     * @return the name
     */
    String name();

    /**
     * Returns what the channel can carry.
     *
     * @return the limits
     */
    ChannelLimits limits();

    /**
     * Sends a message.
     *
     * @param message the message
     * @return the provider's receipt
     * @throws dev.aihq.api.error.MarketplaceException when the provider refused or did not answer;
     *     {@link dev.aihq.api.error.MarketplaceException#isRetriable()} tells whether to try again
     */
    SendReceipt send(OutboundMessage message);

    /**
     * Returns the inbound endpoints the channel needs mounted (customer replies, status updates).
     *
     * @return the routes; none by default
     */
    default List<WebhookRoute> webhookRoutes() {
        return List.of();
    }
}

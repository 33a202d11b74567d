package dev.aihq.api.channel;

import dev.aihq.api.web.WebhookRoute;
import java.util.List;

/**
 * A way to send messages to customers (WhatsApp Cloud API, Green-API, …): it sends a message and says in
 * which form it went, throws typed refusals ({@link ChannelFailure}), declares its limits, and contributes
 * the webhook routes through which replies and status updates come back ({@link ChannelSink}).
 * Implementations are thread-safe and resolve credentials per shop.
 *
 * <p>Consent, the opt-out list, pacing and retries are the sender's (the outbox dispatcher's), so a channel
 * only translates: a second provider fits without changes elsewhere.
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
     * Sends a message in the form its category and the customer's window call for: free text inside the
     * window (with buttons where the channel renders them), otherwise a template of the category where the
     * channel needs one. A refusal of free text because the window is in fact closed is answered by the
     * channel itself with the template.
     *
     * @param message the message
     * @return the provider's receipt, saying the form the message went in
     * @throws dev.aihq.api.error.MarketplaceException when the provider refused or did not answer;
     *     {@link dev.aihq.api.error.MarketplaceException#isRetriable()} tells whether to try again, and the
     *     exception implements {@link ChannelFailure} to say what the refusal means
     */
    SendReceipt send(OutboundMessage message);

    /**
     * Returns the inbound endpoints the channel needs mounted (customer replies, status updates), which
     * authenticate each call and hand what it carried to the sink.
     *
     * @param sink where the routes hand the traffic
     * @return the routes; none by default (a channel without inbound traffic)
     */
    default List<WebhookRoute> webhookRoutes(ChannelSink sink) {
        return List.of();
    }
}

package dev.aihq.api.connector;

import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import dev.aihq.api.web.WebhookRoute;
import java.util.List;

/**
 * A marketplace's client: what it gives is resolved per shop, because the same marketplace gives
 * different things per fulfilment scheme and subscription. Asking for something a shop does not get is a
 * typed refusal ({@link dev.aihq.api.error.CapabilityNotSupportedException}), never an empty answer.
 * Thread-safe; credentials are resolved per shop.
 */
public interface MarketplaceConnector {

    /**
     * Returns the marketplace this connector talks to.
     *
     * @return the marketplace
     */
    Marketplace marketplace();

    /**
     * Returns what this shop gets from the marketplace.
     *
     * @param shopId the shop
     * @return the shop's capabilities
     */
    CapabilitySet capabilities(ShopId shopId);

    /**
     * Fails unless the shop has a capability.
     *
     * @param shopId the shop
     * @param capability the capability
     * @throws dev.aihq.api.error.CapabilityNotSupportedException naming it and why
     */
    default void require(ShopId shopId, Capability capability) {
        capabilities(shopId).require(capability);
    }

    /**
     * Returns the inbound endpoints the connector needs mounted (push notifications).
     *
     * @return the routes; none by default
     */
    default List<WebhookRoute> webhookRoutes() {
        return List.of();
    }

    /**
     * Returns the rules the marketplace sets for what this shop may write to its buyers. The sales guard
     * refuses a message that breaks one (confirmed or not) and names the rule in its reason. Called for
     * every message checked, so it should answer from memory, not over the network.
     *
     * @param shopId the shop
     * @return the rules; {@link MessagingRules#none()} by default
     */
    default MessagingRules messagingRules(ShopId shopId) {
        return MessagingRules.none();
    }
}

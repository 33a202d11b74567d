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

    /**
     * Publishes the shop's reply to a buyer's review, question or chat on the marketplace: a review answer is
     * public, a chat message goes to the buyer. The text is sent as given: the inbox's guard has checked it.
     *
     * @param shopId the shop
     * @param target what is answered
     * @param text the reply
     * @return what the marketplace accepted
     * @throws dev.aihq.api.error.CapabilityNotSupportedException when the connector cannot reply to that kind
     *     for the shop (by default it cannot)
     * @throws dev.aihq.api.error.MarketplaceException when the marketplace refuses or fails
     */
    default PublishedReply reply(ShopId shopId, ReplyTarget target, String text) {
        Capability capability = switch (target.kind()) {
            case REVIEW -> Capability.REVIEW_REPLY;
            case QUESTION -> Capability.QUESTIONS;
            case CHAT_MESSAGE -> Capability.CHATS;
        };
        throw new dev.aihq.api.error.CapabilityNotSupportedException(shopId, capability, "the "
                + marketplace().code() + " connector publishes no " + target.kind().wireValue() + " replies");
    }

    /**
     * Starts a chat with the buyer of an order and sends the first message: only where the marketplace lets a
     * seller write first (Ozon: FBS and rFBS postings, Premium Plus, within 72 h after payment or delivery), and only
     * for service messages about that order. The text is sent as given: the inbox's guard has checked it.
     *
     * @param shopId the shop
     * @param orderRef the order or posting the chat is about
     * @param scheme the fulfilment scheme when known ({@code fbs}, {@code rfbs}, {@code fbo}, ...), else {@code null}
     * @param text the first message
     * @return the chat's id as the reply's id, and when it was sent
     * @throws dev.aihq.api.error.CapabilityNotSupportedException when the marketplace gives no such path for the
     *     shop or scheme (by default it gives none)
     * @throws dev.aihq.api.error.MarketplaceException when the marketplace refuses or fails
     */
    default PublishedReply startChat(ShopId shopId, String orderRef, @javax.annotation.Nullable String scheme,
            String text) {
        throw new dev.aihq.api.error.CapabilityNotSupportedException(shopId, Capability.PROACTIVE_MESSAGE, "the "
                + marketplace().code() + " connector cannot start a chat with a buyer");
    }

    /**
     * Reads a review's current rating, for following a rating the buyer changes after the shop's answer (the
     * inbox's review conversion).
     *
     * @param shopId the shop
     * @param reviewId the marketplace's id of the review
     * @return the rating 1–5, or empty when the marketplace no longer shows the review
     * @throws dev.aihq.api.error.CapabilityNotSupportedException when the connector cannot read reviews for the
     *     shop (by default it cannot)
     * @throws dev.aihq.api.error.MarketplaceException when the marketplace refuses or fails
     */
    default java.util.Optional<Integer> reviewRating(ShopId shopId, String reviewId) {
        throw new dev.aihq.api.error.CapabilityNotSupportedException(shopId, Capability.REVIEWS_READ, "the "
                + marketplace().code() + " connector reads no reviews");
    }

    /**
     * Finds the order a buyer chat is about, where the marketplace tells it only when asked (Ozon's chat history
     * carries {@code context.order_number}; its push messages do not).
     *
     * @param shopId the shop
     * @param chatId the marketplace's chat id
     * @return the order reference, or empty when the marketplace gives none (by default it gives none)
     * @throws dev.aihq.api.error.MarketplaceException when the marketplace refuses or fails
     */
    default java.util.Optional<String> chatOrderRef(ShopId shopId, String chatId) {
        return java.util.Optional.empty();
    }
}

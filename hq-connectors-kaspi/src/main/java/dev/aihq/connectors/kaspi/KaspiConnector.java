package dev.aihq.connectors.kaspi;

import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import dev.aihq.api.connector.Capability;
import dev.aihq.api.connector.CapabilitySet;
import dev.aihq.api.connector.MarketplaceConnector;
import dev.aihq.api.connector.MessagingRule;
import dev.aihq.api.connector.MessagingRules;
import dev.aihq.api.connector.SourceStatus;
import dev.aihq.api.error.CapabilityNotSupportedException;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Kaspi.kz behind the {@link MarketplaceConnector} SPI, with what Kaspi really gives a shop that has an API
 * token:
 *
 * <table>
 *   <caption>Kaspi capabilities</caption>
 *   <tr><th>Capability</th><th>Answer</th></tr>
 *   <tr><td>{@link Capability#ORDERS}</td><td>yes, by polling (no webhooks)</td></tr>
 *   <tr><td>{@link Capability#CUSTOMER_CONTACT}</td><td>yes, name and phone while the order is active
 *       (masked on completed and archived orders)</td></tr>
 *   <tr><td>{@link Capability#PURCHASE_HISTORY}</td><td>only from the shop's own orders, grouped by
 *       customer</td></tr>
 *   <tr><td>reviews, questions, chats, chat↔order link, proactive messages</td><td>no: Kaspi has no
 *       such API</td></tr>
 *   <tr><td>{@link Capability#PUSH_EVENTS}</td><td>no: Kaspi documents no webhooks</td></tr>
 *   <tr><td>{@link Capability#FINANCE_DATA}</td><td>no: commissions and payouts are only in the
 *       cabinet</td></tr>
 * </table>
 *
 * <p>Kaspi has no read API for the seller's catalog, prices or stock either (they go out in the XML price
 * list), which no capability names yet. A shop without a token gets nothing: every capability is refused
 * with that reason.
 *
 * <p>{@link #messagingRules} declares the rules the research could source for what a Kaspi seller writes to
 * buyers; the sales guard enforces both, confirmed or not. Kaspi publishes no rule on sellers messaging
 * buyers (on WhatsApp or otherwise), so there is no rule of Kaspi's own about the messages themselves:
 *
 * <ul>
 *   <li>{@value #NO_IMPERSONATION}: never present the seller as Kaspi. Confirmed: Meta's WhatsApp Business
 *       Messaging Policy forbids impersonating another business, and Kaspi's partner guide forbids brand
 *       names containing "Kaspi".</li>
 *   <li>{@value #NO_REVIEW_INCENTIVE}: no reward for a positive review. Unconfirmed: a precaution the
 *       reference recommends, under Kaspi's warning that breaking its shop rules leads to restrictions and
 *       its rule that a seller's rating must stay at or above 4.</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class KaspiConnector implements MarketplaceConnector {

    private static final String NO_TOKEN = "no Kaspi API token is configured for this shop";

    /** The id of the rule against posing as Kaspi. */
    public static final String NO_IMPERSONATION = "kaspi.no-impersonation";
    /** The id of the rule against rewards for positive reviews. */
    public static final String NO_REVIEW_INCENTIVE = "kaspi.no-review-incentive";

    private static final MessagingRules RULES = MessagingRules.of(
            MessagingRule.noImpersonation(NO_IMPERSONATION, Set.of("Kaspi", "Каспи"), SourceStatus.CONFIRMED,
                    List.of("WhatsApp Business Messaging Policy (https://business.whatsapp.com/policy):"
                                    + " do not impersonate another business",
                            "Kaspi partner guide, brand names (https://guide.kaspi.kz/partner/ru/profile/brand/q3991):"
                                    + " brand names containing \"Kaspi\" are forbidden"),
                    "Never present the seller as Kaspi: no \"Вас беспокоит Kaspi\", \"служба поддержки Kaspi\","
                            + " \"мы — Kaspi\"; naming Kaspi as the place of the order is fine. Confirmed by"
                            + " Meta's policy and Kaspi's brand-name rule; Kaspi's own rules on contacting buyers"
                            + " were not found (unconfirmed)."),
            MessagingRule.noReviewIncentive(NO_REVIEW_INCENTIVE, SourceStatus.UNCONFIRMED,
                    List.of("Research reference (WhatsApp channel, \"Kaspi rules on contacting buyers: not found\"):"
                                    + " never offer incentives for positive reviews",
                            "Kaspi partner guide, shop conditions (https://guide.kaspi.kz/partner/ru/shop/conditions/q3904):"
                                    + " breaking the Kaspi Shop working rules leads to restrictions"),
                    "Offer no reward, discount, bonus or gift in exchange for a positive or 5-star review; asking"
                            + " for an honest review is fine. No Kaspi text found states it (unconfirmed); enforced"
                            + " as the conservative default."));

    private final KaspiClient client;

    private KaspiConnector(KaspiClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * Creates a connector over a client.
     *
     * @param client the client, with the shops' credentials
     * @return the connector
     */
    public static KaspiConnector of(KaspiClient client) {
        return new KaspiConnector(client);
    }

    /**
     * Returns the client, for calls beyond the SPI (entries, the seller's SKU).
     *
     * @return the client
     */
    public KaspiClient client() {
        return client;
    }

    @Override
    public Marketplace marketplace() {
        return Marketplace.KASPI;
    }

    @Override
    public CapabilitySet capabilities(ShopId shopId) {
        CapabilitySet.Builder set = CapabilitySet.builder(shopId);
        if (!client.hasCredentials(shopId)) {
            for (Capability capability : Capability.values()) {
                set.refuses(capability, NO_TOKEN);
            }
            return set.build();
        }
        return set
                .supports(Capability.ORDERS, "polled: Kaspi sends no webhooks; 14-day creation-date windows")
                .supports(Capability.CUSTOMER_CONTACT,
                        "name and phone while the order is active; masked on completed and archived orders")
                .supports(Capability.PURCHASE_HISTORY, "only from the shop's own orders, grouped by customer")
                .refuses(Capability.CHAT_ORDER_LINK, "Kaspi has no buyer chat API")
                .refuses(Capability.PROACTIVE_MESSAGE, "Kaspi has no messaging API; the phone is for fulfilment")
                .refuses(Capability.REVIEWS_READ, "Kaspi has no reviews API for sellers")
                .refuses(Capability.REVIEW_REPLY, "Kaspi has no reviews API for sellers")
                .refuses(Capability.QUESTIONS, "Kaspi has no questions API")
                .refuses(Capability.CHATS, "Kaspi has no buyer chat API")
                .refuses(Capability.PUSH_EVENTS, "Kaspi documents no webhooks; orders are polled")
                .refuses(Capability.FINANCE_DATA,
                        "Kaspi has no finance API; commissions and payouts are only in the cabinet")
                .build();
    }

    /**
     * Returns Kaspi's messaging rules, the same for every shop (with or without a token): see the class
     * description.
     *
     * @param shopId the shop
     * @return {@value #NO_IMPERSONATION} and {@value #NO_REVIEW_INCENTIVE}
     */
    @Override
    public MessagingRules messagingRules(ShopId shopId) {
        Objects.requireNonNull(shopId, "shop id");
        return RULES;
    }

    /**
     * Lists a shop's orders; see {@link KaspiClient#listOrders(ShopId, KaspiOrderQuery)}.
     *
     * @param shopId the shop
     * @param query the state, window and optional status
     * @return the orders
     * @throws CapabilityNotSupportedException if the shop does not get {@link Capability#ORDERS}
     */
    public List<KaspiOrder> listOrders(ShopId shopId, KaspiOrderQuery query) {
        require(shopId, Capability.ORDERS);
        return client.listOrders(shopId, query);
    }

    @Override
    public String toString() {
        return "KaspiConnector[" + client + "]";
    }
}

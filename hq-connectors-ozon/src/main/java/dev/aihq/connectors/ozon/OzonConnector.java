package dev.aihq.connectors.ozon;

import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import dev.aihq.api.connector.Capability;
import dev.aihq.api.connector.CapabilitySet;
import dev.aihq.api.connector.MarketplaceConnector;
import dev.aihq.api.connector.MessagingRule;
import dev.aihq.api.connector.MessagingRules;
import dev.aihq.api.connector.SourceStatus;
import dev.aihq.api.error.CapabilityNotSupportedException;
import dev.aihq.api.error.MarketplaceException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * Ozon behind the {@link MarketplaceConnector} SPI, with what Ozon really gives a seller (reference §3, §4, §5), per
 * shop: what needs Premium Plus is supported only when the shop's {@link OzonCredentialsProvider#subscription} says
 * so (the API cannot be asked), and refused with that reason otherwise.
 *
 * <table>
 *   <caption>Ozon capabilities</caption>
 *   <tr><th>Capability</th><th>Answer</th></tr>
 *   <tr><td>{@link Capability#ORDERS}</td><td>yes: FBS/rFBS and FBO postings, polled
 *       ({@link OzonPostingPoller})</td></tr>
 *   <tr><td>{@link Capability#REVIEWS_READ}, {@link Capability#REVIEW_REPLY}, {@link Capability#QUESTIONS}</td>
 *       <td>Premium Plus only (beta methods)</td></tr>
 *   <tr><td>{@link Capability#CHATS}, {@link Capability#CHAT_ORDER_LINK}</td><td>Premium Plus only;
 *       {@code /v3/chat/history} carries {@code context.order_number} and {@code sku}</td></tr>
 *   <tr><td>{@link Capability#PROACTIVE_MESSAGE}</td><td>Premium Plus only, and for FBS/rFBS postings only:
 *       {@code /v1/chat/start} within 72 h after payment or delivery, for service messages about the posting;
 *       never for FBO (only the buyer starts those chats)</td></tr>
 *   <tr><td>{@link Capability#FINANCE_DATA}</td><td>yes: transactions, totals, realization reports</td></tr>
 *   <tr><td>{@link Capability#CUSTOMER_CONTACT}</td><td>no: none for FBS/FBO; the rFBS name, address and proxy
 *       phone are for delivering that posting only ({@link OzonPosting#contact()})</td></tr>
 *   <tr><td>{@link Capability#PURCHASE_HISTORY}</td><td>no: no buyer id in reviews or chats</td></tr>
 *   <tr><td>{@link Capability#PUSH_EVENTS}</td><td>no, not yet: Ozon pushes, but this connector has no webhook
 *       route yet</td></tr>
 * </table>
 *
 * <p>The client methods of reviews, questions, chats and finance are not in this module yet (see its README); the
 * capabilities say what Ozon gives the shop, so that the pipeline plans with the right answer.
 *
 * <p>{@link #messagingRules} declares what a seller writes to Ozon buyers must respect. Ozon's communication policy
 * (reference §3.10, confirmed) forbids offering to exchange contacts or other channels, and links, phone numbers
 * and addresses: the sales guard refuses those in every shop's messages already, so they need no rule here. It
 * also forbids asking a buyer to cancel, collecting buyers' personal data, disparaging competitors, Ozon or other
 * sellers, rudeness and profanity: the SDK has no rule kinds for those yet. Declared, as conservative defaults that
 * no Ozon text found states ({@link SourceStatus#UNCONFIRMED}):
 *
 * <ul>
 *   <li>{@value #NO_IMPERSONATION}: never present the seller as Ozon;</li>
 *   <li>{@value #NO_REVIEW_INCENTIVE}: no reward for a positive review.</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class OzonConnector implements MarketplaceConnector {

    /** The id of the rule against posing as Ozon. */
    public static final String NO_IMPERSONATION = "ozon.no-impersonation";

    /** The id of the rule against rewards for positive reviews. */
    public static final String NO_REVIEW_INCENTIVE = "ozon.no-review-incentive";

    private static final String NO_CREDENTIALS = "no Ozon Client-Id and Api-Key are configured for this shop";
    private static final String RULES_SOURCE = "Research reference, marketplaces §3.10 (Ozon messaging rules,"
            + " https://docs.ozon.ru/global/en/policies/communication/): not stated there; enforced as the"
            + " conservative default, as for the other marketplaces";

    private static final MessagingRules RULES = MessagingRules.of(
            MessagingRule.noImpersonation(NO_IMPERSONATION, Set.of("Ozon", "Озон"), SourceStatus.UNCONFIRMED,
                    List.of(RULES_SOURCE), "Never present the seller as Ozon: no \"служба поддержки Ozon\","
                            + " \"мы — Озон\"; naming Ozon as the place of the order is fine. Ozon's policy found"
                            + " does not state it (unconfirmed); enforced as the conservative default."),
            MessagingRule.noReviewIncentive(NO_REVIEW_INCENTIVE, SourceStatus.UNCONFIRMED, List.of(RULES_SOURCE),
                    "Offer no reward, discount, bonus or cashback in exchange for a positive or 5-star review."
                            + " Ozon's policy found forbids misleading information but does not state this"
                            + " (unconfirmed); enforced as the conservative default."));

    private final OzonClient client;

    private OzonConnector(OzonClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * Creates a connector over a client.
     *
     * @param client the client, with the shops' credentials and subscriptions
     * @return the connector
     */
    public static OzonConnector of(OzonClient client) {
        return new OzonConnector(client);
    }

    /**
     * Returns the client, for calls beyond the SPI.
     *
     * @return the client
     */
    public OzonClient client() {
        return client;
    }

    @Override
    public Marketplace marketplace() {
        return Marketplace.OZON;
    }

    @Override
    public CapabilitySet capabilities(ShopId shopId) {
        CapabilitySet.Builder set = CapabilitySet.builder(shopId);
        if (!client.hasCredentials(shopId)) {
            for (Capability capability : Capability.values()) {
                set.refuses(capability, NO_CREDENTIALS);
            }
            return set.build();
        }
        set.supports(Capability.ORDERS, "FBS/rFBS and FBO postings, polled (OzonPostingPoller); 50 requests a"
                        + " second per Client-Id")
                .supports(Capability.FINANCE_DATA, "transactions (at most a month per request), totals,"
                        + " realization reports; per-posting commission and payout")
                .refuses(Capability.CUSTOMER_CONTACT, "none for FBS/FBO (customer: null); rFBS gives a name, an"
                        + " address and a substitute (proxy) phone for delivering that posting only"
                        + " (OzonPosting#contact), never a marketing contact; no e-mail")
                .refuses(Capability.PURCHASE_HISTORY, "Ozon gives no buyer id in reviews or chats; whether the rFBS"
                        + " customer_id is stable across orders is not known")
                .refuses(Capability.PUSH_EVENTS, "Ozon pushes posting and chat events, but this connector has no"
                        + " webhook route yet; postings are polled");
        if (client.subscription(shopId).includesBuyerCommunication()) {
            set.supports(Capability.REVIEWS_READ, "Premium Plus; beta: /v1/review/list, no author name or order"
                            + " number")
                    .supports(Capability.REVIEW_REPLY, "Premium Plus; beta: /v1/review/comment/create")
                    .supports(Capability.QUESTIONS, "Premium Plus; beta: list and answer (2-3000 chars)")
                    .supports(Capability.CHATS, "Premium Plus: list, history, send (plain text, 1-1000 chars), read;"
                            + " FBO: within 48 h of the buyer's last message; FBS/rFBS: from payment to 72 h after"
                            + " delivery, then 48 h after the buyer's last message")
                    .supports(Capability.CHAT_ORDER_LINK, "Premium Plus: /v3/chat/history context.order_number and"
                            + " sku; push messages carry none")
                    .supports(Capability.PROACTIVE_MESSAGE, "Premium Plus; FBS/rFBS postings only: /v1/chat/start"
                            + " within 72 h after payment or delivery, for service messages about the posting;"
                            + " FBO: only the buyer can start a chat");
        } else {
            String reason = "Ozon gives it only with the Premium Plus subscription, and the shop's provider says it"
                    + " has " + client.subscription(shopId).displayName();
            for (Capability capability : List.of(Capability.REVIEWS_READ, Capability.REVIEW_REPLY,
                    Capability.QUESTIONS, Capability.CHATS, Capability.CHAT_ORDER_LINK,
                    Capability.PROACTIVE_MESSAGE)) {
                set.refuses(capability, reason);
            }
        }
        return set.build();
    }

    /**
     * Returns Ozon's messaging rules, the same for every shop: see the class description.
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
     * Lists a shop's FBS and rFBS postings; see {@link OzonPostings#fbsList}.
     *
     * @param shopId the shop
     * @param since from (inclusive)
     * @param to to (inclusive)
     * @param status one status, or {@code null} for all
     * @return the postings
     * @throws CapabilityNotSupportedException if the shop does not get {@link Capability#ORDERS}
     * @throws MarketplaceException if Ozon refuses, fails or answers what cannot be read
     */
    public List<OzonPosting> listFbsPostings(ShopId shopId, Instant since, Instant to, @Nullable String status) {
        require(shopId, Capability.ORDERS);
        return client.postings().fbsList(shopId, since, to, status);
    }

    /**
     * Lists a shop's FBO postings; see {@link OzonPostings#fboList}.
     *
     * @param shopId the shop
     * @param since from (inclusive)
     * @param to to (inclusive)
     * @param status one status, or {@code null} for all
     * @return the postings
     * @throws CapabilityNotSupportedException if the shop does not get {@link Capability#ORDERS}
     * @throws MarketplaceException if Ozon refuses, fails or answers what cannot be read
     */
    public List<OzonPosting> listFboPostings(ShopId shopId, Instant since, Instant to, @Nullable String status) {
        require(shopId, Capability.ORDERS);
        return client.postings().fboList(shopId, since, to, status);
    }

    @Override
    public String toString() {
        return "OzonConnector[" + client + "]";
    }
}

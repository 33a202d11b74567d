package dev.aihq.connectors.ozon;

import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import dev.aihq.api.connector.Capability;
import dev.aihq.api.connector.CapabilitySet;
import dev.aihq.api.connector.MarketplaceConnector;
import dev.aihq.api.connector.MessagingRule;
import dev.aihq.api.connector.MessagingRuleKind;
import dev.aihq.api.connector.MessagingRules;
import dev.aihq.api.connector.PublishedReply;
import dev.aihq.api.connector.ReplyTarget;
import dev.aihq.api.connector.SourceStatus;
import dev.aihq.api.error.CapabilityNotSupportedException;
import dev.aihq.api.error.MarketplaceException;
import dev.aihq.api.web.WebhookRoute;
import dev.aihq.connectors.ozon.push.OzonPushRoute;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
 *   <tr><td>{@link Capability#FINANCE_DATA}</td><td>yes: transactions and totals ({@link OzonClient#finance()});
 *       per-posting commission and payout</td></tr>
 *   <tr><td>{@link Capability#CUSTOMER_CONTACT}</td><td>no: none for FBS/FBO; the rFBS name, address and proxy
 *       phone are for delivering that posting only ({@link OzonPosting#contact()})</td></tr>
 *   <tr><td>{@link Capability#PURCHASE_HISTORY}</td><td>no: no buyer id in reviews or chats</td></tr>
 *   <tr><td>{@link Capability#PUSH_EVENTS}</td><td>yes for a shop with a secret in the connector's
 *       {@linkplain Builder#push push route}: postings and chat messages are pushed (and polled as a backup, as
 *       Ozon advises); no otherwise</td></tr>
 * </table>
 *
 * <p><b>Push notifications.</b> Built with a push route ({@code OzonConnector.builder(client).push(route)}), the
 * connector offers its per-shop routes from {@link #webhookRoutes()}, so that an application that registers the
 * connector mounts them with it:
 *
 * <pre>{@code
 * AtomicReference<AiHq> hq = new AtomicReference<>();
 * OzonPushRoute push = OzonPushRoute.builder().secrets(secrets)
 *         .lazySink(() -> hq.get() == null ? null : hq.get().events()).build();
 * hq.set(AiHq.builder().connector(OzonConnector.builder(client).push(push).build()) ... .build());
 * }</pre>
 *
 * The SDK's front door matches exact paths and takes its routes when it is built, so a shop whose secret is added
 * or rotated later is served once the front door is built again; a server that routes by prefix can mount the
 * push route itself under {@link OzonPushRoute#path()} and pick up new secrets at once.
 *
 * <p>{@link #messagingRules} declares what a seller writes to Ozon buyers must respect. Ozon's communication policy
 * (reference §3.10, confirmed: a breach can switch off the shop's buyer chat or block the shop) forbids offering
 * to exchange contacts or other channels, and links, phone numbers and addresses: the sales guard refuses those in
 * every shop's messages already, so they need no rule here. Declared from the policy
 * ({@link SourceStatus#CONFIRMED}):
 *
 * <ul>
 *   <li>{@value #NO_CANCELLATION_REQUEST}: never ask the buyer to cancel the order;</li>
 *   <li>{@value #NO_PERSONAL_DATA}: never ask for, collect or keep the buyer's personal data (the posting number
 *       is fine);</li>
 *   <li>{@value #NO_DISPARAGEMENT}: nothing negative about Ozon, competitors or other sellers;</li>
 *   <li>{@value #NO_RUDENESS}: no profanity, insults or rudeness, veiled ones included.</li>
 * </ul>
 *
 * And, as conservative defaults that no Ozon text found states ({@link SourceStatus#UNCONFIRMED}):
 *
 * <ul>
 *   <li>{@value #NO_IMPERSONATION}: never present the seller as Ozon;</li>
 *   <li>{@value #NO_REVIEW_INCENTIVE}: no reward for a positive review.</li>
 * </ul>
 *
 * Misleading product information, which the policy also forbids, is not a word list: the guard compares every
 * amount, code and product of a message with the catalog and the shop's settings.
 *
 * <p>Thread-safe.
 */
public final class OzonConnector implements MarketplaceConnector {

    /** The id of the rule against posing as Ozon. */
    public static final String NO_IMPERSONATION = "ozon.no-impersonation";

    /** The id of the rule against rewards for positive reviews. */
    public static final String NO_REVIEW_INCENTIVE = "ozon.no-review-incentive";

    /** The id of the rule against asking a buyer to cancel. */
    public static final String NO_CANCELLATION_REQUEST = "ozon.no-cancellation-request";

    /** The id of the rule against collecting buyers' personal data. */
    public static final String NO_PERSONAL_DATA = "ozon.no-personal-data";

    /** The id of the rule against disparaging Ozon, competitors or other sellers. */
    public static final String NO_DISPARAGEMENT = "ozon.no-disparagement";

    /** How many of a chat's newest messages {@link #chatOrderRef} reads for the order number. */
    public static final int ORDER_LOOKUP_MESSAGES = 50;

    /** The id of the rule against profanity, insults and rudeness. */
    public static final String NO_RUDENESS = "ozon.no-rudeness";

    private static final String NO_CREDENTIALS = "no Ozon Client-Id and Api-Key are configured for this shop";
    private static final String RULES_SOURCE = "Research reference, marketplaces §3.10 (Ozon messaging rules,"
            + " https://docs.ozon.ru/global/en/policies/communication/): not stated there; enforced as the"
            + " conservative default, as for the other marketplaces";

    private static final String POLICY = "Ozon communication policy,"
            + " https://docs.ozon.ru/global/en/policies/communication/ (research reference, marketplaces §3.10)";

    private static final MessagingRules RULES = MessagingRules.of(
            MessagingRule.forbidding(NO_CANCELLATION_REQUEST, MessagingRuleKind.NO_CANCELLATION_REQUEST,
                    SourceStatus.CONFIRMED, List.of(POLICY), "Never ask the buyer to cancel the order, refuse it or"
                            + " leave it uncollected; explaining Ozon's own cancellation when asked is fine."),
            MessagingRule.forbidding(NO_PERSONAL_DATA, MessagingRuleKind.NO_PERSONAL_DATA_REQUEST,
                    SourceStatus.CONFIRMED, List.of(POLICY), "Never ask for, collect, copy or keep the buyer's"
                            + " personal data (phone, e-mail, address, name, documents, card); the posting or order"
                            + " number is fine."),
            MessagingRule.noDisparagement(NO_DISPARAGEMENT, Set.of("Ozon", "Озон"), SourceStatus.CONFIRMED,
                    List.of(POLICY), "Nothing negative about Ozon, competitors or other sellers; no disparaging"
                            + " comparisons."),
            MessagingRule.forbidding(NO_RUDENESS, MessagingRuleKind.NO_RUDENESS, SourceStatus.CONFIRMED,
                    List.of(POLICY), "No profanity, insults, rudeness or veiled offensive statements; business"
                            + " style and a positive tone."),
            MessagingRule.noImpersonation(NO_IMPERSONATION, Set.of("Ozon", "Озон"), SourceStatus.UNCONFIRMED,
                    List.of(RULES_SOURCE), "Never present the seller as Ozon: no \"служба поддержки Ozon\","
                            + " \"мы — Озон\"; naming Ozon as the place of the order is fine. Ozon's policy found"
                            + " does not state it (unconfirmed); enforced as the conservative default."),
            MessagingRule.noReviewIncentive(NO_REVIEW_INCENTIVE, SourceStatus.UNCONFIRMED, List.of(RULES_SOURCE),
                    "Offer no reward, discount, bonus or cashback in exchange for a positive or 5-star review."
                            + " Ozon's policy found forbids misleading information but does not state this"
                            + " (unconfirmed); enforced as the conservative default."));

    private final OzonClient client;
    private final @Nullable OzonPushRoute push;

    private OzonConnector(OzonClient client, @Nullable OzonPushRoute push) {
        this.client = Objects.requireNonNull(client, "client");
        this.push = push;
    }

    /**
     * Creates a connector over a client, without push notifications.
     *
     * @param client the client, with the shops' credentials and subscriptions
     * @return the connector
     */
    public static OzonConnector of(OzonClient client) {
        return new OzonConnector(client, null);
    }

    /**
     * Starts a builder, for a connector that also receives push notifications.
     *
     * @param client the client, with the shops' credentials and subscriptions
     * @return a builder
     */
    public static Builder builder(OzonClient client) {
        return new Builder(client);
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
                .supports(Capability.FINANCE_DATA, "transactions (at most a month per request) into the"
                        + " ledger, and totals (OzonClient#finance); per-posting commission and payout")
                .refuses(Capability.CUSTOMER_CONTACT, "none for FBS/FBO (customer: null); rFBS gives a name, an"
                        + " address and a substitute (proxy) phone for delivering that posting only"
                        + " (OzonPosting#contact), never a marketing contact; no e-mail")
                .refuses(Capability.PURCHASE_HISTORY, "Ozon gives no buyer id in reviews or chats; whether the rFBS"
                        + " customer_id is stable across orders is not known");
        if (push != null && push.receives(shopId)) {
            set.supports(Capability.PUSH_EVENTS, "new, cancelled and delivered postings and new buyer chat messages"
                    + " are pushed to the shop's secret path (Ozon's networks only) and journaled before the answer;"
                    + " poll as well, Ozon says a push may be late");
        } else {
            set.refuses(Capability.PUSH_EVENTS, push == null
                    ? "Ozon pushes posting and chat events, but this connector was built without a push route;"
                            + " postings and chats are polled"
                    : "the push route has no secret for this shop; postings and chats are polled");
        }
        if (client.subscription(shopId).includesBuyerCommunication()) {
            set.supports(Capability.REVIEWS_READ, "Premium Plus; beta: /v1/review/list (OzonClient#reviews,"
                            + " OzonInboxPoller), no author name or order number")
                    .supports(Capability.REVIEW_REPLY, "Premium Plus; beta: /v1/review/comment/create (Ozon documents"
                            + " no length limit)")
                    .supports(Capability.QUESTIONS, "Premium Plus; beta: list and answer (2-3000 chars, checked"
                            + " before sending; OzonClient#questions, OzonInboxPoller)")
                    .supports(Capability.CHATS, "Premium Plus: list, history, send (plain text, 1-1000 chars), read;"
                            + " FBO: within 48 h of the buyer's last message; FBS/rFBS: from payment to 72 h after"
                            + " delivery, then 48 h after the buyer's last message")
                    .supports(Capability.CHAT_ORDER_LINK, "Premium Plus: /v3/chat/history context.order_number and"
                            + " sku (OzonInboxPoller links them to the posting through the order index); push"
                            + " messages carry none")
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
     * @return the four rules of Ozon's policy, {@value #NO_IMPERSONATION} and {@value #NO_REVIEW_INCENTIVE}
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

    /**
     * Publishes the shop's reply: a review comment ({@link OzonReviews#comment}, marking the review processed), a
     * question answer ({@link OzonQuestions#answer}, which needs the question's SKU: the target's product id) or a
     * chat message ({@link OzonChats#send}). The reply's id is Ozon's comment or answer id; a chat message's, which
     * Ozon does not give, is {@code <chat>:<time sent>}.
     *
     * @param shopId the shop
     * @param target what is answered
     * @param text the reply, within Ozon's limits (question answers 2–3000 characters, chat 1–1000)
     * @return what Ozon accepted
     * @throws CapabilityNotSupportedException when the shop lacks Premium Plus, or a question's SKU is missing
     * @throws MarketplaceException when Ozon refuses or fails (a closed chat window is
     *     {@link OzonChatWindowClosedException})
     */
    @Override
    public PublishedReply reply(ShopId shopId, ReplyTarget target, String text) {
        Instant now = client.clock().instant();
        switch (target.kind()) {
            case REVIEW -> {
                require(shopId, Capability.REVIEW_REPLY);
                return new PublishedReply(client.reviews().comment(shopId, target.threadId(), text, true, null), now);
            }
            case QUESTION -> {
                require(shopId, Capability.QUESTIONS);
                long sku;
                try {
                    sku = Long.parseLong(Objects.requireNonNullElse(target.productId(), "").strip());
                } catch (NumberFormatException e) {
                    throw new CapabilityNotSupportedException(shopId, Capability.QUESTIONS, "question "
                            + target.threadId() + " has no numeric SKU; Ozon answers a question only with its sku");
                }
                return new PublishedReply(client.questions().answer(shopId, target.threadId(), sku, text), now);
            }
            case CHAT_MESSAGE -> {
                require(shopId, Capability.CHATS);
                client.chats().send(shopId, target.threadId(), text);
                return new PublishedReply(target.threadId() + ":" + now.toEpochMilli(), now);
            }
            default -> throw new IllegalStateException("unknown kind " + target.kind());
        }
    }

    /**
     * Starts a chat about an FBS or rFBS posting ({@link OzonChats#start}) and sends the first message
     * ({@link OzonChats#send}). Ozon allows it within 72 h after payment or delivery and enforces that window
     * itself; an FBO posting is refused before any request.
     *
     * @param shopId the shop
     * @param orderRef the posting number
     * @param scheme {@code fbs}, {@code rfbs} or {@code fbo} when known, else {@code null}
     * @param text the first message, 1–1000 characters
     * @return the chat's id and the time it was sent
     * @throws CapabilityNotSupportedException without Premium Plus, or for an FBO posting
     * @throws MarketplaceException when Ozon refuses (the window closed) or fails
     */
    @Override
    public PublishedReply startChat(ShopId shopId, String orderRef, @Nullable String scheme, String text) {
        require(shopId, Capability.PROACTIVE_MESSAGE);
        OzonScheme known = scheme == null ? null : switch (scheme.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "fbs" -> OzonScheme.FBS;
            case "rfbs" -> OzonScheme.RFBS;
            case "fbo" -> OzonScheme.FBO;
            default -> null;
        };
        if (known == OzonScheme.FBO) {
            throw new CapabilityNotSupportedException(shopId, Capability.PROACTIVE_MESSAGE, "posting " + orderRef
                    + " is FBO: only the buyer can start a chat about it");
        }
        String chatId = client.chats().start(shopId, orderRef, known);
        client.chats().send(shopId, chatId, text);
        return new PublishedReply(chatId, client.clock().instant());
    }

    /**
     * Reads a review's current rating ({@link OzonReviews#info}).
     *
     * @param shopId the shop
     * @param reviewId the review's id
     * @return the rating, or empty when Ozon shows none
     * @throws CapabilityNotSupportedException without Premium Plus
     * @throws MarketplaceException when Ozon refuses (an unknown review) or fails
     */
    @Override
    public Optional<Integer> reviewRating(ShopId shopId, String reviewId) {
        require(shopId, Capability.REVIEWS_READ);
        return Optional.ofNullable(client.reviews().info(shopId, reviewId).rating());
    }

    /**
     * Finds the posting a buyer chat is about: the newest {@code context.order_number} in the chat's last
     * {@value #ORDER_LOOKUP_MESSAGES} messages ({@code /v3/chat/history}, newest first). Push messages carry none,
     * so the inbox asks here for a pushed chat.
     *
     * @param shopId the shop
     * @param chatId the chat
     * @return the order number, or empty when the messages name none or the shop lacks Premium Plus
     * @throws MarketplaceException when Ozon refuses or fails
     */
    @Override
    public Optional<String> chatOrderRef(ShopId shopId, String chatId) {
        if (!capabilities(shopId).supports(Capability.CHAT_ORDER_LINK)) {
            return Optional.empty();
        }
        return client.chats().history(shopId, chatId, OzonChatDirection.BACKWARD, null, ORDER_LOOKUP_MESSAGES)
                .messages().stream().map(OzonChatMessage::orderNumber).filter(Objects::nonNull)
                .filter(n -> !n.isBlank()).findFirst();
    }

    /**
     * Returns the push route's per-shop routes ({@link OzonPushRoute#perShopRoutes()}), as the secrets are now, or
     * none without a push route.
     *
     * @return the routes
     */
    @Override
    public List<WebhookRoute> webhookRoutes() {
        return push == null ? List.of() : push.perShopRoutes();
    }

    /**
     * Returns the push route, if the connector has one.
     *
     * @return the route, or empty
     */
    public Optional<OzonPushRoute> push() {
        return Optional.ofNullable(push);
    }

    @Override
    public String toString() {
        return "OzonConnector[" + client + (push == null ? "" : ", push") + "]";
    }

    /** Builds an {@link OzonConnector}. Not thread-safe. */
    public static final class Builder {
        private final OzonClient client;
        private @Nullable OzonPushRoute push;

        private Builder(OzonClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /**
         * Sets the push route whose per-shop routes the connector offers from {@link #webhookRoutes()}.
         *
         * @param push the route
         * @return this builder
         */
        public Builder push(OzonPushRoute push) {
            this.push = Objects.requireNonNull(push, "push");
            return this;
        }

        /**
         * Builds the connector.
         *
         * @return the connector
         */
        public OzonConnector build() {
            return new OzonConnector(client, push);
        }
    }
}

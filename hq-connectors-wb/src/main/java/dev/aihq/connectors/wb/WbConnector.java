package dev.aihq.connectors.wb;

import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import dev.aihq.api.connector.Capability;
import dev.aihq.api.connector.CapabilitySet;
import dev.aihq.api.connector.MarketplaceConnector;
import dev.aihq.api.connector.MessagingRule;
import dev.aihq.api.connector.MessagingRules;
import dev.aihq.api.connector.PublishedReply;
import dev.aihq.api.connector.ReplyTarget;
import dev.aihq.api.connector.SourceStatus;
import dev.aihq.api.error.CapabilityNotSupportedException;
import dev.aihq.api.error.MarketplaceException;
import dev.aihq.api.event.InboxEvent;
import dev.aihq.connectors.wb.internal.mapper.WbInboxMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Wildberries behind the {@link MarketplaceConnector} SPI, with what WB really gives a seller with an API token
 * (reference §5):
 *
 * <table>
 *   <caption>Wildberries capabilities</caption>
 *   <tr><th>Capability</th><th>Answer</th></tr>
 *   <tr><td>{@link Capability#ORDERS}</td><td>yes, by polling: FBS/DBS assembly tasks, statistics for every
 *       scheme</td></tr>
 *   <tr><td>{@link Capability#REVIEWS_READ}, {@link Capability#REVIEW_REPLY}</td><td>yes; answers are public,
 *       moderated, editable once within 60 days</td></tr>
 *   <tr><td>{@link Capability#QUESTIONS}</td><td>yes: list, answer, reject</td></tr>
 *   <tr><td>{@link Capability#CHATS}</td><td>yes, reply only: chats the buyer opened ({@link WbClient#chats()};
 *       {@link WbChatPoller} for the inbox)</td></tr>
 *   <tr><td>{@link Capability#CHAT_ORDER_LINK}</td><td>partly: {@code goodCard.rid} when the buyer wrote from an
 *       order</td></tr>
 *   <tr><td>{@link Capability#FINANCE_DATA}</td><td>yes: {@code reportDetailByPeriod}, balance</td></tr>
 *   <tr><td>{@link Capability#PROACTIVE_MESSAGE}</td><td>no: the API has no method to start a chat; the paid
 *       "chat with a reviewer" option has no API evidence</td></tr>
 *   <tr><td>{@link Capability#CUSTOMER_CONTACT}</td><td>no: none for FBS/FBW; the DBS proxy phone is for
 *       delivery only</td></tr>
 *   <tr><td>{@link Capability#PURCHASE_HISTORY}</td><td>no: WB gives no buyer id</td></tr>
 *   <tr><td>{@link Capability#PUSH_EVENTS}</td><td>no: seller webhooks only for WB Business Solutions catalog
 *       services</td></tr>
 * </table>
 *
 * <p>{@link Capability#CUSTOMER_CONTACT} is refused for every fulfilment scheme: the capability model has no
 * per-scheme answer, and the one contact WB gives (DBS: first name and a substitute phone via
 * {@code /api/v3/dbs/orders/client}) is for delivering that order; using it to message the buyer is covered by no
 * source, so the default is not to. That contact is read only through {@link WbOrders#dbsContacts}, as a
 * {@link WbDbsContact} whose type says it is for delivery only. A shop without a token gets nothing: every
 * capability is refused with that reason.
 *
 * <p>{@link #messagingRules} declares what a seller writes to WB buyers must respect; the sales guard enforces
 * each, confirmed or not. WB's own content rules for chats and answers were not found in its official text
 * (reference §2.10), so both rules are {@link SourceStatus#UNCONFIRMED}:
 *
 * <ul>
 *   <li>{@value #NO_IMPERSONATION}: never present the seller as Wildberries;</li>
 *   <li>{@value #NO_REVIEW_INCENTIVE}: no reward for a positive review.</li>
 * </ul>
 *
 * <p>No external links, no phone numbers or e-mail addresses and no off-platform promotion (the rules seller
 * guides state for WB, also unconfirmed) need no rule here: the sales guard refuses links, phones and e-mail
 * addresses in every shop's messages. Feedback and question answers are public and moderated: treat them as
 * published text.
 *
 * <p>Thread-safe.
 */
public final class WbConnector implements MarketplaceConnector {

    /** The id of the rule against posing as Wildberries. */
    public static final String NO_IMPERSONATION = "wildberries.no-impersonation";

    /** The id of the rule against rewards for positive reviews. */
    public static final String NO_REVIEW_INCENTIVE = "wildberries.no-review-incentive";

    private static final String NO_TOKEN = "no Wildberries API token is configured for this shop";
    private static final String RULES_SOURCE = "Research reference, marketplaces §2.10 (WB messaging rules):"
            + " content rules for chats and answers not found in WB's official text; stated by third-party seller"
            + " guides and the seed document";

    private static final MessagingRules RULES = MessagingRules.of(
            MessagingRule.noImpersonation(NO_IMPERSONATION, Set.of("Wildberries", "WB", "Вайлдберриз", "Вайлдбериз"),
                    SourceStatus.UNCONFIRMED, List.of(RULES_SOURCE),
                    "Never present the seller as Wildberries: no \"служба поддержки Wildberries\", \"мы — WB\";"
                            + " naming WB as the place of the order is fine. No WB text found states it"
                            + " (unconfirmed); enforced as the conservative default."),
            MessagingRule.noReviewIncentive(NO_REVIEW_INCENTIVE, SourceStatus.UNCONFIRMED, List.of(RULES_SOURCE),
                    "Offer no reward, discount, bonus or cashback in exchange for a positive or 5-star review;"
                            + " answers to reviews are public and moderated. No WB text found states it"
                            + " (unconfirmed); enforced as the conservative default."));

    private final WbClient client;

    private WbConnector(WbClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * Creates a connector over a client.
     *
     * @param client the client, with the shops' credentials
     * @return the connector
     */
    public static WbConnector of(WbClient client) {
        return new WbConnector(client);
    }

    /**
     * Returns the client, for calls beyond the SPI (counts, archive, edits).
     *
     * @return the client
     */
    public WbClient client() {
        return client;
    }

    @Override
    public Marketplace marketplace() {
        return Marketplace.WILDBERRIES;
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
                .supports(Capability.ORDERS, "polled: FBS/DBS assembly tasks (30-day windows) and statistics for"
                        + " every scheme; no buyer name or phone for FBS/FBW")
                .supports(Capability.REVIEWS_READ, "polled; the archive too; buyer's first name only")
                .supports(Capability.REVIEW_REPLY, "public and moderated; one edit within 60 days; 2-5000 chars")
                .supports(Capability.QUESTIONS, "list, answer (one edit within 60 days), reject; public, moderated")
                .supports(Capability.CHATS, "reply only, in chats the buyer opened (no API creates a chat);"
                        + " messages up to 1000 chars, JPEG/PNG/PDF files up to 5 MiB each, 30 MiB together")
                .supports(Capability.CHAT_ORDER_LINK, "partial: goodCard.rid (= srid) and nmID only when the"
                        + " buyer wrote from an order")
                .supports(Capability.FINANCE_DATA, "reportDetailByPeriod (commission, logistics, penalties,"
                        + " payout) and balance; 1 request a minute each")
                .refuses(Capability.PROACTIVE_MESSAGE, "the WB API has no method to start a chat; the paid"
                        + " \"chat with a reviewer\" option has no API evidence")
                .refuses(Capability.CUSTOMER_CONTACT, "none for FBS/FBW; the DBS substitute phone is for delivering"
                        + " the order only (WbOrders#dbsContacts), never a marketing contact")
                .refuses(Capability.PURCHASE_HISTORY, "WB gives no buyer id (chat clientID is deprecated, feedbacks"
                        + " carry a first name only)")
                .refuses(Capability.PUSH_EVENTS, "WB seller webhooks are only for WB Business Solutions catalog"
                        + " services; everything is polled")
                .build();
    }

    /**
     * Returns Wildberries' messaging rules, the same for every shop (with or without a token): see the class
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
     * Lists a shop's FBS assembly tasks; see {@link WbOrders#fbs(ShopId, Instant, Instant)}.
     *
     * @param shopId the shop
     * @param from created at or after
     * @param to created at or before
     * @return the tasks
     * @throws CapabilityNotSupportedException if the shop does not get {@link Capability#ORDERS}
     * @throws MarketplaceException if WB refuses, fails or answers what cannot be read
     */
    public List<WbOrder> listFbsOrders(ShopId shopId, Instant from, Instant to) {
        require(shopId, Capability.ORDERS);
        return client.orders().fbs(shopId, from, to);
    }

    /**
     * Reads a shop's unanswered feedbacks and questions created since an instant, as inbox events, oldest first:
     * a feedback is a {@link dev.aihq.api.event.InboxItemKind#REVIEW}, a question a
     * {@link dev.aihq.api.event.InboxItemKind#QUESTION}. An event's key makes an item read twice one event in the
     * journal.
     *
     * @param shopId the shop
     * @param since created at or after (whole seconds)
     * @return the events, by creation date
     * @throws CapabilityNotSupportedException if the shop gets no reviews or questions
     * @throws MarketplaceException if WB refuses, fails or answers what cannot be read
     */
    public List<InboxEvent> newReviewsAndQuestions(ShopId shopId, Instant since) {
        require(shopId, Capability.REVIEWS_READ);
        require(shopId, Capability.QUESTIONS);
        WbListQuery query = WbListQuery.unanswered().toBuilder().dateFrom(since).build();
        List<InboxEvent> events = new ArrayList<>();
        for (WbFeedback feedback : client.feedbacks().list(shopId, query)) {
            events.add(WbInboxMapper.review(shopId, feedback));
        }
        for (WbQuestion question : client.questions().list(shopId, query)) {
            events.add(WbInboxMapper.question(shopId, question));
        }
        events.sort(Comparator.comparing(InboxEvent::occurredAt));
        return List.copyOf(events);
    }

    /**
     * Publishes the shop's reply: a feedback answer ({@link WbFeedbacks#answer}), a question answer
     * ({@link WbQuestions#answer}) or a chat message through the chat's {@code replySign}, the target's reply
     * handle ({@link WbChats#send}). Wildberries gives no id for an answer, so the reply's id is
     * {@code answer:<thread>}; a chat message's is {@code <chat>:<time the message was added>}.
     *
     * @param shopId the shop
     * @param target what is answered
     * @param text the reply, within Wildberries' limits (answers 2–5000 characters, chat 1–1000)
     * @return what Wildberries accepted
     * @throws CapabilityNotSupportedException when the shop lacks the capability, or a chat has no reply sign
     * @throws MarketplaceException when Wildberries refuses or fails
     */
    @Override
    public PublishedReply reply(ShopId shopId, ReplyTarget target, String text) {
        switch (target.kind()) {
            case REVIEW -> {
                require(shopId, Capability.REVIEW_REPLY);
                client.feedbacks().answer(shopId, target.threadId(), text);
                return new PublishedReply("answer:" + target.threadId(), client.clock().instant());
            }
            case QUESTION -> {
                require(shopId, Capability.QUESTIONS);
                client.questions().answer(shopId, target.threadId(), text);
                return new PublishedReply("answer:" + target.threadId(), client.clock().instant());
            }
            case CHAT_MESSAGE -> {
                require(shopId, Capability.CHATS);
                if (target.replyHandle() == null) {
                    throw new CapabilityNotSupportedException(shopId, Capability.CHATS, "chat " + target.threadId()
                            + " has no replySign: Wildberries accepts a message only with the chat's reply sign");
                }
                WbSentMessage sent = client.chats().send(shopId, target.replyHandle(), text, List.of());
                return new PublishedReply(sent.chatId() + ":" + sent.addTime().toEpochMilli(), sent.addTime());
            }
            default -> throw new IllegalStateException("unknown kind " + target.kind());
        }
    }

    /**
     * Reads a feedback's current rating ({@link WbFeedbacks#get}).
     *
     * @param shopId the shop
     * @param reviewId the feedback's id
     * @return the rating, or empty when WB has no such feedback or shows no rating
     * @throws CapabilityNotSupportedException when the shop lacks {@link Capability#REVIEWS_READ}
     * @throws MarketplaceException when WB refuses or fails
     */
    @Override
    public java.util.Optional<Integer> reviewRating(ShopId shopId, String reviewId) {
        require(shopId, Capability.REVIEWS_READ);
        return client.feedbacks().get(shopId, reviewId).map(WbFeedback::rating);
    }

    @Override
    public String toString() {
        return "WbConnector[" + client + "]";
    }
}

package dev.aihq.connectors.ozon;

import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import dev.aihq.api.connector.Capability;
import dev.aihq.api.connector.EventSink;
import dev.aihq.api.error.AuthenticationException;
import dev.aihq.api.error.CapabilityNotSupportedException;
import dev.aihq.api.error.MarketplaceException;
import dev.aihq.api.event.InboxEvent;
import dev.aihq.api.event.InboxItemKind;
import dev.aihq.api.event.InboxSender;
import dev.aihq.api.store.IndexedOrder;
import dev.aihq.api.store.OrderIndexStore;
import dev.aihq.api.store.PollCursor;
import dev.aihq.api.store.PollCursorStore;
import dev.aihq.connectors.ozon.internal.client.OzonHttp;
import dev.aihq.connectors.ozon.internal.client.OzonHttpAccess;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a shop's new Ozon reviews, questions and buyer-chat messages into the inbox as {@link InboxEvent}s handed to
 * the {@link EventSink}, which journals each before the poller goes on. Reviews, questions and chats need
 * <b>Premium Plus</b> (reference §3.5–§3.7); a shop without it is refused with a
 * {@link CapabilityNotSupportedException} before any request. Ozon pushes chat messages but not reviews or
 * questions (§3.9), and its pushes carry no order number: run this poller on a schedule next to the push route.
 *
 * <pre>{@code
 * OzonInboxPoller poller = OzonInboxPoller.builder(ozon, hq.events(), stores.cursors())
 *         .orderIndex(stores.orderIndex())     // filled by OzonPostingPoller; only read here
 *         .build();
 * OzonInboxPollReport report = poller.poll(shop);
 * }</pre>
 *
 * <p><b>Reviews</b> ({@value #REVIEWS_STREAM}): {@code /v1/review/list} with {@code status ALL},
 * {@code sort_dir ASC}, walked by {@code last_id} from the cursor (the {@code last_id} of the last page whose every
 * review was journaled), so each poll reads only what was published since. A review Ozon already lists as
 * {@code PROCESSED} (answered in the cabinet) is skipped, as is one published more than the maximum age
 * ({@link Builder#maxAge}, 30 days by default) before the poll, so that the first poll does not bring back years of
 * reviews. <i>Why not {@code UNPROCESSED}:</i> a review leaves that list when processed, so a saved {@code last_id}
 * could point at an item no longer in it; {@code ALL} only grows at its end. That Ozon's {@code last_id} resumes a
 * later walk is the reading of the method's docs, not confirmed on a live account; when the last page brings no
 * {@code last_id}, the cursor stays and the journal answers the page read again as duplicates. The event: thread and
 * message = the review's id, the rating, product = Ozon's SKU; no author and no order (Ozon gives neither, §3.5).
 *
 * <p><b>Questions</b> ({@value #QUESTIONS_STREAM}): {@code /v1/question/list} with {@code status ALL} from the
 * cursor (the start of the last complete poll) minus the look-back ({@link Builder#questionLookBack}, 1 day) to the
 * poll's start, every page; the first poll reads the maximum age. Processed questions are skipped. The cursor moves
 * once every page of the window is journaled. The event: thread and message = the question's id, the author's name,
 * product = Ozon's SKU.
 *
 * <p><b>Buyer chats</b>: {@code /v3/chat/list} (all statuses), every page. Only {@code Buyer_Seller} and
 * {@code Buyer_Seller_Select} chats (any letter case) are read; support and notification chats are counted and left.
 * Each buyer chat has its own cursor ({@value #CHAT_STREAM_PREFIX}{@code <chat id>}, the newest message journaled).
 * A chat whose {@code last_message_id} equals its cursor is not read; otherwise its history
 * ({@code /v3/chat/history}, {@code Backward}) is read back to the cursor (or the maximum age), and the new messages
 * are journaled oldest first; the chat's cursor moves after all of them are journaled. On the shop's very first
 * chat poll ({@value #CHATS_STREAM} not saved yet), a buyer chat with nothing unread is not read: its newest message
 * is recorded as seen. The event: thread = {@code chat_id}, message = {@code message_id} (the same key the push route
 * gives the same message, so a pushed and a polled message are one journal entry), the sender from
 * {@code user.type} (customer → buyer, seller → seller, anything else → Ozon; Cyrillic "С" read as "C"), the order
 * reference = {@code context.order_number}, product = {@code context.sku}. Messages of the seller and of Ozon are
 * journaled too, so that a thread shows what was already answered, unless {@link Builder#buyerMessagesOnly}.
 *
 * <p><b>The order link.</b> With an {@link OrderIndexStore} the poller looks {@code context.order_number} up
 * ({@code lookup(shop, OZON, number, 5)}: the index's {@code orderUid} is Ozon's {@code order_number}, filled by
 * {@link OzonPostingPoller}) and adds the seller's article and the product name of the matching posting (the one
 * with the message's SKU when the order has several, else the newest). It never writes to the index.
 *
 * <p><b>Nothing lost, nothing doubled.</b> A cursor is saved only after every event before it is journaled. An event
 * the sink rejects keeps its stream's (or chat's) cursor; an exception of the sink or the cursor store propagates
 * with the cursor unmoved; either way the next poll reads the same items again and the journal answers those it
 * holds as duplicates (keys {@code inbox:ozon:<kind>:<thread>:<message>}). A refused key
 * ({@link AuthenticationException}) or subscription ({@link OzonSubscriptionRequiredException}) stops the poll; any
 * other failure of a listing stops that stream and is reported. Thread-safe if the sink and the stores are; poll one
 * shop from one thread at a time.
 */
public final class OzonInboxPoller {

    /** The reviews cursor: the {@code last_id} of the last page journaled. */
    public static final String REVIEWS_STREAM = "ozon.inbox.reviews";

    /** The questions cursor: the start of the last complete poll. */
    public static final String QUESTIONS_STREAM = "ozon.inbox.questions";

    /** The chats marker: the start of the last poll that read the whole chat list. */
    public static final String CHATS_STREAM = "ozon.inbox.chats";

    /** The prefix of each buyer chat's cursor (the newest message journaled). */
    public static final String CHAT_STREAM_PREFIX = "ozon.inbox.chat.";

    /** The default most pages per list (and per chat history) in one poll. */
    public static final int DEFAULT_MAX_PAGES = 100;

    /** The default maximum age of a review, question or message the poller journals. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(30);

    /** The default look-back of the questions window. */
    public static final Duration DEFAULT_QUESTION_LOOK_BACK = Duration.ofDays(1);

    /** How many index matches an order-number lookup asks for. */
    public static final int INDEX_LOOKUP_LIMIT = 5;

    /** The page size of the review list (Ozon's maximum). */
    static final int REVIEW_PAGE = OzonReviews.MAX_LIMIT;

    /** The page size of a chat history read. */
    static final int HISTORY_PAGE = 100;

    private static final Logger LOG = LoggerFactory.getLogger(OzonInboxPoller.class);
    private static final Pattern PLAIN_CHAT_ID = Pattern.compile("[a-z0-9][a-z0-9_.:-]{0,80}");

    private final OzonClient client;
    private final OzonHttp http;
    private final EventSink sink;
    private final PollCursorStore cursors;
    private final @Nullable OrderIndexStore orderIndex;
    private final Clock clock;
    private final int maxPages;
    private final Duration maxAge;
    private final Duration questionLookBack;
    private final boolean reviews;
    private final boolean questions;
    private final boolean chats;
    private final boolean buyerMessagesOnly;

    private OzonInboxPoller(Builder builder) {
        this.client = builder.client;
        this.http = OzonHttpAccess.http(builder.client);
        this.sink = builder.sink;
        this.cursors = builder.cursors;
        this.orderIndex = builder.orderIndex;
        this.clock = builder.clock;
        this.maxPages = builder.maxPages;
        this.maxAge = builder.maxAge;
        this.questionLookBack = builder.questionLookBack;
        this.reviews = builder.reviews;
        this.questions = builder.questions;
        this.chats = builder.chats;
        this.buyerMessagesOnly = builder.buyerMessagesOnly;
    }

    /**
     * Starts a builder on a connector's client.
     *
     * @param connector the Ozon connector
     * @param sink where events go, e.g. {@code AiHq#events()}
     * @param cursors where the cursors are kept, e.g. {@code Stores#cursors()}
     * @return a builder
     */
    public static Builder builder(OzonConnector connector, EventSink sink, PollCursorStore cursors) {
        return new Builder(Objects.requireNonNull(connector, "connector").client(), sink, cursors);
    }

    /**
     * Starts a builder on a client.
     *
     * @param client the Ozon client
     * @param sink where events go
     * @param cursors where the cursors are kept
     * @return a builder
     */
    public static Builder builder(OzonClient client, EventSink sink, PollCursorStore cursors) {
        return new Builder(client, sink, cursors);
    }

    /**
     * Returns the cursor stream of one buyer chat: {@value #CHAT_STREAM_PREFIX} and the chat id, or a digest of the
     * id when it is not a valid stream name.
     *
     * @param chatId Ozon's chat id
     * @return the stream name
     */
    public static String chatStream(String chatId) {
        if (PLAIN_CHAT_ID.matcher(chatId).matches()) {
            return CHAT_STREAM_PREFIX + chatId;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(chatId.getBytes(StandardCharsets.UTF_8));
            return CHAT_STREAM_PREFIX + "sha256-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /**
     * Polls one shop once: new reviews, questions and buyer-chat messages, each stream from its cursor.
     *
     * @param shopId the shop
     * @return what was read and journaled
     * @throws CapabilityNotSupportedException if the shop has no credentials or no Premium Plus, before any request
     * @throws AuthenticationException when Ozon refuses the key; no cursor moved past what was journaled
     * @throws OzonSubscriptionRequiredException when Ozon says the shop lacks Premium Plus (code 7)
     * @throws dev.aihq.api.error.StoreException when the journal, the cursors or the order index cannot be used; the
     *     cursor stays before the events being journaled
     */
    public OzonInboxPollReport poll(ShopId shopId) {
        Objects.requireNonNull(shopId, "shopId");
        if (reviews) {
            http.requireAccess(shopId, Capability.REVIEWS_READ);
        }
        if (questions) {
            http.requireAccess(shopId, Capability.QUESTIONS);
        }
        if (chats) {
            http.requireAccess(shopId, Capability.CHATS);
        }
        Instant started = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant oldest = started.minus(maxAge);
        OzonInboxPollReport.StreamReport reviewReport = reviews ? pollReviews(shopId, started, oldest)
                : OzonInboxPollReport.StreamReport.notPolled(REVIEWS_STREAM);
        OzonInboxPollReport.StreamReport questionReport = questions ? pollQuestions(shopId, started, oldest)
                : OzonInboxPollReport.StreamReport.notPolled(QUESTIONS_STREAM);
        ChatCounts counts = new ChatCounts();
        OzonInboxPollReport.StreamReport chatReport = chats ? pollChats(shopId, started, oldest, counts)
                : OzonInboxPollReport.StreamReport.notPolled(CHATS_STREAM);
        OzonInboxPollReport report = new OzonInboxPollReport(shopId, started, reviewReport, questionReport,
                chatReport, counts.listed, counts.ignored, counts.read, counts.baselined);
        LOG.debug("Ozon inbox poll of shop {}: {}", shopId, report);
        return report;
    }

    // ------------------------------------------------------------------ reviews

    private OzonInboxPollReport.StreamReport pollReviews(ShopId shopId, Instant started, Instant oldest) {
        Tally tally = new Tally(REVIEWS_STREAM);
        String lastId = cursors.find(shopId, REVIEWS_STREAM).map(PollCursor::position).orElse(null);
        while (true) {
            if (tally.pages >= maxPages) {
                return tally.incomplete("stopped after " + maxPages + " pages; the next poll goes on from the"
                        + " cursor");
            }
            OzonReviewPage page;
            try {
                page = client.reviews().page(shopId, lastId, REVIEW_PAGE, OzonSortDir.ASC, OzonReviewStatus.ALL);
            } catch (AuthenticationException | OzonSubscriptionRequiredException e) {
                throw e;
            } catch (MarketplaceException e) {
                return tally.incomplete("review list failed: " + e.getMessage());
            }
            tally.pages++;
            int rejectedBefore = tally.rejected;
            for (OzonReview review : page.reviews()) {
                tally.read++;
                if (review.processed() || (review.publishedAt() != null && review.publishedAt().isBefore(oldest))) {
                    tally.skipped++;
                    continue;
                }
                deliver(shopId, reviewEvent(shopId, review, started), tally);
            }
            if (tally.rejected > rejectedBefore) {
                return tally.incomplete(null);
            }
            if (page.lastId() != null && !page.lastId().equals(lastId)) {
                cursors.save(new PollCursor(shopId, REVIEWS_STREAM, page.lastId(), clock.instant()));
            }
            if (!page.hasNext() || page.reviews().isEmpty()) {
                return tally.complete();
            }
            if (page.lastId() == null || page.lastId().equals(lastId)) {
                return tally.incomplete("has_next is true but last_id did not move; stopped");
            }
            lastId = page.lastId();
        }
    }

    private static InboxEvent reviewEvent(ShopId shopId, OzonReview review, Instant started) {
        return InboxEvent.builder().shopId(shopId).marketplace(Marketplace.OZON).kind(InboxItemKind.REVIEW)
                .threadId(review.id()).messageId(review.id()).sender(InboxSender.BUYER).text(review.text())
                .rating(review.rating()).productId(review.sku() == null ? null : Long.toString(review.sku()))
                .occurredAt(review.publishedAt() != null ? review.publishedAt() : started).build();
    }

    // ------------------------------------------------------------------ questions

    private OzonInboxPollReport.StreamReport pollQuestions(ShopId shopId, Instant started, Instant oldest) {
        Tally tally = new Tally(QUESTIONS_STREAM);
        Optional<PollCursor> cursor = cursors.find(shopId, QUESTIONS_STREAM);
        Instant since = oldest;
        if (cursor.isPresent()) {
            try {
                Instant through = Instant.parse(cursor.get().position());
                since = (through.isAfter(started) ? started : through).minus(questionLookBack);
            } catch (DateTimeParseException e) {
                throw new IllegalStateException("cursor " + QUESTIONS_STREAM + " of shop " + shopId + " holds '"
                        + cursor.get().position() + "', which is not an instant; delete it"
                        + " (PollCursorStore#delete)", e);
            }
        }
        String lastId = null;
        while (true) {
            if (tally.pages >= maxPages) {
                return tally.incomplete("stopped after " + maxPages + " pages; the next poll reads the window again");
            }
            OzonQuestionPage page;
            try {
                page = client.questions().page(shopId, since, started, OzonQuestionStatus.ALL, lastId);
            } catch (AuthenticationException | OzonSubscriptionRequiredException e) {
                throw e;
            } catch (MarketplaceException e) {
                return tally.incomplete("question list failed: " + e.getMessage());
            }
            tally.pages++;
            for (OzonQuestion question : page.questions()) {
                tally.read++;
                if (question.status().equalsIgnoreCase(OzonQuestionStatus.PROCESSED.name())) {
                    tally.skipped++;
                    continue;
                }
                deliver(shopId, questionEvent(shopId, question, started), tally);
            }
            if (tally.rejected > 0) {
                return tally.incomplete(null);
            }
            if (page.questions().isEmpty() || page.lastId() == null || page.lastId().equals(lastId)) {
                cursors.save(new PollCursor(shopId, QUESTIONS_STREAM, started.toString(), clock.instant()));
                return tally.complete();
            }
            lastId = page.lastId();
        }
    }

    private static InboxEvent questionEvent(ShopId shopId, OzonQuestion question, Instant started) {
        return InboxEvent.builder().shopId(shopId).marketplace(Marketplace.OZON).kind(InboxItemKind.QUESTION)
                .threadId(question.id()).messageId(question.id()).sender(InboxSender.BUYER).text(question.text())
                .authorName(question.authorName())
                .productId(question.sku() == null ? null : Long.toString(question.sku()))
                .occurredAt(question.publishedAt() != null ? question.publishedAt() : started).build();
    }

    // ------------------------------------------------------------------ chats

    private OzonInboxPollReport.StreamReport pollChats(ShopId shopId, Instant started, Instant oldest,
            ChatCounts counts) {
        Tally tally = new Tally(CHATS_STREAM);
        boolean firstPoll = cursors.find(shopId, CHATS_STREAM).isEmpty();
        List<OzonChat> listed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String cursor = null;
        boolean listComplete = false;
        while (tally.pages < maxPages) {
            OzonChatPage page;
            try {
                page = client.chats().page(shopId, OzonChatStatus.ALL, false, OzonChats.MAX_LIMIT, cursor);
            } catch (AuthenticationException | OzonSubscriptionRequiredException e) {
                throw e;
            } catch (MarketplaceException e) {
                tally.problems.add("chat list failed: " + e.getMessage());
                break;
            }
            tally.pages++;
            page.chats().stream().filter(c -> seen.add(c.chatId())).forEach(listed::add);
            if (!page.hasNext() || page.chats().isEmpty()) {
                listComplete = true;
                break;
            }
            if (page.cursor() == null || page.cursor().equals(cursor)) {
                tally.problems.add("chat list: has_next is true but the cursor did not move; stopped");
                break;
            }
            cursor = page.cursor();
        }
        if (!listComplete && tally.problems.isEmpty()) {
            tally.problems.add("chat list: stopped after " + maxPages + " pages");
        }
        counts.listed = listed.size();
        Map<String, String> chatCursors = new HashMap<>();
        for (PollCursor saved : cursors.list(shopId)) {
            if (saved.stream().startsWith(CHAT_STREAM_PREFIX)) {
                chatCursors.put(saved.stream(), saved.position());
            }
        }
        Map<String, Optional<IndexedOrder>> orders = new HashMap<>();
        boolean chatsComplete = true;
        for (OzonChat chat : listed) {
            if (!chat.buyerChat()) {
                counts.ignored++;
                continue;
            }
            if (chat.lastMessageId() == null) {
                continue;
            }
            String stream = chatStream(chat.chatId());
            String seenUpTo = chatCursors.get(stream);
            if (chat.lastMessageId().equals(seenUpTo)) {
                continue;
            }
            if (seenUpTo == null && firstPoll && chat.unreadCount() == 0) {
                cursors.save(new PollCursor(shopId, stream, chat.lastMessageId(), clock.instant()));
                counts.baselined++;
                continue;
            }
            counts.read++;
            if (!pollChat(shopId, chat, stream, seenUpTo, started, oldest, tally, orders)) {
                chatsComplete = false;
            }
        }
        if (listComplete) {
            cursors.save(new PollCursor(shopId, CHATS_STREAM, started.toString(), clock.instant()));
        }
        return listComplete && chatsComplete ? tally.complete() : tally.incomplete(null);
    }

    /** Reads one buyer chat back to its cursor and journals the new messages oldest first; true when all went. */
    private boolean pollChat(ShopId shopId, OzonChat chat, String stream, @Nullable String seenUpTo, Instant started,
            Instant oldest, Tally tally, Map<String, Optional<IndexedOrder>> orders) {
        List<OzonChatMessage> fresh = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String from = null;
        boolean reached = false;
        boolean capped = false;
        int pages = 0;
        while (!reached) {
            if (pages >= maxPages) {
                tally.problems.add("chat " + chat.chatId() + ": stopped after " + maxPages + " history pages;"
                        + " older messages are not read");
                capped = true;
                break;
            }
            OzonChatHistoryPage page;
            try {
                page = client.chats().history(shopId, chat.chatId(), OzonChatDirection.BACKWARD, from, HISTORY_PAGE);
            } catch (AuthenticationException | OzonSubscriptionRequiredException e) {
                throw e;
            } catch (MarketplaceException e) {
                tally.problems.add("chat " + chat.chatId() + ": history failed: " + e.getMessage());
                return false;
            }
            pages++;
            tally.pages++;
            for (OzonChatMessage message : page.messages()) {
                if (!ids.add(message.messageId())) {
                    continue;
                }
                if (atOrBefore(message.messageId(), seenUpTo)
                        || (message.createdAt() != null && message.createdAt().isBefore(oldest))) {
                    reached = true;
                    break;
                }
                fresh.add(message);
            }
            if (!page.hasNext() || page.messages().isEmpty()) {
                break;
            }
            from = page.messages().get(page.messages().size() - 1).messageId();
        }
        Collections.reverse(fresh);
        int rejectedBefore = tally.rejected;
        for (OzonChatMessage message : fresh) {
            tally.read++;
            if (buyerMessagesOnly && message.sender() != InboxSender.BUYER) {
                tally.skipped++;
                continue;
            }
            deliver(shopId, chatEvent(shopId, chat.chatId(), message, started, orders), tally);
        }
        if (tally.rejected > rejectedBefore) {
            return false;
        }
        String newest = fresh.isEmpty() ? chat.lastMessageId() : fresh.get(fresh.size() - 1).messageId();
        if (newest != null && !newest.equals(seenUpTo)) {
            cursors.save(new PollCursor(shopId, stream, newest, clock.instant()));
        }
        return !capped;
    }

    private InboxEvent chatEvent(ShopId shopId, String chatId, OzonChatMessage message, Instant started,
            Map<String, Optional<IndexedOrder>> orders) {
        InboxEvent.Builder event = InboxEvent.builder().shopId(shopId).marketplace(Marketplace.OZON)
                .kind(InboxItemKind.CHAT_MESSAGE).threadId(chatId).messageId(message.messageId())
                .sender(message.sender()).text(message.text()).orderRef(message.orderNumber())
                .productId(message.sku())
                .occurredAt(message.createdAt() != null ? message.createdAt() : started);
        if (message.image()) {
            event.attachment("image");
        }
        if (orderIndex != null && message.orderNumber() != null) {
            Optional<IndexedOrder> order = orders.computeIfAbsent(message.orderNumber() + "|" + message.sku(),
                    k -> indexed(shopId, message.orderNumber(), message.sku()));
            order.ifPresent(o -> {
                event.sellerSku(o.sellerSku()).productName(o.productName());
                if (message.sku() == null) {
                    event.productId(o.productId());
                }
            });
        }
        return event.build();
    }

    private Optional<IndexedOrder> indexed(ShopId shopId, String orderNumber, @Nullable String sku) {
        List<IndexedOrder> found = Objects.requireNonNull(orderIndex).lookup(shopId, Marketplace.OZON, orderNumber,
                INDEX_LOOKUP_LIMIT);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return found.stream().filter(o -> sku != null && sku.equals(o.productId())).findFirst()
                .or(() -> Optional.of(found.get(0)));
    }

    /** Whether a message id is the cursor's, or (both numeric) not after it. */
    static boolean atOrBefore(String messageId, @Nullable String cursor) {
        if (cursor == null) {
            return false;
        }
        if (messageId.equals(cursor)) {
            return true;
        }
        if (messageId.matches("\\d{1,40}") && cursor.matches("\\d{1,40}")) {
            return new BigInteger(messageId).compareTo(new BigInteger(cursor)) <= 0;
        }
        return false;
    }

    // ------------------------------------------------------------------ shared

    private void deliver(ShopId shopId, InboxEvent event, Tally tally) {
        if (sink.contains(shopId, event.idempotencyKey())) {
            tally.known++;
            return;
        }
        EventSink.Acceptance acceptance = sink.accept(event);
        switch (acceptance.outcome()) {
            case ACCEPTED -> tally.accepted++;
            case DUPLICATE -> tally.known++;
            case REJECTED -> {
                tally.rejected++;
                tally.problems.add(event.kind().wireValue() + " " + event.threadId() + "/" + event.messageId()
                        + " rejected: " + acceptance.reason());
            }
            default -> throw new IllegalStateException(acceptance.outcome().name());
        }
    }

    @Override
    public String toString() {
        return "OzonInboxPoller[reviews=" + reviews + ", questions=" + questions + ", chats=" + chats + ", maxPages="
                + maxPages + ", maxAge=" + maxAge + ", orderIndex=" + (orderIndex != null) + "]";
    }

    /** One stream's counts in one poll. */
    private static final class Tally {
        final String stream;
        int pages;
        int read;
        int accepted;
        int known;
        int skipped;
        int rejected;
        final List<String> problems = new ArrayList<>();

        Tally(String stream) {
            this.stream = stream;
        }

        OzonInboxPollReport.StreamReport complete() {
            return new OzonInboxPollReport.StreamReport(stream, true, pages, read, accepted, known, skipped, rejected,
                    problems, true);
        }

        OzonInboxPollReport.StreamReport incomplete(@Nullable String problem) {
            if (problem != null) {
                problems.add(problem);
            }
            problems.forEach(p -> LOG.warn("Ozon inbox poll ({}): {}", stream, p));
            return new OzonInboxPollReport.StreamReport(stream, true, pages, read, accepted, known, skipped, rejected,
                    problems, false);
        }
    }

    /** The chat list's counts. */
    private static final class ChatCounts {
        int listed;
        int ignored;
        int read;
        int baselined;
    }

    /** Builds an {@link OzonInboxPoller}. Not thread-safe. */
    public static final class Builder {
        private final OzonClient client;
        private final EventSink sink;
        private final PollCursorStore cursors;
        private @Nullable OrderIndexStore orderIndex;
        private Clock clock = Clock.systemUTC();
        private int maxPages = DEFAULT_MAX_PAGES;
        private Duration maxAge = DEFAULT_MAX_AGE;
        private Duration questionLookBack = DEFAULT_QUESTION_LOOK_BACK;
        private boolean reviews = true;
        private boolean questions = true;
        private boolean chats = true;
        private boolean buyerMessagesOnly;

        private Builder(OzonClient client, EventSink sink, PollCursorStore cursors) {
            this.client = Objects.requireNonNull(client, "client");
            this.sink = Objects.requireNonNull(sink, "sink");
            this.cursors = Objects.requireNonNull(cursors, "cursors");
        }

        /**
         * Sets the order index whose postings add the seller's article and the product name to chat messages with
         * an order number. Default none. Only read.
         *
         * @param index the index, or {@code null} for none
         * @return this builder
         */
        public Builder orderIndex(@Nullable OrderIndexStore index) {
            this.orderIndex = index;
            return this;
        }

        /**
         * Sets the clock of the poll's start and the cursors' {@code updatedAt}. Default system UTC.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the most pages one poll reads of each list, and of each chat's history.
         *
         * @param pages at least 1; default {@value #DEFAULT_MAX_PAGES}
         * @return this builder
         */
        public Builder maxPages(int pages) {
            if (pages < 1) {
                throw new IllegalArgumentException("maxPages must be at least 1, got " + pages);
            }
            this.maxPages = pages;
            return this;
        }

        /**
         * Sets the oldest a review, question or chat message may be to be journaled, counted back from the poll.
         *
         * @param maxAge 1 hour to 365 days; default 30 days
         * @return this builder
         */
        public Builder maxAge(Duration maxAge) {
            if (maxAge.compareTo(Duration.ofHours(1)) < 0 || maxAge.compareTo(Duration.ofDays(365)) > 0) {
                throw new IllegalArgumentException("maxAge must be 1 hour to 365 days, got " + maxAge);
            }
            this.maxAge = maxAge;
            return this;
        }

        /**
         * Sets how far before the cursor each poll lists questions again, for questions Ozon shows late.
         *
         * @param lookBack zero to 30 days; default 1 day
         * @return this builder
         */
        public Builder questionLookBack(Duration lookBack) {
            if (lookBack.isNegative() || lookBack.compareTo(Duration.ofDays(30)) > 0) {
                throw new IllegalArgumentException("questionLookBack must be 0 to 30 days, got " + lookBack);
            }
            this.questionLookBack = lookBack;
            return this;
        }

        /**
         * Sets whether reviews are polled. Default {@code true}.
         *
         * @param poll {@code false} to leave them
         * @return this builder
         */
        public Builder reviews(boolean poll) {
            this.reviews = poll;
            return this;
        }

        /**
         * Sets whether questions are polled. Default {@code true}.
         *
         * @param poll {@code false} to leave them
         * @return this builder
         */
        public Builder questions(boolean poll) {
            this.questions = poll;
            return this;
        }

        /**
         * Sets whether buyer chats are polled. Default {@code true}.
         *
         * @param poll {@code false} to leave them
         * @return this builder
         */
        public Builder chats(boolean poll) {
            this.chats = poll;
            return this;
        }

        /**
         * Journals only the buyer's chat messages, skipping the seller's and Ozon's. Default {@code false}: all.
         *
         * @param only {@code true} for the buyer's only
         * @return this builder
         */
        public Builder buyerMessagesOnly(boolean only) {
            this.buyerMessagesOnly = only;
            return this;
        }

        /**
         * Builds the poller.
         *
         * @return the poller
         * @throws IllegalArgumentException when no stream is polled
         */
        public OzonInboxPoller build() {
            if (!reviews && !questions && !chats) {
                throw new IllegalArgumentException("at least one of reviews, questions and chats must be polled");
            }
            return new OzonInboxPoller(this);
        }
    }
}

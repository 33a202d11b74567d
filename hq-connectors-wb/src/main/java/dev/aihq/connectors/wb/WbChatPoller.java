package dev.aihq.connectors.wb;

import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import dev.aihq.api.connector.Capability;
import dev.aihq.api.connector.EventSink;
import dev.aihq.api.error.AuthenticationException;
import dev.aihq.api.error.CapabilityNotSupportedException;
import dev.aihq.api.error.MarketplaceException;
import dev.aihq.api.event.InboxEvent;
import dev.aihq.api.event.InboxSender;
import dev.aihq.api.store.IndexedOrder;
import dev.aihq.api.store.OrderIndexStore;
import dev.aihq.api.store.PollCursor;
import dev.aihq.api.store.PollCursorStore;
import dev.aihq.connectors.wb.internal.mapper.WbChatInboxMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Reads a shop's Wildberries buyer chats into the inbox: walks the chat events feed from the cursor kept in the
 * {@link PollCursorStore} (stream {@value #STREAM}, the feed's {@code next}), page after page until a page has
 * {@code totalEvents == 0}, and hands each message to the {@link EventSink} as an {@link InboxEvent}
 * {@code CHAT_MESSAGE}. WB has no seller webhooks outside its partner catalog: call {@link #poll(ShopId)} on a
 * schedule (the chat bucket allows 10 requests per 10 s).
 *
 * <pre>{@code
 * WbChatPoller poller = WbChatPoller.builder(wb, hq.events(), stores.cursors()).orderIndex(stores.orders()).build();
 * WbChatPollReport report = poller.poll(shop);
 * }</pre>
 *
 * <p><b>The cursor after journaling.</b> A page's {@code next} is saved only once every event of the page is
 * journaled (accepted now or a duplicate). A sink that fails (a {@link dev.aihq.api.error.StoreException}) or
 * refuses an event leaves the cursor where it was: the next poll reads the page again, and the journal answers the
 * events it holds as duplicates (the key is {@code chatID} + {@code eventID}), so a restart loses and doubles
 * nothing. The first poll starts without {@code next} (WB refuses {@code next=0}); a stored 0 counts as none.
 *
 * <p><b>Which events.</b> A {@code message} event with a message becomes an inbox item: the buyer's
 * ({@code sender=client}) as {@link InboxSender#BUYER}, the seller's (cabinet or API, including what this SDK sent)
 * as {@link InboxSender#SELLER} and WB's as {@link InboxSender#MARKETPLACE}, so that the thread shows what was
 * already answered; consumers that act on buyers' words filter by sender, or set
 * {@link Builder#buyerMessagesOnly(boolean)}. Other event types (e.g. {@code refund}), events without a message
 * and unknown senders are skipped and counted; the cursor passes them.
 *
 * <p><b>Reply handle.</b> Each item carries its chat's {@code replySign}: from the event that opened the chat
 * ({@code isNewChat}), else from the chat list, read at most once per poll and only when an item needs it. A chat
 * the list does not show gets no handle.
 *
 * <p><b>The order link.</b> {@code goodCard.rid} (WB's unique order id, = {@code srid}) is the item's order
 * reference and {@code nmID} its product. With an {@link OrderIndexStore} ({@link Builder#orderIndex}) the poller
 * looks the rid up ({@code lookup(shop, WILDBERRIES, rid, 5)}, the newest match) and adds the seller's article and
 * the product name. It never writes to the index: a {@code goodCard} has no assembly task id, which is the index's
 * order id for WB. A refused token ({@link AuthenticationException}) stops the poll. Thread-safe if the sink and
 * the stores are; poll one shop from one thread at a time.
 */
public final class WbChatPoller {

    /** The cursor stream of the chat events feed. */
    public static final String STREAM = "wildberries.chat.events";

    /** The most pages one poll reads by default, a guard against a feed that never ends. */
    public static final int DEFAULT_MAX_PAGES = 1_000;

    /** How many index matches a rid lookup asks for. */
    public static final int INDEX_LOOKUP_LIMIT = 5;

    private final WbConnector connector;
    private final EventSink sink;
    private final PollCursorStore cursors;
    private final @Nullable OrderIndexStore orders;
    private final Clock clock;
    private final boolean buyerMessagesOnly;
    private final int maxPages;

    private WbChatPoller(Builder builder) {
        this.connector = builder.connector;
        this.sink = builder.sink;
        this.cursors = builder.cursors;
        this.orders = builder.orders;
        this.clock = builder.clock;
        this.buyerMessagesOnly = builder.buyerMessagesOnly;
        this.maxPages = builder.maxPages;
    }

    /**
     * Starts a builder.
     *
     * @param connector the WB connector
     * @param sink where events go, e.g. {@code AiHq#events()}
     * @param cursors where the feed's cursor is kept
     * @return a builder
     */
    public static Builder builder(WbConnector connector, EventSink sink, PollCursorStore cursors) {
        return new Builder(connector, sink, cursors);
    }

    /**
     * Polls one shop's chat events feed from its cursor to the end.
     *
     * @param shopId the shop
     * @return what was read and journaled
     * @throws CapabilityNotSupportedException if the shop gets no chats (no token)
     * @throws AuthenticationException when WB refuses the token; the cursor stays where the last whole page left it
     * @throws dev.aihq.api.error.StoreException when the journal, the cursors or the order index cannot be used;
     *     the cursor stays before the page being journaled
     */
    public WbChatPollReport poll(ShopId shopId) {
        connector.require(shopId, Capability.CHATS);
        WbChats chats = connector.client().chats();
        Long next = storedNext(shopId);
        Map<String, String> signs = new HashMap<>();
        boolean listed = false;
        int pages = 0;
        int read = 0;
        int accepted = 0;
        int known = 0;
        int skipped = 0;
        int rejected = 0;
        Long saved = null;
        List<String> problems = new ArrayList<>();
        while (true) {
            if (pages >= maxPages) {
                problems.add("stopped after " + maxPages + " pages; the next poll goes on from the cursor");
                return new WbChatPollReport(shopId, pages, read, accepted, known, skipped, rejected, problems, saved,
                        false);
            }
            WbChatEventsPage page;
            try {
                page = chats.events(shopId, next);
            } catch (AuthenticationException e) {
                throw e;
            } catch (MarketplaceException e) {
                problems.add("events feed failed: " + e.getMessage());
                return new WbChatPollReport(shopId, pages, read, accepted, known, skipped, rejected, problems, saved,
                        false);
            }
            pages++;
            if (page.isEnd()) {
                return new WbChatPollReport(shopId, pages, read, accepted, known, skipped, rejected, problems, saved,
                        true);
            }
            for (WbChatEvent event : page.events()) {
                if (event.newChat() && event.replySign() != null && !event.replySign().isBlank()) {
                    signs.put(event.chatId(), event.replySign());
                }
            }
            int rejectedBefore = rejected;
            for (WbChatEvent event : page.events()) {
                read++;
                Optional<InboxSender> sender = WbChatInboxMapper.sender(event);
                if (!event.isMessage() || event.message() == null || sender.isEmpty()
                        || (buyerMessagesOnly && sender.get() != InboxSender.BUYER)) {
                    skipped++;
                    continue;
                }
                InboxEvent bare = WbChatInboxMapper.chatMessage(shopId, event, null, null);
                if (sink.contains(shopId, bare.idempotencyKey())) {
                    known++;
                    continue;
                }
                if (!signs.containsKey(event.chatId()) && !listed) {
                    try {
                        for (WbChat chat : chats.list(shopId)) {
                            signs.putIfAbsent(chat.chatId(), chat.replySign());
                        }
                    } catch (AuthenticationException e) {
                        throw e;
                    } catch (MarketplaceException e) {
                        problems.add("chat list failed: " + e.getMessage());
                        return new WbChatPollReport(shopId, pages, read, accepted, known, skipped, rejected, problems,
                                saved, false);
                    }
                    listed = true;
                }
                InboxEvent item = WbChatInboxMapper.chatMessage(shopId, event, signs.get(event.chatId()),
                        indexed(shopId, event));
                EventSink.Acceptance acceptance = sink.accept(item);
                switch (acceptance.outcome()) {
                    case ACCEPTED -> accepted++;
                    case DUPLICATE -> known++;
                    case REJECTED -> {
                        rejected++;
                        problems.add("chat " + event.chatId() + " event " + event.eventId() + " rejected: "
                                + acceptance.reason());
                    }
                    default -> throw new IllegalStateException(acceptance.outcome().name());
                }
            }
            if (rejected > rejectedBefore) {
                return new WbChatPollReport(shopId, pages, read, accepted, known, skipped, rejected, problems, saved,
                        false);
            }
            Long after = page.next();
            if (after == null || after <= 0) {
                problems.add("a page of " + page.totalEvents() + " events came without next; the cursor stays");
                return new WbChatPollReport(shopId, pages, read, accepted, known, skipped, rejected, problems, saved,
                        false);
            }
            cursors.save(new PollCursor(shopId, STREAM, Long.toString(after), clock.instant()));
            saved = after;
            if (after.equals(next)) {
                problems.add("next did not move past " + after + "; stopped, the next poll goes on from it");
                return new WbChatPollReport(shopId, pages, read, accepted, known, skipped, rejected, problems, saved,
                        false);
            }
            next = after;
        }
    }

    private @Nullable Long storedNext(ShopId shopId) {
        Optional<PollCursor> cursor = cursors.find(shopId, STREAM);
        if (cursor.isEmpty()) {
            return null;
        }
        try {
            long value = Long.parseLong(cursor.get().position());
            return value > 0 ? value : null;
        } catch (NumberFormatException e) {
            throw new IllegalStateException("cursor " + STREAM + " of shop " + shopId + " holds '"
                    + cursor.get().position() + "', which is not a unix time in ms; delete it"
                    + " (PollCursorStore#delete)", e);
        }
    }

    private @Nullable IndexedOrder indexed(ShopId shopId, WbChatEvent event) {
        WbGoodCard card = event.goodCard();
        if (orders == null || card == null || card.rid() == null) {
            return null;
        }
        List<IndexedOrder> found = orders.lookup(shopId, Marketplace.WILDBERRIES, card.rid(), INDEX_LOOKUP_LIMIT);
        return found.isEmpty() ? null : found.get(0);
    }

    @Override
    public String toString() {
        return "WbChatPoller[buyerMessagesOnly=" + buyerMessagesOnly + ", maxPages=" + maxPages + ", orderIndex="
                + (orders != null) + "]";
    }

    /** Builds a {@link WbChatPoller}. Not thread-safe. */
    public static final class Builder {
        private final WbConnector connector;
        private final EventSink sink;
        private final PollCursorStore cursors;
        private @Nullable OrderIndexStore orders;
        private Clock clock = Clock.systemUTC();
        private boolean buyerMessagesOnly;
        private int maxPages = DEFAULT_MAX_PAGES;

        private Builder(WbConnector connector, EventSink sink, PollCursorStore cursors) {
            this.connector = Objects.requireNonNull(connector, "connector");
            this.sink = Objects.requireNonNull(sink, "sink");
            this.cursors = Objects.requireNonNull(cursors, "cursors");
        }

        /**
         * Sets the local order index whose orders add the seller's article and the product name to items with a
         * {@code goodCard.rid}. Default none. Only read.
         *
         * @param index the index, or {@code null} for none
         * @return this builder
         */
        public Builder orderIndex(@Nullable OrderIndexStore index) {
            this.orders = index;
            return this;
        }

        /**
         * Sets the clock of the cursor's {@code updatedAt}. Default system UTC.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Journals only the buyer's messages, skipping the seller's and WB's. Default {@code false}: all three.
         *
         * @param only {@code true} for the buyer's only
         * @return this builder
         */
        public Builder buyerMessagesOnly(boolean only) {
            this.buyerMessagesOnly = only;
            return this;
        }

        /**
         * Sets the most pages one poll reads.
         *
         * @param pages at least 1; default {@link #DEFAULT_MAX_PAGES}
         * @return this builder
         */
        public Builder maxPagesPerPoll(int pages) {
            if (pages < 1) {
                throw new IllegalArgumentException("maxPagesPerPoll must be at least 1, got " + pages);
            }
            this.maxPages = pages;
            return this;
        }

        /**
         * Builds the poller.
         *
         * @return the poller
         */
        public WbChatPoller build() {
            return new WbChatPoller(this);
        }
    }
}

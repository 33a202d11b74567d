package dev.aihq.connectors.wb;

import static dev.aihq.connectors.wb.WbChatsTest.CHAT;
import static dev.aihq.connectors.wb.WbChatsTest.SIGN;
import static dev.aihq.connectors.wb.WbChatsTest.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import dev.aihq.api.error.AuthenticationException;
import dev.aihq.api.error.StoreException;
import dev.aihq.api.event.HqEvent;
import dev.aihq.api.event.InboxEvent;
import dev.aihq.api.event.InboxItemKind;
import dev.aihq.api.event.InboxSender;
import dev.aihq.api.store.IndexedOrder;
import dev.aihq.api.store.PollCursor;
import dev.aihq.pipeline.memory.InMemoryOrderIndexStore;
import dev.aihq.pipeline.memory.InMemoryPollCursorStore;
import dev.aihq.testkit.RecordingEventSink;
import dev.aihq.testkit.SettableClock;
import dev.aihq.testkit.wb.FakeWbApi.ChatMessage;
import dev.aihq.testkit.wb.FakeWbApi.ErrorShape;
import dev.aihq.testkit.wb.FakeWbApi;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The chat poller walks the events feed, journals each message once, and moves its cursor only after journaling. */
class WbChatPollerTest {

    private FakeWbApi wb;
    private SettableClock clock;
    private RecordingEventSink sink;
    private InMemoryPollCursorStore cursors;
    private WbConnector connector;

    @BeforeEach
    void start() {
        wb = FakeWbApi.start(WbFixtures.TOKEN);
        clock = SettableClock.at(T0);
        sink = new RecordingEventSink();
        cursors = new InMemoryPollCursorStore();
        connector = WbConnector.of(WbFixtures.client(WbFixtures.config(wb.baseUrl()).build(), clock,
                new RecordingSleeper(clock)));
        wb.putChat(FakeWbApi.chat(CHAT, SIGN, "Алёна"));
    }

    @AfterEach
    void stop() {
        wb.close();
    }

    private WbChatPoller.Builder poller() {
        return WbChatPoller.builder(connector, sink, cursors).clock(clock);
    }

    private void addMessages(int count) {
        for (int i = 0; i < count; i++) {
            wb.addChatEvents(FakeWbApi.clientMessage(CHAT, "ev-" + i, "сообщение " + i, T0.plusSeconds(i)));
        }
    }

    @Test
    void should_walk_every_page_until_total_events_is_0_and_save_the_last_next() {
        // given: 10 messages in pages of 4
        wb.chatEventsPageSize(4);
        addMessages(10);

        // when
        WbChatPollReport report = poller().build().poll(WbFixtures.SHOP);

        // then
        assertThat(report.complete()).isTrue();
        assertThat(report.pages()).isEqualTo(4);
        assertThat(report.read()).isEqualTo(10);
        assertThat(report.accepted()).isEqualTo(10);
        assertThat(sink.events(InboxEvent.class)).hasSize(10).allSatisfy(e -> {
            assertThat(e.kind()).isEqualTo(InboxItemKind.CHAT_MESSAGE);
            assertThat(e.threadId()).isEqualTo(CHAT);
            assertThat(e.replyHandle()).isEqualTo(SIGN);
        });
        long last = T0.plusSeconds(9).toEpochMilli();
        assertThat(report.cursor()).isEqualTo(last);
        assertThat(cursors.find(WbFixtures.SHOP, WbChatPoller.STREAM)).map(PollCursor::position)
                .contains(Long.toString(last));
        assertThat(wb.queries(WbChats.EVENTS_PATH).get(0)).doesNotContainKey("next");
        assertThat(wb.queries(WbChats.EVENTS_PATH)).noneMatch(q -> "0".equals(q.get("next")));
        assertThat(wb.requests(WbChats.CHATS_PATH)).as("the chat list once per poll").isEqualTo(1);

        // and the next poll starts from the cursor and finds nothing new
        WbChatPollReport again = poller().build().poll(WbFixtures.SHOP);
        assertThat(again.read()).isZero();
        assertThat(again.complete()).isTrue();
        assertThat(wb.queries(WbChats.EVENTS_PATH).get(4)).containsEntry("next", Long.toString(last));
    }

    @Test
    void should_lose_and_double_nothing_when_the_sink_crashes_mid_page_and_a_new_poller_resumes() {
        // given: 9 messages in pages of 3; the sink fails on its 5th accept (2nd event of the 2nd page)
        wb.chatEventsPageSize(3);
        addMessages(9);
        CrashingSink crashing = new CrashingSink(sink, 5);

        // when: the first poller dies in the 2nd page
        Throwable crash = catchThrowable(() -> WbChatPoller.builder(connector, crashing, cursors).clock(clock).build()
                .poll(WbFixtures.SHOP));

        // then: the cursor is the 1st page's next, not beyond
        assertThat(crash).isInstanceOf(StoreException.class);
        assertThat(cursors.find(WbFixtures.SHOP, WbChatPoller.STREAM)).map(PollCursor::position)
                .contains(Long.toString(T0.plusSeconds(2).toEpochMilli()));
        assertThat(sink.events(InboxEvent.class)).hasSize(4);

        // when: a new poller instance (a restart) goes on, handing every event over without the contains() hint
        ForgetfulSink forgetful = new ForgetfulSink(sink);
        WbChatPollReport resumed = WbChatPoller.builder(connector, forgetful, cursors).clock(clock).build()
                .poll(WbFixtures.SHOP);

        // then: the 2nd page again (1 duplicate), then the rest; every event once in the journal
        assertThat(resumed.complete()).isTrue();
        assertThat(resumed.accepted()).isEqualTo(5);
        assertThat(resumed.known()).isEqualTo(1);
        assertThat(forgetful.duplicates.get()).isEqualTo(1);
        assertThat(sink.events(InboxEvent.class)).extracting(InboxEvent::messageId).hasSize(9).doesNotHaveDuplicates()
                .containsExactlyInAnyOrder("ev-0", "ev-1", "ev-2", "ev-3", "ev-4", "ev-5", "ev-6", "ev-7", "ev-8");
        assertThat(wb.queries(WbChats.EVENTS_PATH).get(2)).as("the restart reads the 2nd page again")
                .containsEntry("next", Long.toString(T0.plusSeconds(2).toEpochMilli()));
        assertThat(cursors.find(WbFixtures.SHOP, WbChatPoller.STREAM)).map(PollCursor::position)
                .contains(Long.toString(T0.plusSeconds(8).toEpochMilli()));
    }

    @Test
    void should_keep_the_cursor_when_the_sink_rejects_an_event() {
        // given
        addMessages(2);
        sink.rejectWith = "shop inactive";

        // when
        WbChatPollReport report = poller().build().poll(WbFixtures.SHOP);

        // then
        assertThat(report.complete()).isFalse();
        assertThat(report.rejected()).isEqualTo(2);
        assertThat(report.cursorMoved()).isFalse();
        assertThat(report.problems()).anyMatch(p -> p.contains("ev-0") && p.contains("shop inactive"));
        assertThat(cursors.find(WbFixtures.SHOP, WbChatPoller.STREAM)).isEmpty();
    }

    @Test
    void should_report_a_failed_feed_keep_the_cursor_and_stop_on_a_refused_token() {
        // given
        addMessages(1);
        wb.failNext(WbChats.EVENTS_PATH, 1, 400, ErrorShape.CHAT, "Invalid number", null);

        // when
        WbChatPollReport failed = poller().build().poll(WbFixtures.SHOP);

        // then
        assertThat(failed.complete()).isFalse();
        assertThat(failed.problems()).singleElement().asString().contains("Invalid number");
        assertThat(cursors.find(WbFixtures.SHOP, WbChatPoller.STREAM)).isEmpty();

        // and a 401 stops the poll
        wb.failNext(WbChats.EVENTS_PATH, 1, 401, ErrorShape.PROBLEM_JSON, "token problem", null);
        assertThat(catchThrowable(() -> poller().build().poll(WbFixtures.SHOP)))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void should_map_a_buyer_message_with_its_order_attachments_and_the_sign_of_the_event_that_opened_the_chat() {
        // given: a new chat (its sign in the event), not in the chat list
        String chat = "1:new-chat";
        wb.addChatEvents(FakeWbApi.clientMessage(chat, "ev-open", "  Пришёл не тот цвет 🎨 ", T0)
                .openingChat("1:new-chat:sign")
                .withMessage(new ChatMessage("  Пришёл не тот цвет 🎨 ", FakeWbApi.goodCard("2fb52cd9e25e5253", 146123456),
                        List.of("Чек.pdf"), 2)));

        // when
        poller().build().poll(WbFixtures.SHOP);

        // then
        InboxEvent event = sink.events(InboxEvent.class).get(0);
        assertThat(event.shopId()).isEqualTo(WbFixtures.SHOP);
        assertThat(event.marketplace()).isEqualTo(Marketplace.WILDBERRIES);
        assertThat(event.kind()).isEqualTo(InboxItemKind.CHAT_MESSAGE);
        assertThat(event.threadId()).isEqualTo(chat);
        assertThat(event.messageId()).isEqualTo("ev-open");
        assertThat(event.sender()).isEqualTo(InboxSender.BUYER);
        assertThat(event.text()).isEqualTo("Пришёл не тот цвет 🎨");
        assertThat(event.attachments()).containsExactly("Чек.pdf", "image", "image");
        assertThat(event.orderRef()).isEqualTo("2fb52cd9e25e5253");
        assertThat(event.productId()).isEqualTo("146123456");
        assertThat(event.sellerSku()).isNull();
        assertThat(event.replyHandle()).isEqualTo("1:new-chat:sign");
        assertThat(event.authorName()).isEqualTo("Алёна");
        assertThat(event.occurredAt()).isEqualTo(T0);
        assertThat(event.idempotencyKey()).isEqualTo("inbox:" + Marketplace.WILDBERRIES.code() + ":chat_message:"
                + chat + ":ev-open");
        assertThat(wb.requests(WbChats.CHATS_PATH)).as("no chat list needed").isZero();
        assertThat(event.toString()).doesNotContain("1:new-chat:sign");
    }

    @Test
    void should_add_the_indexed_orders_article_and_name_for_a_rid_and_never_write_to_the_index() {
        // given
        InMemoryOrderIndexStore index = new InMemoryOrderIndexStore();
        index.upsert(new IndexedOrder(WbFixtures.SHOP, Marketplace.WILDBERRIES, "5632423001", "rid-42",
                "165918930_629fbc", null, "TS-OVS-BLK-M", "146123456", "Футболка оверсайз", "fbs", "confirm",
                T0.minusSeconds(86_400), T0));
        index.upsert(new IndexedOrder(WbFixtures.OTHER_SHOP, Marketplace.WILDBERRIES, "1", "rid-other", null, null,
                "OTHER", null, null, "fbs", null, T0, T0));
        wb.addChatEvents(
                FakeWbApi.clientMessage(CHAT, "ev-rid", "Где заказ?", T0).withMessage(
                        new ChatMessage("Где заказ?", FakeWbApi.goodCard("rid-42", 146123456), List.of(), 0)),
                FakeWbApi.clientMessage(CHAT, "ev-unknown-rid", "А этот?", T0.plusSeconds(1)).withMessage(
                        new ChatMessage("А этот?", FakeWbApi.goodCard("rid-other", 1), List.of(), 0)),
                FakeWbApi.clientMessage(CHAT, "ev-no-card", "Просто вопрос", T0.plusSeconds(2)));

        // when
        poller().orderIndex(index).build().poll(WbFixtures.SHOP);

        // then
        Map<String, InboxEvent> byId = byMessageId();
        assertThat(byId.get("ev-rid").orderRef()).isEqualTo("rid-42");
        assertThat(byId.get("ev-rid").sellerSku()).isEqualTo("TS-OVS-BLK-M");
        assertThat(byId.get("ev-rid").productName()).isEqualTo("Футболка оверсайз");
        assertThat(byId.get("ev-unknown-rid").orderRef()).isEqualTo("rid-other");
        assertThat(byId.get("ev-unknown-rid").sellerSku()).as("another shop's order is not found").isNull();
        assertThat(byId.get("ev-no-card").orderRef()).isNull();
        assertThat(byId.get("ev-no-card").productId()).isNull();
        assertThat(index.lookup(WbFixtures.SHOP, Marketplace.WILDBERRIES, "rid-42", 5)).hasSize(1);
        assertThat(index.lookup(WbFixtures.SHOP, Marketplace.WILDBERRIES, "rid-other", 5)).isEmpty();
    }

    @Test
    void should_journal_seller_and_wb_messages_as_such_and_skip_unknown_types_and_events_without_a_message() {
        // given
        wb.addChatEvents(
                FakeWbApi.clientMessage(CHAT, "ev-client", "Здравствуйте", T0),
                FakeWbApi.clientMessage(CHAT, "ev-files", null, T0.plusSeconds(1))
                        .withMessage(new ChatMessage(null, null, List.of("photo.jpg"), 0)),
                FakeWbApi.clientMessage(CHAT, "ev-seller", "Сейчас оформим возврат.", T0.plusSeconds(2))
                        .from("seller", "seller-public-api"),
                FakeWbApi.clientMessage(CHAT, "ev-wb", "Покупатель оформил возврат", T0.plusSeconds(3))
                        .from("wb", "global"),
                FakeWbApi.clientMessage(CHAT, "ev-empty", null, T0.plusSeconds(4)).withMessage(null)
                        .from("seller", "seller-portal"),
                FakeWbApi.clientMessage(CHAT, "ev-refund", "возврат", T0.plusSeconds(5)).ofType("refund"),
                FakeWbApi.clientMessage(CHAT, "ev-alien", "?", T0.plusSeconds(6)).from("robot", "rusite"));

        // when
        WbChatPollReport report = poller().build().poll(WbFixtures.SHOP);

        // then
        assertThat(report.read()).isEqualTo(7);
        assertThat(report.skipped()).isEqualTo(3);
        assertThat(report.complete()).isTrue();
        assertThat(report.cursor()).isEqualTo(T0.plusSeconds(6).toEpochMilli());
        Map<String, InboxEvent> byId = byMessageId();
        assertThat(byId).containsOnlyKeys("ev-client", "ev-files", "ev-seller", "ev-wb");
        assertThat(byId.get("ev-files").text()).isEmpty();
        assertThat(byId.get("ev-files").attachments()).containsExactly("photo.jpg");
        assertThat(byId.get("ev-seller").sender()).isEqualTo(InboxSender.SELLER);
        assertThat(byId.get("ev-seller").authorName()).isNull();
        assertThat(byId.get("ev-wb").sender()).isEqualTo(InboxSender.MARKETPLACE);

        // and with buyerMessagesOnly, a fresh journal holds the buyer's two only
        RecordingEventSink buyers = new RecordingEventSink();
        WbChatPoller.builder(connector, buyers, new InMemoryPollCursorStore()).buyerMessagesOnly(true).build()
                .poll(WbFixtures.SHOP);
        assertThat(buyers.events(InboxEvent.class)).extracting(InboxEvent::messageId)
                .containsExactlyInAnyOrder("ev-client", "ev-files");
    }

    @Test
    void should_leave_the_reply_handle_empty_for_a_chat_the_list_does_not_show() {
        // given
        wb.addChatEvents(FakeWbApi.clientMessage("1:gone", "ev-gone", "Алло", T0));

        // when
        WbChatPollReport report = poller().build().poll(WbFixtures.SHOP);

        // then
        assertThat(report.accepted()).isEqualTo(1);
        assertThat(sink.events(InboxEvent.class).get(0).replyHandle()).isNull();
    }

    @Test
    void should_start_without_next_when_a_stored_cursor_is_0() {
        // given
        cursors.save(new PollCursor(WbFixtures.SHOP, WbChatPoller.STREAM, "0", T0));
        addMessages(1);

        // when
        WbChatPollReport report = poller().build().poll(WbFixtures.SHOP);

        // then
        assertThat(report.accepted()).isEqualTo(1);
        assertThat(wb.queries(WbChats.EVENTS_PATH).get(0)).doesNotContainKey("next");
    }

    private Map<String, InboxEvent> byMessageId() {
        Map<String, InboxEvent> byId = new java.util.HashMap<>();
        sink.events(InboxEvent.class).forEach(e -> byId.put(e.messageId(), e));
        return byId;
    }

    /** Journals into a sink, and fails (as a store would) on the Nth accept, journaling nothing then. */
    private static final class CrashingSink implements dev.aihq.api.connector.EventSink {
        private final RecordingEventSink journal;
        private final int failOn;
        private final AtomicInteger accepts = new AtomicInteger();

        CrashingSink(RecordingEventSink journal, int failOn) {
            this.journal = journal;
            this.failOn = failOn;
        }

        @Override
        public boolean contains(ShopId shopId, String idempotencyKey) {
            return journal.contains(shopId, idempotencyKey);
        }

        @Override
        public Acceptance accept(HqEvent event) {
            if (accepts.incrementAndGet() == failOn) {
                throw new StoreException("journal unavailable");
            }
            return journal.accept(event);
        }
    }

    /** Never answers contains(), so every event is handed over; counts the journal's duplicates. */
    private static final class ForgetfulSink implements dev.aihq.api.connector.EventSink {
        private final RecordingEventSink journal;
        final AtomicInteger duplicates = new AtomicInteger();

        ForgetfulSink(RecordingEventSink journal) {
            this.journal = journal;
        }

        @Override
        public boolean contains(ShopId shopId, String idempotencyKey) {
            return false;
        }

        @Override
        public Acceptance accept(HqEvent event) {
            Acceptance acceptance = journal.accept(event);
            if (acceptance.outcome() == Outcome.DUPLICATE) {
                duplicates.incrementAndGet();
            }
            return acceptance;
        }
    }
}

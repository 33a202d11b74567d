package dev.aihq.connectors.ozon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import dev.aihq.api.connector.Capability;
import dev.aihq.api.connector.EventSink;
import dev.aihq.api.error.CapabilityNotSupportedException;
import dev.aihq.api.error.StoreException;
import dev.aihq.api.event.HqEvent;
import dev.aihq.api.event.InboxEvent;
import dev.aihq.api.event.InboxItemKind;
import dev.aihq.api.event.InboxSender;
import dev.aihq.api.store.IndexedOrder;
import dev.aihq.api.store.OrderIndexStore;
import dev.aihq.api.store.PollCursor;
import dev.aihq.api.web.WebhookRequest;
import dev.aihq.api.web.WebhookResponse;
import dev.aihq.connectors.ozon.push.OzonPushRoute;
import dev.aihq.connectors.ozon.push.OzonPushSecrets;
import dev.aihq.pipeline.memory.InMemoryOrderIndexStore;
import dev.aihq.pipeline.memory.InMemoryPollCursorStore;
import dev.aihq.testkit.RecordingEventSink;
import dev.aihq.testkit.SettableClock;
import dev.aihq.testkit.ozon.FakeOzonApi;
import dev.aihq.testkit.ozon.FakeOzonApi.OzonError;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OzonInboxPollerTest {

    private static final Instant T0 = OzonFixtures.NOW.minus(Duration.ofHours(5));
    private static final String CHAT = "b646d975-0c9c-4872-9f41-8b1e57181063";
    private static final String QUIET = "0c2f7b8e-52b4-4d8e-9a61-3f9a1c7e4d19";
    private static final String SUPPORT = "5e767w03-b400-4y1b-a841-75319ca8a5c7";
    private static final String ORDER = "23713478-0018";

    private FakeOzonApi ozon;
    private SettableClock clock;
    private OzonConnector connector;
    private final InMemoryPollCursorStore cursors = new InMemoryPollCursorStore();
    private final InMemoryOrderIndexStore index = new InMemoryOrderIndexStore();
    private final RecordingEventSink journal = new RecordingEventSink();

    /** The index as the inbox poller sees it: reads pass through, any write fails the test. */
    private final OrderIndexStore readOnlyIndex = new OrderIndexStore() {
        @Override
        public boolean upsert(IndexedOrder order) {
            throw new AssertionError("the inbox poller wrote to the order index");
        }

        @Override
        public int upsertAll(List<IndexedOrder> orders) {
            throw new AssertionError("the inbox poller wrote to the order index");
        }

        @Override
        public Optional<IndexedOrder> find(ShopId shopId, Marketplace marketplace, String orderId) {
            return index.find(shopId, marketplace, orderId);
        }

        @Override
        public List<IndexedOrder> lookup(ShopId shopId, Marketplace marketplace, String reference, int limit) {
            return index.lookup(shopId, marketplace, reference, limit);
        }

        @Override
        public int purgeSeenBefore(ShopId shopId, Instant before) {
            throw new AssertionError("the inbox poller purged the order index");
        }
    };

    @BeforeEach
    void start() {
        ozon = FakeOzonApi.start(OzonFixtures.CLIENT_ID, OzonFixtures.API_KEY);
        clock = SettableClock.at(OzonFixtures.NOW);
        connector = OzonConnector.of(OzonFixtures.client(ozon.baseUrl(), OzonSubscription.PREMIUM_PLUS, clock,
                new RecordingSleeper(clock)));
    }

    @AfterEach
    void stop() {
        ozon.close();
    }

    private OzonInboxPoller.Builder builder(EventSink sink) {
        return OzonInboxPoller.builder(connector, sink, cursors).orderIndex(readOnlyIndex).clock(clock);
    }

    private OzonInboxPoller poller(EventSink sink) {
        return builder(sink).build();
    }

    /** Postings listed by the posting poller fill the order index the inbox reads. */
    private void indexPostings(FakeOzonApi.Posting... postings) {
        for (FakeOzonApi.Posting posting : postings) {
            ozon.putPosting(posting);
        }
        OzonPostingPoller.builder(connector, new RecordingEventSink(), cursors).orderIndex(index).fbo(false)
                .clock(clock).build().poll(OzonFixtures.SHOP);
    }

    private List<String> historyChats() {
        return ozon.requestBodies(OzonChats.HISTORY_PATH).stream().map(b -> b.path("chat_id").asText()).toList();
    }

    private Optional<String> cursor(String stream) {
        return cursors.find(OzonFixtures.SHOP, stream).map(PollCursor::position);
    }

    @Test
    void should_journal_new_reviews_questions_and_buyer_messages_with_their_order_when_polled_first() {
        // given
        indexPostings(FakeOzonApi.posting(ORDER + "-3", "awaiting_packaging", T0.minus(Duration.ofDays(1))));
        ozon.putReview(FakeOzonApi.review("r-old", 1_234_567L, 5, "Давно", OzonFixtures.NOW.minus(Duration.ofDays(40))));
        ozon.putReview(FakeOzonApi.review("r-done", 1_234_567L, 4, "Уже отвечен", T0).withStatus("PROCESSED"));
        ozon.putReview(FakeOzonApi.review("r-new", 1_234_567L, 2, "Маломерит", T0.plusSeconds(10)));
        ozon.putQuestion(FakeOzonApi.question("q-1", 1_234_567L, "Есть размер L?", "Анна", T0));
        ozon.putQuestion(FakeOzonApi.question("q-2", 1_234_567L, "Отвечен", "Иван", T0).withStatus("PROCESSED"));
        ozon.putChat(FakeOzonApi.buyerChat(CHAT, T0));
        long asked = ozon.addBuyerMessage(CHAT, "Здравствуйте, когда будет доставка?", T0.plusSeconds(60), ORDER,
                1_234_567L);
        ozon.putChat(new FakeOzonApi.Chat(SUPPORT, "Seller_Support", "Opened", T0));
        ozon.addChatMessage(SUPPORT, "support", "1", "Ответ поддержки", T0, null, null, false);
        ozon.putChat(new FakeOzonApi.Chat(QUIET, "BUYER_SELLER", "Opened", T0));
        long quietLast = ozon.addChatMessage(QUIET, FakeOzonApi.CYRILLIC_CUSTOMER, "2", "Спасибо", T0, null, null,
                true);

        // when
        OzonInboxPollReport report = poller(journal).poll(OzonFixtures.SHOP);

        // then
        assertThat(report.complete()).isTrue();
        assertThat(report.accepted()).isEqualTo(3);
        List<InboxEvent> events = journal.events(InboxEvent.class);
        assertThat(events).extracting(InboxEvent::idempotencyKey).containsExactly(
                "inbox:ozon:review:r-new:r-new", "inbox:ozon:question:q-1:q-1",
                "inbox:ozon:chat_message:" + CHAT + ":" + asked);
        InboxEvent review = events.get(0);
        assertThat(review.kind()).isEqualTo(InboxItemKind.REVIEW);
        assertThat(review.rating()).isEqualTo(2);
        assertThat(review.productId()).isEqualTo("1234567");
        assertThat(review.text()).isEqualTo("Маломерит");
        assertThat(review.authorName()).as("Ozon gives no author on reviews").isNull();
        assertThat(review.orderRef()).as("nor an order").isNull();
        assertThat(review.occurredAt()).isEqualTo(T0.plusSeconds(10));
        InboxEvent question = events.get(1);
        assertThat(question.authorName()).isEqualTo("Анна");
        assertThat(question.productId()).isEqualTo("1234567");
        InboxEvent message = events.get(2);
        assertThat(message.threadId()).isEqualTo(CHAT);
        assertThat(message.messageId()).isEqualTo(Long.toString(asked));
        assertThat(message.sender()).isEqualTo(InboxSender.BUYER);
        assertThat(message.orderRef()).isEqualTo(ORDER);
        assertThat(message.productId()).isEqualTo("1234567");
        assertThat(message.sellerSku()).isEqualTo("TSHIRT-M");
        assertThat(message.productName()).isEqualTo("Футболка хлопковая, M");
        assertThat(message.occurredAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(report.reviews().skipped()).as("one processed, one older than 30 days").isEqualTo(2);
        assertThat(report.questions().skipped()).isEqualTo(1);
        assertThat(report.chatsListed()).isEqualTo(3);
        assertThat(report.chatsIgnored()).as("the support chat").isEqualTo(1);
        assertThat(report.chatsRead()).isEqualTo(1);
        assertThat(report.chatsBaselined()).as("nothing unread on the first poll").isEqualTo(1);
        assertThat(historyChats()).containsExactly(CHAT);
        assertThat(cursor(OzonInboxPoller.REVIEWS_STREAM)).contains("r-new");
        assertThat(cursor(OzonInboxPoller.QUESTIONS_STREAM)).contains(OzonFixtures.NOW.toString());
        assertThat(cursor(OzonInboxPoller.chatStream(CHAT))).contains(Long.toString(asked));
        assertThat(cursor(OzonInboxPoller.chatStream(QUIET))).contains(Long.toString(quietLast));
        assertThat(cursor(OzonInboxPoller.CHATS_STREAM)).isPresent();
        JsonNode questionFilter = ozon.requestBodies(OzonQuestions.LIST_PATH).get(0).path("filter");
        assertThat(questionFilter.path("date_from").asText())
                .isEqualTo(OzonFixtures.NOW.minus(Duration.ofDays(30)).toString());
        assertThat(questionFilter.path("status").asText()).isEqualTo("ALL");
    }

    @Test
    void should_read_only_what_is_new_from_each_cursor_when_polled_again() {
        // given: a first poll
        ozon.putReview(FakeOzonApi.review("r-1", 1_234_567L, 5, "Отлично", T0));
        ozon.putChat(FakeOzonApi.buyerChat(CHAT, T0));
        ozon.putChat(new FakeOzonApi.Chat(QUIET, "Buyer_Seller", "Opened", T0));
        long first = ozon.addBuyerMessage(CHAT, "Здравствуйте", T0, null, null);
        ozon.addChatMessage(QUIET, "seller", "836412", "Спасибо за заказ", T0, null, null, true);
        poller(journal).poll(OzonFixtures.SHOP);
        int historyBefore = ozon.requests(OzonChats.HISTORY_PATH);

        // when: a review, a buyer message and the seller's answer arrive, and a new chat opens
        clock.advance(Duration.ofMinutes(10));
        ozon.putReview(FakeOzonApi.review("r-2", 1_234_567L, 1, "Брак", T0.plusSeconds(600)));
        long second = ozon.addBuyerMessage(CHAT, "Есть новости?", T0.plusSeconds(600), null, null);
        long answer = ozon.addChatMessage(CHAT, "seller", "836412", "Да, отправлен", T0.plusSeconds(700), null, null,
                true);
        ozon.putChat(FakeOzonApi.buyerChat("new-chat", T0.plusSeconds(800)));
        long opened = ozon.addChatMessage("new-chat", FakeOzonApi.CYRILLIC_CUSTOMER, "3", "Привет", T0.plusSeconds(800),
                null, null, true);
        OzonInboxPollReport report = poller(journal).poll(OzonFixtures.SHOP);

        // then
        assertThat(report.complete()).isTrue();
        assertThat(journal.events(InboxEvent.class)).extracting(InboxEvent::messageId).containsExactly("r-1",
                Long.toString(first), "r-2", Long.toString(second), Long.toString(answer), Long.toString(opened));
        InboxEvent seller = journal.events(InboxEvent.class).get(4);
        assertThat(seller.sender()).as("the seller's answer shows in the thread").isEqualTo(InboxSender.SELLER);
        assertThat(ozon.requestBodies(OzonReviews.LIST_PATH).get(1).path("last_id").asText()).isEqualTo("r-1");
        assertThat(historyChats().subList(historyBefore, historyChats().size()))
                .as("the quiet chat is not read again; a chat first met after the first poll is read even when read")
                .containsExactlyInAnyOrder(CHAT, "new-chat");
        assertThat(report.chats().known()).as("the old message is not read again").isZero();
        assertThat(cursor(OzonInboxPoller.chatStream(CHAT))).contains(Long.toString(answer));

        // when: nothing changed
        int historyNow = ozon.requests(OzonChats.HISTORY_PATH);
        OzonInboxPollReport again = poller(journal).poll(OzonFixtures.SHOP);

        // then
        assertThat(again.accepted()).isZero();
        assertThat(ozon.requests(OzonChats.HISTORY_PATH)).isEqualTo(historyNow);
        assertThat(journal.size()).isEqualTo(6);
    }

    @Test
    void should_keep_the_chat_cursor_and_duplicate_nothing_when_the_sink_fails_midway_and_a_new_poller_resumes() {
        // given
        ozon.putChat(FakeOzonApi.buyerChat(CHAT, T0));
        for (int i = 1; i <= 3; i++) {
            ozon.addBuyerMessage(CHAT, "Сообщение " + i, T0.plusSeconds(i), ORDER, null);
        }
        AtomicInteger budget = new AtomicInteger(1);
        EventSink failing = new EventSink() {
            @Override
            public boolean contains(ShopId shopId, String key) {
                return journal.contains(shopId, key);
            }

            @Override
            public Acceptance accept(HqEvent event) {
                if (budget.getAndDecrement() <= 0) {
                    throw new StoreException("journal unavailable");
                }
                return journal.accept(event);
            }
        };

        // when: the first poller dies on the second message
        Throwable thrown = catchThrowable(() -> builder(failing).reviews(false).questions(false).build()
                .poll(OzonFixtures.SHOP));

        // then
        assertThat(thrown).isInstanceOf(StoreException.class);
        assertThat(journal.size()).isEqualTo(1);
        assertThat(cursor(OzonInboxPoller.chatStream(CHAT))).isEmpty();

        // when: a new poller (a restart) polls
        OzonInboxPollReport report = builder(journal).reviews(false).questions(false).build()
                .poll(OzonFixtures.SHOP);

        // then
        assertThat(report.complete()).isTrue();
        assertThat(report.chats().known()).isEqualTo(1);
        assertThat(report.chats().accepted()).isEqualTo(2);
        assertThat(journal.size()).isEqualTo(3);
        assertThat(journal.acceptCalls.get()).as("the journaled message is not sent again").isEqualTo(3);
        assertThat(journal.events(InboxEvent.class)).extracting(InboxEvent::text).containsExactly("Сообщение 1",
                "Сообщение 2", "Сообщение 3");
        assertThat(cursor(OzonInboxPoller.chatStream(CHAT))).isPresent();
    }

    @Test
    void should_keep_every_cursor_when_the_sink_rejects_the_events() {
        // given
        ozon.putReview(FakeOzonApi.review("r-1", 1_234_567L, 5, "Отлично", T0));
        ozon.putQuestion(FakeOzonApi.question("q-1", 1_234_567L, "Есть L?", "Анна", T0));
        ozon.putChat(FakeOzonApi.buyerChat(CHAT, T0));
        ozon.addBuyerMessage(CHAT, "Здравствуйте", T0, null, null);
        journal.rejectWith = "shop inactive";

        // when
        OzonInboxPollReport report = poller(journal).poll(OzonFixtures.SHOP);

        // then
        assertThat(report.complete()).isFalse();
        assertThat(report.reviews().rejected()).isEqualTo(1);
        assertThat(report.questions().rejected()).isEqualTo(1);
        assertThat(report.chats().rejected()).isEqualTo(1);
        assertThat(report.reviews().problems()).singleElement().asString().contains("r-1").contains("shop inactive");
        assertThat(cursor(OzonInboxPoller.REVIEWS_STREAM)).isEmpty();
        assertThat(cursor(OzonInboxPoller.QUESTIONS_STREAM)).isEmpty();
        assertThat(cursor(OzonInboxPoller.chatStream(CHAT))).isEmpty();

        // when: the shop is active again
        journal.rejectWith = "";
        OzonInboxPollReport later = poller(journal).poll(OzonFixtures.SHOP);

        // then
        assertThat(later.complete()).isTrue();
        assertThat(journal.size()).isEqualTo(3);
    }

    @Test
    void should_make_a_pushed_message_and_the_same_polled_message_one_journal_entry() {
        // given: Ozon pushes the message first
        ozon.putChat(FakeOzonApi.buyerChat(CHAT, T0));
        long id = ozon.addBuyerMessage(CHAT, "Здравствуйте, когда будет доставка?", T0, ORDER, 1_234_567L);
        String secret = "k7Qz-2vR9_xLmP4sTw8Yb3Nc";
        OzonPushRoute route = OzonPushRoute.builder().secrets(OzonPushSecrets.of(Map.of(OzonFixtures.SHOP, secret)))
                .sink(journal).clock(clock).build();
        String push = "{\"message_type\":\"TYPE_NEW_MESSAGE\",\"chat_id\":\"" + CHAT + "\",\"chat_type\":"
                + "\"Buyer_Seller\",\"message_id\":\"" + id + "\",\"created_at\":\"" + T0 + "\",\"user\":{\"id\":"
                + "\"115568\",\"type\":\"Сustomer\"},\"data\":[\"Здравствуйте, когда будет доставка?\"],"
                + "\"seller_id\":\"7\"}";
        WebhookResponse answer = route.handle(new WebhookRequest("POST", "/ozon/push/" + secret, null,
                Map.of("Content-Type", List.of("application/json")), push.getBytes(StandardCharsets.UTF_8),
                "185.73.195.17"));
        assertThat(answer.status()).isEqualTo(200);
        String pushedKey = journal.events(InboxEvent.class).get(0).idempotencyKey();

        // when: the poller reads the same message
        OzonInboxPollReport report = builder(journal).reviews(false).questions(false).build()
                .poll(OzonFixtures.SHOP);

        // then
        assertThat(pushedKey).isEqualTo("inbox:ozon:chat_message:" + CHAT + ":" + id);
        assertThat(journal.size()).isEqualTo(1);
        assertThat(report.chats().read()).isEqualTo(1);
        assertThat(report.chats().known()).isEqualTo(1);
        assertThat(report.chats().accepted()).isZero();
        assertThat(cursor(OzonInboxPoller.chatStream(CHAT))).contains(Long.toString(id));
    }

    @Test
    void should_take_the_posting_with_the_messages_sku_when_the_order_has_several() {
        // given
        FakeOzonApi.Posting shirt = FakeOzonApi.posting("555-0001-1", "delivered", T0.minus(Duration.ofDays(2)));
        FakeOzonApi.Posting mug = new FakeOzonApi.Posting("555-0001-2", shirt.orderId(), "555-0001",
                FakeOzonApi.Scheme.FBS, "delivered", T0.minus(Duration.ofDays(1)),
                List.of(new FakeOzonApi.Product(7_654_321L, "MUG-1", "Кружка керамическая", 1, "590", "RUB")), null);
        indexPostings(shirt, mug);
        ozon.putChat(FakeOzonApi.buyerChat(CHAT, T0));
        ozon.addBuyerMessage(CHAT, "Футболка не подошла", T0, "555-0001", 1_234_567L);
        ozon.addBuyerMessage(CHAT, "А кружка отличная", T0.plusSeconds(1), "555-0001", 7_654_321L);
        ozon.addBuyerMessage(CHAT, "Заказ 999?", T0.plusSeconds(2), "999-0001", null);

        // when
        builder(journal).reviews(false).questions(false).build().poll(OzonFixtures.SHOP);

        // then
        List<InboxEvent> events = journal.events(InboxEvent.class);
        assertThat(events).extracting(InboxEvent::sellerSku).containsExactly("TSHIRT-M", "MUG-1", null);
        assertThat(events).extracting(InboxEvent::productName).containsExactly("Футболка хлопковая, M",
                "Кружка керамическая", null);
        assertThat(events.get(2).orderRef()).as("the order number stays when the index has no posting")
                .isEqualTo("999-0001");
    }

    @Test
    void should_skip_the_sellers_and_ozons_messages_when_only_the_buyers_are_polled() {
        ozon.putChat(FakeOzonApi.buyerChat(CHAT, T0));
        ozon.addBuyerMessage(CHAT, "Вопрос", T0, null, null);
        ozon.addChatMessage(CHAT, "seller", "836412", "Ответ", T0.plusSeconds(1), null, null, true);
        ozon.addChatMessage(CHAT, "crm", "0", "Заказ доставлен", T0.plusSeconds(2), null, null, false);

        OzonInboxPollReport report = builder(journal).reviews(false).questions(false).buyerMessagesOnly(true).build()
                .poll(OzonFixtures.SHOP);

        assertThat(journal.events(InboxEvent.class)).extracting(InboxEvent::text).containsExactly("Вопрос");
        assertThat(report.chats().skipped()).isEqualTo(2);
        assertThat(report.complete()).isTrue();
    }

    @Test
    void should_save_the_reviews_cursor_page_by_page_and_go_on_from_it_when_stopped_by_max_pages() {
        // given
        for (int i = 1; i <= 150; i++) {
            ozon.putReview(FakeOzonApi.review("r-" + (1000 + i), 1_234_567L, 5, "ok", T0.plusSeconds(i)));
        }

        // when
        OzonInboxPollReport first = builder(journal).questions(false).chats(false).maxPages(1).build()
                .poll(OzonFixtures.SHOP);

        // then
        assertThat(first.reviews().complete()).isFalse();
        assertThat(first.reviews().problems()).singleElement().asString().contains("stopped after 1 pages");
        assertThat(cursor(OzonInboxPoller.REVIEWS_STREAM)).contains("r-1100");
        assertThat(journal.size()).isEqualTo(100);

        // when
        OzonInboxPollReport second = builder(journal).questions(false).chats(false).maxPages(1).build()
                .poll(OzonFixtures.SHOP);

        // then
        assertThat(second.reviews().complete()).isTrue();
        assertThat(journal.size()).isEqualTo(150);
        assertThat(cursor(OzonInboxPoller.REVIEWS_STREAM)).contains("r-1150");
        assertThat(ozon.requestBodies(OzonReviews.LIST_PATH).get(1).path("last_id").asText()).isEqualTo("r-1100");
    }

    @Test
    void should_report_a_failed_listing_and_keep_its_cursor_while_the_other_streams_go_on() {
        ozon.putQuestion(FakeOzonApi.question("q-1", 1_234_567L, "Есть L?", "Анна", T0));
        ozon.failNext(OzonReviews.LIST_PATH, 3, OzonError.circleOpen());

        OzonInboxPollReport report = poller(journal).poll(OzonFixtures.SHOP);

        assertThat(report.reviews().complete()).isFalse();
        assertThat(report.reviews().problems()).singleElement().asString().contains("Circle is open");
        assertThat(report.questions().complete()).isTrue();
        assertThat(report.chats().complete()).isTrue();
        assertThat(cursor(OzonInboxPoller.REVIEWS_STREAM)).isEmpty();
        assertThat(journal.size()).isEqualTo(1);
    }

    @Test
    void should_stop_the_poll_when_ozon_says_the_shop_lacks_premium_plus() {
        ozon.failNext(OzonReviews.LIST_PATH, 1, OzonError.permissionDenied());

        Throwable thrown = catchThrowable(() -> poller(journal).poll(OzonFixtures.SHOP));

        assertThat(thrown).isInstanceOf(OzonSubscriptionRequiredException.class);
        assertThat(ozon.requests(OzonQuestions.LIST_PATH)).isZero();
    }

    @Test
    void should_refuse_before_any_request_when_the_shop_has_no_premium_plus() {
        OzonConnector standard = OzonConnector.of(OzonFixtures.client(ozon.baseUrl(), OzonSubscription.STANDARD,
                clock, new RecordingSleeper(clock)));

        Throwable thrown = catchThrowable(() -> OzonInboxPoller.builder(standard, journal, cursors).build()
                .poll(OzonFixtures.SHOP));

        assertThat(thrown).isInstanceOf(CapabilityNotSupportedException.class).hasMessageContaining("Premium Plus");
        assertThat(((CapabilityNotSupportedException) thrown).capability()).isEqualTo(Capability.REVIEWS_READ);
        assertThat(ozon.requests(OzonReviews.LIST_PATH) + ozon.requests(OzonQuestions.LIST_PATH)
                + ozon.requests(OzonChats.LIST_PATH) + ozon.requests(OzonChats.HISTORY_PATH)).isZero();
    }

    @Test
    void should_name_a_chats_stream_by_its_id_or_a_digest_and_order_numeric_message_ids() {
        assertThat(OzonInboxPoller.chatStream(CHAT)).isEqualTo("ozon.inbox.chat." + CHAT);
        assertThat(OzonInboxPoller.chatStream("Chat/With Spaces")).startsWith("ozon.inbox.chat.sha256-")
                .isEqualTo(OzonInboxPoller.chatStream("Chat/With Spaces"));
        assertThat(OzonInboxPoller.atOrBefore("3000000000817031941", "3000000000817031942")).isTrue();
        assertThat(OzonInboxPoller.atOrBefore("3000000000817031943", "3000000000817031942")).isFalse();
        assertThat(OzonInboxPoller.atOrBefore("abc", "abc")).isTrue();
        assertThat(OzonInboxPoller.atOrBefore("abd", "abc")).isFalse();
        assertThat(OzonInboxPoller.atOrBefore("1", null)).isFalse();
    }

    @Test
    void should_refuse_a_poller_that_polls_nothing() {
        assertThat(catchThrowable(() -> builder(journal).reviews(false).questions(false).chats(false).build()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

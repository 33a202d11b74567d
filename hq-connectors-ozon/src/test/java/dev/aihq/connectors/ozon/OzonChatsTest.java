package dev.aihq.connectors.ozon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.api.connector.Capability;
import dev.aihq.api.error.CapabilityNotSupportedException;
import dev.aihq.api.error.RequestRejectedException;
import dev.aihq.api.event.InboxSender;
import dev.aihq.testkit.SettableClock;
import dev.aihq.testkit.ozon.FakeOzonApi;
import dev.aihq.testkit.ozon.FakeOzonApi.OzonError;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OzonChatsTest {

    private static final Instant T0 = OzonFixtures.NOW.minus(Duration.ofDays(1));
    private static final String CHAT = "b646d975-0c9c-4872-9f41-8b1e57181063";

    private FakeOzonApi ozon;
    private SettableClock clock;
    private OzonChats chats;

    @BeforeEach
    void start() {
        ozon = FakeOzonApi.start(OzonFixtures.CLIENT_ID, OzonFixtures.API_KEY);
        clock = SettableClock.at(OzonFixtures.NOW);
        chats = client(OzonSubscription.PREMIUM_PLUS).chats();
    }

    @AfterEach
    void stop() {
        ozon.close();
    }

    private OzonClient client(OzonSubscription subscription) {
        return OzonFixtures.client(ozon.baseUrl(), subscription, clock, new RecordingSleeper(clock));
    }

    @Test
    void should_follow_the_cursor_while_has_next_is_the_string_true() {
        // given
        ozon.putChat(FakeOzonApi.buyerChat("chat-1", T0));
        ozon.putChat(new FakeOzonApi.Chat("chat-2", "Seller_Support", "Opened", T0));
        ozon.putChat(new FakeOzonApi.Chat("chat-3", "BUYER_SELLER", "Closed", T0));
        ozon.addBuyerMessage("chat-1", "Здравствуйте", T0, null, null);

        // when
        OzonChatPage first = chats.page(OzonFixtures.SHOP, OzonChatStatus.ALL, false, 2, null);
        OzonChatPage second = chats.page(OzonFixtures.SHOP, OzonChatStatus.ALL, false, 2, first.cursor());

        // then
        assertThat(first.hasNext()).as("has_next \"true\"").isTrue();
        assertThat(second.hasNext()).as("has_next \"false\"").isFalse();
        assertThat(first.totalUnreadCount()).isEqualTo(1);
        assertThat(first.chats()).extracting(OzonChat::chatId).containsExactly("chat-1", "chat-2");
        assertThat(second.chats()).extracting(OzonChat::chatId).containsExactly("chat-3");
        OzonChat chat1 = first.chats().get(0);
        assertThat(chat1.buyerChat()).isTrue();
        assertThat(chat1.unreadCount()).isEqualTo(1);
        assertThat(chat1.firstUnreadMessageId()).isEqualTo(chat1.lastMessageId()).isNotNull();
        assertThat(chat1.createdAt()).isEqualTo(T0);
        assertThat(first.chats().get(1).buyerChat()).isFalse();
        assertThat(second.chats().get(0).buyerChat()).as("upper-case BUYER_SELLER").isTrue();
        assertThat(second.chats().get(0).status()).isEqualTo("Closed");
        JsonNode body = ozon.requestBodies(OzonChats.LIST_PATH).get(0);
        assertThat(body.path("filter").path("chat_status").asText()).isEqualTo("All");
        assertThat(body.path("filter").path("unread_only").asBoolean()).isFalse();
        assertThat(body.path("limit").asInt()).isEqualTo(2);
        assertThat(ozon.requestBodies(OzonChats.LIST_PATH).get(1).path("cursor").asText()).isEqualTo(first.cursor());
        assertThat(chats.list(OzonFixtures.SHOP, OzonChatStatus.OPENED, true)).extracting(OzonChat::chatId)
                .containsExactly("chat-1");
    }

    @Test
    void should_surface_the_order_context_and_normalise_the_user_type_when_reading_history() {
        // given
        ozon.putChat(FakeOzonApi.buyerChat(CHAT, T0));
        long asked = ozon.addBuyerMessage(CHAT, "Когда доставка?", T0, "23713478-0018", 1_234_567L);
        long answered = ozon.addChatMessage(CHAT, "seller", "836412", "Завтра", T0.plusSeconds(60), null, null, true);
        long notice = ozon.addChatMessage(CHAT, "support", "1", "Заказ доставлен", T0.plusSeconds(120), null, null,
                false);

        // when
        OzonChatHistoryPage page = chats.history(OzonFixtures.SHOP, CHAT, OzonChatDirection.BACKWARD, null, 50);

        // then
        assertThat(page.hasNext()).isFalse();
        assertThat(page.messages()).extracting(OzonChatMessage::messageId).containsExactly(Long.toString(notice),
                Long.toString(answered), Long.toString(asked));
        OzonChatMessage buyer = page.messages().get(2);
        assertThat(buyer.userType()).isEqualTo(FakeOzonApi.CYRILLIC_CUSTOMER);
        assertThat(buyer.sender()).as("'Сustomer' with a Cyrillic С").isEqualTo(InboxSender.BUYER);
        assertThat(buyer.orderNumber()).isEqualTo("23713478-0018");
        assertThat(buyer.sku()).isEqualTo("1234567");
        assertThat(buyer.text()).isEqualTo("Когда доставка?");
        assertThat(buyer.createdAt()).isEqualTo(T0);
        assertThat(buyer.toString()).doesNotContain("Когда");
        assertThat(page.messages().get(1).sender()).isEqualTo(InboxSender.SELLER);
        assertThat(page.messages().get(1).orderNumber()).as("an empty context is none").isNull();
        assertThat(page.messages().get(0).sender()).isEqualTo(InboxSender.MARKETPLACE);
        JsonNode body = ozon.requestBodies(OzonChats.HISTORY_PATH).get(0);
        assertThat(body.path("chat_id").asText()).isEqualTo(CHAT);
        assertThat(body.path("direction").asText()).isEqualTo("Backward");
        assertThat(body.path("limit").asInt()).isEqualTo(50);
        assertThat(body.has("from_message_id")).isFalse();
    }

    @Test
    void should_walk_history_pages_forward_from_a_message() {
        // given
        ozon.putChat(FakeOzonApi.buyerChat(CHAT, T0));
        long first = ozon.addBuyerMessage(CHAT, "1", T0, null, null);
        for (int i = 2; i <= 5; i++) {
            ozon.addBuyerMessage(CHAT, Integer.toString(i), T0.plusSeconds(i), null, null);
        }

        // when
        OzonChatHistoryPage page = chats.history(OzonFixtures.SHOP, CHAT, OzonChatDirection.FORWARD,
                Long.toString(first), 2);
        List<OzonChatMessage> all = chats.historyAll(OzonFixtures.SHOP, CHAT, OzonChatDirection.FORWARD,
                Long.toString(first));

        // then
        assertThat(page.hasNext()).isTrue();
        assertThat(page.messages()).extracting(OzonChatMessage::text).containsExactly("1", "2");
        assertThat(all).extracting(OzonChatMessage::text).containsExactly("1", "2", "3", "4", "5");
        assertThat(ozon.requestBodies(OzonChats.HISTORY_PATH).get(0).path("from_message_id").asText())
                .isEqualTo(Long.toString(first));
    }

    @Test
    void should_refuse_locally_naming_limit_when_it_is_above_1000() {
        assertThat(catchThrowable(() -> chats.page(OzonFixtures.SHOP, OzonChatStatus.ALL, false, 1001, null)))
                .isInstanceOf(OzonValidationException.class).hasMessageContaining("limit");
        assertThat(catchThrowable(() -> chats.history(OzonFixtures.SHOP, CHAT, OzonChatDirection.BACKWARD, null, 0)))
                .isInstanceOf(OzonValidationException.class).hasMessageContaining("1-1000");
        assertThat(ozon.requests(OzonChats.LIST_PATH) + ozon.requests(OzonChats.HISTORY_PATH)).isZero();
    }

    @Test
    void should_send_plain_text_of_1_to_1000_characters() {
        // given
        ozon.putChat(FakeOzonApi.buyerChat(CHAT, T0));

        // when
        chats.send(OzonFixtures.SHOP, CHAT, "Здравствуйте! Заказ передан в доставку.");
        chats.send(OzonFixtures.SHOP, CHAT, "я".repeat(1000));

        // then
        JsonNode body = ozon.requestBodies(OzonChats.SEND_PATH).get(0);
        assertThat(body.path("chat_id").asText()).isEqualTo(CHAT);
        assertThat(body.path("text").asText()).isEqualTo("Здравствуйте! Заказ передан в доставку.");
        assertThat(ozon.chatMessages(CHAT)).hasSize(2);
    }

    @Test
    void should_refuse_locally_naming_text_when_the_message_is_empty_or_over_1000_characters() {
        for (String text : List.of("", "  ", "я".repeat(1001))) {
            Throwable thrown = catchThrowable(() -> chats.send(OzonFixtures.SHOP, CHAT, text));
            assertThat(thrown).isInstanceOf(OzonValidationException.class).hasMessageContaining("1-1000");
            assertThat(((OzonValidationException) thrown).field()).isEqualTo("text");
        }
        assertThat(ozon.requests(OzonChats.SEND_PATH)).isZero();
    }

    @Test
    void should_say_the_window_closed_when_ozon_answers_access_period_has_expired() {
        // given
        ozon.failNext(OzonChats.SEND_PATH, 1, OzonError.rpc(403, 7, "access period has expired"));

        // when
        Throwable thrown = catchThrowable(() -> chats.send(OzonFixtures.SHOP, CHAT, "Здравствуйте"));

        // then
        assertThat(thrown).isInstanceOf(OzonChatWindowClosedException.class)
                .hasMessageContaining("window to write in this chat has closed")
                .hasMessageContaining("access period has expired");
        assertThat(((OzonChatWindowClosedException) thrown).capability()).isEqualTo(Capability.CHATS);
        assertThat(((OzonChatWindowClosedException) thrown).isRetriable()).isFalse();
        assertThat(ozon.requests(OzonChats.SEND_PATH)).isEqualTo(1);
    }

    @Test
    void should_start_a_chat_about_an_fbs_posting_and_return_its_id() {
        ozon.putPosting(FakeOzonApi.posting("23713478-0018-3", "awaiting_packaging", T0));

        String chatId = chats.start(OzonFixtures.SHOP, "23713478-0018-3", OzonScheme.FBS);

        assertThat(chatId).isEqualTo("chat-23713478-0018-3");
        assertThat(ozon.requestBodies(OzonChats.START_PATH).get(0).path("posting_number").asText())
                .isEqualTo("23713478-0018-3");
    }

    @Test
    void should_refuse_locally_when_the_caller_says_the_posting_is_fbo() {
        Throwable thrown = catchThrowable(() -> chats.start(OzonFixtures.SHOP, "222-0001-1", OzonScheme.FBO));

        assertThat(thrown).isInstanceOf(CapabilityNotSupportedException.class).hasMessageContaining("FBO")
                .hasMessageContaining("only the buyer");
        assertThat(((CapabilityNotSupportedException) thrown).capability()).isEqualTo(Capability.PROACTIVE_MESSAGE);
        assertThat(ozon.requests(OzonChats.START_PATH)).isZero();
    }

    @Test
    void should_explain_the_rule_with_ozons_text_when_ozon_refuses_to_start_a_chat() {
        ozon.putPosting(FakeOzonApi.posting("222-0001-1", "delivered", T0).fbo());

        Throwable thrown = catchThrowable(() -> chats.start(OzonFixtures.SHOP, "222-0001-1", null));

        assertThat(thrown).isInstanceOf(RequestRejectedException.class).hasMessageContaining("72 h")
                .hasMessageContaining("FBS or rFBS").hasMessageContaining("chat can not be started for this posting");
        assertThat(ozon.requests(OzonChats.START_PATH)).as("a start is not retried").isEqualTo(1);
    }

    @Test
    void should_say_the_window_closed_when_a_start_comes_too_late() {
        ozon.failNext(OzonChats.START_PATH, 1, OzonError.rpc(400, 9, "access period has expired"));

        Throwable thrown = catchThrowable(() -> chats.start(OzonFixtures.SHOP, "23713478-0018-3", OzonScheme.RFBS));

        assertThat(thrown).isInstanceOf(OzonChatWindowClosedException.class);
        assertThat(((OzonChatWindowClosedException) thrown).capability()).isEqualTo(Capability.PROACTIVE_MESSAGE);
    }

    @Test
    void should_mark_messages_read_and_return_what_is_still_unread() {
        // given
        ozon.putChat(FakeOzonApi.buyerChat(CHAT, T0));
        long first = ozon.addBuyerMessage(CHAT, "1", T0, null, null);
        ozon.addBuyerMessage(CHAT, "2", T0.plusSeconds(1), null, null);

        // when
        long unread = chats.markRead(OzonFixtures.SHOP, CHAT, Long.toString(first));

        // then
        assertThat(unread).isEqualTo(1);
        JsonNode body = ozon.requestBodies(OzonChats.READ_PATH).get(0);
        assertThat(body.path("chat_id").asText()).isEqualTo(CHAT);
        assertThat(body.path("from_message_id").asText()).isEqualTo(Long.toString(first));
    }

    @Test
    void should_refuse_every_method_before_any_request_when_the_shop_has_no_premium_plus() {
        OzonChats standard = client(OzonSubscription.STANDARD).chats();
        List<Consumer<OzonChats>> calls = List.of(
                c -> c.page(OzonFixtures.SHOP, OzonChatStatus.ALL, false, 30, null),
                c -> c.list(OzonFixtures.SHOP, OzonChatStatus.ALL, false),
                c -> c.history(OzonFixtures.SHOP, CHAT, OzonChatDirection.BACKWARD, null, 50),
                c -> c.historyAll(OzonFixtures.SHOP, CHAT, OzonChatDirection.FORWARD, null),
                c -> c.send(OzonFixtures.SHOP, CHAT, "Здравствуйте"),
                c -> c.start(OzonFixtures.SHOP, "23713478-0018-3", OzonScheme.FBS),
                c -> c.markRead(OzonFixtures.SHOP, CHAT, null));

        for (Consumer<OzonChats> call : calls) {
            Throwable thrown = catchThrowable(() -> call.accept(standard));
            assertThat(thrown).isInstanceOf(CapabilityNotSupportedException.class)
                    .hasMessageContaining("Premium Plus");
            assertThat(((CapabilityNotSupportedException) thrown).capability())
                    .isIn(Capability.CHATS, Capability.PROACTIVE_MESSAGE);
        }
        for (String path : List.of(OzonChats.LIST_PATH, OzonChats.HISTORY_PATH, OzonChats.SEND_PATH,
                OzonChats.START_PATH, OzonChats.READ_PATH)) {
            assertThat(ozon.requests(path)).as(path).isZero();
        }
    }
}

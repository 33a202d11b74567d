package dev.aihq.connectors.ozon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.aihq.api.connector.PublishedReply;
import dev.aihq.api.connector.ReplyTarget;
import dev.aihq.api.error.CapabilityNotSupportedException;
import dev.aihq.api.event.InboxItemKind;
import dev.aihq.testkit.SettableClock;
import dev.aihq.testkit.ozon.FakeOzonApi;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The inbox's replies through {@link OzonConnector#reply}: a review comment, a question answer, a chat message. */
class OzonReplyTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private FakeOzonApi ozon;
    private SettableClock clock;

    @BeforeEach
    void start() {
        ozon = FakeOzonApi.start(OzonFixtures.CLIENT_ID, OzonFixtures.API_KEY);
        clock = SettableClock.at(T0);
    }

    @AfterEach
    void stop() {
        ozon.close();
    }

    private OzonConnector connector(OzonSubscription subscription) {
        return OzonConnector.of(OzonFixtures.client(ozon.baseUrl(), subscription, clock, new RecordingSleeper(clock)));
    }

    @Test
    void should_comment_a_review_and_answer_a_question_with_its_sku() {
        // given
        ozon.putReview(FakeOzonApi.review("rev-1", 180550365L, 2, "Маломерит", T0.minusSeconds(3600)));
        ozon.putQuestion(FakeOzonApi.question("q-1", 180550365L, "Есть XL?", "Анна", T0.minusSeconds(60)));
        OzonConnector connector = connector(OzonSubscription.PREMIUM_PLUS);

        // when
        PublishedReply comment = connector.reply(OzonFixtures.SHOP, new ReplyTarget(InboxItemKind.REVIEW, "rev-1",
                null, "180550365"), "Спасибо за отзыв! Советуем брать на размер больше.");
        PublishedReply answer = connector.reply(OzonFixtures.SHOP, new ReplyTarget(InboxItemKind.QUESTION, "q-1",
                null, "180550365"), "Да, XL есть в наличии.");
        Throwable noSku = catchThrowable(() -> connector.reply(OzonFixtures.SHOP,
                new ReplyTarget(InboxItemKind.QUESTION, "q-1", null, null), "Да"));

        // then
        assertThat(ozon.reviewComments("rev-1")).singleElement()
                .satisfies(c -> assertThat(c.path("text").asText()).startsWith("Спасибо за отзыв!"));
        assertThat(ozon.questionAnswers("q-1")).singleElement()
                .satisfies(a -> assertThat(a.path("text").asText()).isEqualTo("Да, XL есть в наличии."));
        assertThat(comment.messageId()).isNotBlank();
        assertThat(comment.publishedAt()).isEqualTo(T0);
        assertThat(answer.messageId()).isNotBlank();
        assertThat(noSku).isInstanceOf(CapabilityNotSupportedException.class).hasMessageContaining("sku");
    }

    @Test
    void should_send_a_chat_message_and_refuse_every_reply_without_premium_plus_before_any_request() {
        // given
        ozon.putChat(FakeOzonApi.buyerChat("chat-1", T0.minusSeconds(600)));
        ozon.addBuyerMessage("chat-1", "Где мой заказ?", T0.minusSeconds(300), "23713478-0018", 180550365L);

        // when
        PublishedReply sent = connector(OzonSubscription.PREMIUM_PLUS).reply(OzonFixtures.SHOP,
                new ReplyTarget(InboxItemKind.CHAT_MESSAGE, "chat-1", null, null), "Проверим и вернёмся с ответом.");
        int before = ozon.requests("/v1/chat/send/message");
        Throwable standard = catchThrowable(() -> connector(OzonSubscription.STANDARD).reply(OzonFixtures.SHOP,
                new ReplyTarget(InboxItemKind.CHAT_MESSAGE, "chat-1", null, null), "Здравствуйте!"));

        // then
        assertThat(ozon.chatMessages("chat-1")).anySatisfy(m ->
                assertThat(m.data()).containsExactly("Проверим и вернёмся с ответом."));
        assertThat(sent.messageId()).isEqualTo("chat-1:" + T0.toEpochMilli());
        assertThat(standard).isInstanceOf(CapabilityNotSupportedException.class).hasMessageContaining("Premium Plus");
        assertThat(ozon.requests("/v1/chat/send/message")).isEqualTo(before);
    }

    @Test
    void should_read_a_reviews_current_rating() {
        ozon.putReview(FakeOzonApi.review("rev-5", 180550365L, 5, "Супер", T0.minusSeconds(60)));

        assertThat(connector(OzonSubscription.PREMIUM_PLUS).reviewRating(OzonFixtures.SHOP, "rev-5")).contains(5);
        assertThat(catchThrowable(() -> connector(OzonSubscription.STANDARD).reviewRating(OzonFixtures.SHOP,
                "rev-5"))).isInstanceOf(CapabilityNotSupportedException.class);
    }

    @Test
    void should_find_a_chats_posting_in_its_history_and_nothing_without_premium_plus() {
        ozon.putChat(FakeOzonApi.buyerChat("chat-2", T0.minusSeconds(600)));
        ozon.addBuyerMessage("chat-2", "Здравствуйте", T0.minusSeconds(500), null, null);
        ozon.addBuyerMessage("chat-2", "Где заказ?", T0.minusSeconds(400), "23713478-0018-3", 180550365L);
        ozon.putChat(FakeOzonApi.buyerChat("chat-3", T0.minusSeconds(600)));
        ozon.addBuyerMessage("chat-3", "Вопрос", T0.minusSeconds(300), null, null);

        assertThat(connector(OzonSubscription.PREMIUM_PLUS).chatOrderRef(OzonFixtures.SHOP, "chat-2"))
                .contains("23713478-0018-3");
        assertThat(connector(OzonSubscription.PREMIUM_PLUS).chatOrderRef(OzonFixtures.SHOP, "chat-3")).isEmpty();
        assertThat(connector(OzonSubscription.STANDARD).chatOrderRef(OzonFixtures.SHOP, "chat-2")).isEmpty();
    }
}

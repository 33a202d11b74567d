package dev.aihq.connectors.wb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.aihq.api.connector.PublishedReply;
import dev.aihq.api.connector.ReplyTarget;
import dev.aihq.api.error.CapabilityNotSupportedException;
import dev.aihq.api.event.InboxItemKind;
import dev.aihq.testkit.SettableClock;
import dev.aihq.testkit.wb.FakeWbApi;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The inbox's replies through {@link WbConnector#reply}: a feedback answer, a question answer, a chat message. */
class WbReplyTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final String CHAT = "1:c8ad9b1e-1a4b-41d9-9a80-7b2c6d0e1f90";
    private static final String SIGN = "1:c8ad9b1e:reply-sign-0001";

    private FakeWbApi wb;
    private WbConnector connector;

    @BeforeEach
    void start() {
        wb = FakeWbApi.start(WbFixtures.TOKEN);
        SettableClock clock = SettableClock.at(T0);
        connector = WbConnector.of(WbFixtures.client(WbFixtures.config(wb.baseUrl()).build(), clock,
                new RecordingSleeper(clock)));
    }

    @AfterEach
    void stop() {
        wb.close();
    }

    @Test
    void should_answer_a_feedback_and_a_question_by_their_ids() {
        // given
        wb.putFeedback(FakeWbApi.feedback("fb-1", 2, "Маломерит", WbFixtures.CREATED));
        wb.putQuestion(FakeWbApi.question("q-1", "Есть размер XL?", WbFixtures.CREATED));

        // when
        PublishedReply review = connector.reply(WbFixtures.SHOP, new ReplyTarget(InboxItemKind.REVIEW, "fb-1", null,
                null), "Спасибо за отзыв! Советуем брать на размер больше.");
        PublishedReply question = connector.reply(WbFixtures.SHOP, new ReplyTarget(InboxItemKind.QUESTION, "q-1",
                null, null), "Да, XL есть в наличии.");

        // then
        assertThat(wb.findFeedback("fb-1").orElseThrow().answerText())
                .isEqualTo("Спасибо за отзыв! Советуем брать на размер больше.");
        assertThat(wb.findQuestion("q-1").orElseThrow().answerText()).isEqualTo("Да, XL есть в наличии.");
        assertThat(review).isEqualTo(new PublishedReply("answer:fb-1", T0));
        assertThat(question.messageId()).isEqualTo("answer:q-1");
    }

    @Test
    void should_send_a_chat_message_with_the_reply_sign_and_refuse_a_chat_without_one() {
        // given
        wb.putChat(FakeWbApi.chat(CHAT, SIGN, "Алёна"));

        // when
        PublishedReply sent = connector.reply(WbFixtures.SHOP, new ReplyTarget(InboxItemKind.CHAT_MESSAGE, CHAT, SIGN,
                null), "Подскажите, пожалуйста, номер заказа.");
        Throwable noSign = catchThrowable(() -> connector.reply(WbFixtures.SHOP,
                new ReplyTarget(InboxItemKind.CHAT_MESSAGE, CHAT, null, null), "Здравствуйте!"));

        // then
        assertThat(wb.sentChatMessages()).singleElement().satisfies(m -> {
            assertThat(m.replySign()).isEqualTo(SIGN);
            assertThat(m.message()).isEqualTo("Подскажите, пожалуйста, номер заказа.");
        });
        assertThat(sent.messageId()).startsWith(CHAT + ":");
        assertThat(noSign).isInstanceOf(CapabilityNotSupportedException.class).hasMessageContaining("replySign");
        assertThat(new ReplyTarget(InboxItemKind.CHAT_MESSAGE, CHAT, SIGN, null).toString()).doesNotContain(SIGN);
    }

    @Test
    void should_read_a_feedbacks_current_rating_and_nothing_for_an_unknown_one() {
        wb.putFeedback(FakeWbApi.feedback("fb-7", 4, "Норм", WbFixtures.CREATED));

        assertThat(connector.reviewRating(WbFixtures.SHOP, "fb-7")).contains(4);
        assertThat(connector.reviewRating(WbFixtures.SHOP, "fb-unknown")).isEmpty();
    }

    @Test
    void should_stamp_a_chat_reply_with_the_fakes_send_clock_when_one_is_set() {
        // given: a demo or test clock; WB stamps a message when it takes it
        wb.putChat(FakeWbApi.chat(CHAT, SIGN, "Алёна")).sendClock(SettableClock.at(T0));

        // when
        PublishedReply first = connector.reply(WbFixtures.SHOP, new ReplyTarget(InboxItemKind.CHAT_MESSAGE, CHAT, SIGN,
                null), "Подскажите, пожалуйста, номер заказа.");
        PublishedReply second = connector.reply(WbFixtures.SHOP, new ReplyTarget(InboxItemKind.CHAT_MESSAGE, CHAT,
                SIGN, null), "Спасибо, проверяем.");

        // then: at the clock's time, each later than the one before
        assertThat(first.publishedAt()).isEqualTo(T0);
        assertThat(second.publishedAt()).isEqualTo(T0.plusMillis(1));
        assertThat(second.messageId()).isNotEqualTo(first.messageId());
    }
}

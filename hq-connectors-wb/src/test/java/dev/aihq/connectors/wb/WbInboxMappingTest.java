package dev.aihq.connectors.wb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.Marketplace;
import dev.aihq.api.event.InboxEvent;
import dev.aihq.api.event.InboxItemKind;
import dev.aihq.api.event.InboxSender;
import dev.aihq.connectors.wb.internal.mapper.WbInboxMapper;
import dev.aihq.testkit.SettableClock;
import dev.aihq.testkit.wb.FakeWbApi;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Feedbacks and questions as inbox events: kinds, ids, product, author, text joined from text, pros and cons. */
class WbInboxMappingTest {

    private static WbFeedback feedback(String text, String pros, String cons, int photos, boolean video) {
        return new WbFeedback("fb-9", text, pros, cons, 4, WbFixtures.CREATED, "none", false, null,
                new WbProductDetails(146_123_456L, 1L, "Футболка оверсайз", "TS-OVS-BLK-M", "ИП", "Brand", "M"), photos,
                video, "Анна", "buyout", null, "ok", List.of(), null, null);
    }

    @Test
    void should_map_a_feedback_to_a_review_with_text_pros_and_cons_on_their_own_lines() {
        // when
        InboxEvent event = WbInboxMapper.review(WbFixtures.SHOP, feedback("Хорошая", "Мягкая", "Маломерит", 2, true));

        // then
        assertThat(event.kind()).isEqualTo(InboxItemKind.REVIEW);
        assertThat(event.marketplace()).isEqualTo(Marketplace.WILDBERRIES);
        assertThat(event.shopId()).isEqualTo(WbFixtures.SHOP);
        assertThat(event.threadId()).isEqualTo("fb-9");
        assertThat(event.messageId()).isEqualTo("fb-9");
        assertThat(event.sender()).isEqualTo(InboxSender.BUYER);
        assertThat(event.text()).isEqualTo("Хорошая\nДостоинства: Мягкая\nНедостатки: Маломерит");
        assertThat(event.rating()).isEqualTo(4);
        assertThat(event.productId()).isEqualTo("146123456");
        assertThat(event.sellerSku()).isEqualTo("TS-OVS-BLK-M");
        assertThat(event.productName()).isEqualTo("Футболка оверсайз");
        assertThat(event.authorName()).isEqualTo("Анна");
        assertThat(event.occurredAt()).isEqualTo(WbFixtures.CREATED);
        assertThat(event.attachments()).containsExactly("photo", "photo", "video");
        assertThat(event.idempotencyKey()).isEqualTo("inbox:wildberries:review:fb-9:fb-9");
        assertThat(event.type()).isEqualTo("inbox.review");
    }

    @Test
    void should_map_a_rating_only_review_to_empty_text_with_its_rating() {
        // when
        InboxEvent event = WbInboxMapper.review(WbFixtures.SHOP, feedback("", "", " ", 0, false));

        // then
        assertThat(event.text()).isEmpty();
        assertThat(event.rating()).isEqualTo(4);
        assertThat(event.attachments()).isEmpty();
    }

    @Test
    void should_keep_emoji_and_5000_characters_whole() {
        // given
        String emoji = "Супер 👍🏽🔥 спасибо 🙏";
        String longText = "ж".repeat(5000);

        // when
        InboxEvent withEmoji = WbInboxMapper.review(WbFixtures.SHOP, feedback(emoji, "", "", 0, false));
        InboxEvent withLong = WbInboxMapper.review(WbFixtures.SHOP, feedback(longText, "", "", 0, false));
        InboxEvent onlyCons = WbInboxMapper.review(WbFixtures.SHOP, feedback("", "", "Швы 🧵", 0, false));

        // then
        assertThat(withEmoji.text()).isEqualTo(emoji);
        assertThat(withLong.text()).hasSize(5000).isEqualTo(longText);
        assertThat(onlyCons.text()).isEqualTo("Недостатки: Швы 🧵");
        assertThat(withLong.toString()).doesNotContain("жжж");
    }

    @Test
    void should_map_a_question_without_a_rating() {
        // given
        WbQuestion question = new WbQuestion("q-7", "  Есть XL? ", WbFixtures.CREATED, "suppliersPortalSynch", false,
                true, null, new WbProductDetails(5L, null, "Худи", "HD-1", null, null, null));

        // when
        InboxEvent event = WbInboxMapper.question(WbFixtures.SHOP, question);

        // then
        assertThat(event.kind()).isEqualTo(InboxItemKind.QUESTION);
        assertThat(event.threadId()).isEqualTo("q-7");
        assertThat(event.text()).isEqualTo("Есть XL?");
        assertThat(event.rating()).isNull();
        assertThat(event.productId()).isEqualTo("5");
        assertThat(event.sellerSku()).isEqualTo("HD-1");
        assertThat(event.authorName()).isNull();
    }

    @Test
    void should_read_new_reviews_and_questions_since_an_instant_through_the_connector_oldest_first() {
        // given
        try (FakeWbApi wb = FakeWbApi.start(WbFixtures.TOKEN)) {
            Instant since = WbFixtures.CREATED;
            wb.putFeedback(FakeWbApi.feedback("fb-old", 5, "старый", since.minusSeconds(3600)));
            wb.putFeedback(FakeWbApi.feedback("fb-new", 2, "", since.plusSeconds(120)));
            wb.putFeedback(FakeWbApi.feedback("fb-done", 5, "ok", since.plusSeconds(5)).withAnswer("Спасибо", "wbRu", true));
            wb.putQuestion(FakeWbApi.question("q-new", "Есть XL?", since.plusSeconds(60)));
            SettableClock clock = SettableClock.at(since);
            WbConnector connector = WbConnector.of(WbFixtures.client(WbFixtures.config(wb.baseUrl()).build(), clock,
                    new RecordingSleeper(clock)));

            // when
            List<InboxEvent> events = connector.newReviewsAndQuestions(WbFixtures.SHOP, since);

            // then
            assertThat(events).extracting(InboxEvent::threadId).containsExactly("q-new", "fb-new");
            assertThat(events.get(1).text()).isEmpty();
            assertThat(events.get(1).rating()).isEqualTo(2);
            assertThat(wb.queries("/api/v1/feedbacks").get(0)).containsEntry("isAnswered", "false")
                    .containsEntry("dateFrom", Long.toString(since.getEpochSecond()));
        }
    }
}

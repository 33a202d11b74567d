package dev.aihq.connectors.wb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.aihq.testkit.SettableClock;
import dev.aihq.testkit.wb.FakeWbApi;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Feedbacks against the fake WB API: paging to the end, reading, counting, answering with read-back, editing. */
class WbFeedbacksTest {

    private static final String LIST = "/api/v1/feedbacks";
    private static final String ANSWER = "/api/v1/feedbacks/answer";

    private FakeWbApi wb;
    private RecordingSleeper sleeper;
    private WbClient client;

    @BeforeEach
    void start() {
        wb = FakeWbApi.start(WbFixtures.TOKEN);
        SettableClock clock = SettableClock.at(WbFixtures.CREATED);
        sleeper = new RecordingSleeper(clock);
        client = WbFixtures.client(WbFixtures.config(wb.baseUrl()).build(), clock, sleeper);
    }

    @AfterEach
    void stop() {
        wb.close();
    }

    private WbFeedbacks feedbacks() {
        return client.feedbacks();
    }

    @Test
    void should_read_every_page_to_the_end_when_12000_feedbacks_span_three_pages() {
        // given
        for (int i = 0; i < 12_000; i++) {
            wb.putFeedback(FakeWbApi.feedback("fb-" + i, 1 + i % 5, "Отзыв " + i, WbFixtures.CREATED.plusSeconds(i)));
        }

        // when
        List<WbFeedback> all = feedbacks().list(WbFixtures.SHOP, WbListQuery.unanswered());

        // then
        assertThat(all).hasSize(12_000);
        assertThat(all.get(0).id()).isEqualTo("fb-0");
        assertThat(all.get(11_999).id()).isEqualTo("fb-11999");
        assertThat(all.stream().map(WbFeedback::id).distinct()).hasSize(12_000);
        List<Map<String, String>> queries = wb.queries(LIST);
        assertThat(queries).extracting(q -> q.get("skip")).containsExactly("0", "5000", "10000");
        assertThat(queries).allSatisfy(q -> {
            assertThat(q).containsEntry("take", "5000").containsEntry("isAnswered", "false")
                    .containsEntry("order", "dateAsc");
        });
    }

    @Test
    void should_return_an_empty_list_after_one_request_when_there_are_no_feedbacks() {
        // expect
        assertThat(feedbacks().list(WbFixtures.SHOP, WbListQuery.unanswered())).isEmpty();
        assertThat(wb.requests(LIST)).isEqualTo(1);
    }

    @Test
    void should_stop_after_a_full_page_and_an_empty_one_when_the_count_is_a_multiple_of_the_page() {
        // given
        WbClient small = WbFixtures.client(WbFixtures.config(wb.baseUrl()).feedbackPageSize(10).build(),
                SettableClock.at(WbFixtures.CREATED), sleeper);
        for (int i = 0; i < 20; i++) {
            wb.putFeedback(FakeWbApi.feedback("fb-" + i, 5, "", WbFixtures.CREATED.plusSeconds(i)));
        }

        // when
        List<WbFeedback> all = small.feedbacks().list(WbFixtures.SHOP, WbListQuery.unanswered());

        // then
        assertThat(all).hasSize(20);
        assertThat(wb.requests(LIST)).isEqualTo(3);
    }

    @Test
    void should_send_product_window_and_order_when_the_query_sets_them() {
        // given
        Instant from = WbFixtures.CREATED.plusSeconds(5);
        for (int i = 0; i < 10; i++) {
            wb.putFeedback(FakeWbApi.feedback("fb-" + i, 5, "x", WbFixtures.CREATED.plusSeconds(i))
                    .withProduct(new FakeWbApi.Product(i % 2 == 0 ? 111L : 222L, 1L, "p", "a", "s", "b", "M")));
        }

        // when
        List<WbFeedback> listed = feedbacks().list(WbFixtures.SHOP, WbListQuery.unanswered().toBuilder()
                .nmId(111L).dateFrom(from).order(WbSortOrder.DATE_DESC).build());

        // then
        assertThat(listed).extracting(WbFeedback::id).containsExactly("fb-8", "fb-6");
        assertThat(wb.queries(LIST).get(0)).containsEntry("nmId", "111").containsEntry("order", "dateDesc")
                .containsEntry("dateFrom", Long.toString(from.getEpochSecond()));
    }

    @Test
    void should_read_every_field_when_a_feedback_is_complete() {
        // given
        wb.putFeedback(FakeWbApi.feedback("fb-full", 4, "Хорошая 👍🏽 футболка", WbFixtures.CREATED)
                .withProsAndCons("Мягкая ткань", "Маломерит").withMedia(3, true));

        // when
        WbFeedback feedback = feedbacks().get(WbFixtures.SHOP, "fb-full").orElseThrow();

        // then
        assertThat(feedback.id()).isEqualTo("fb-full");
        assertThat(feedback.text()).isEqualTo("Хорошая 👍🏽 футболка");
        assertThat(feedback.pros()).isEqualTo("Мягкая ткань");
        assertThat(feedback.cons()).isEqualTo("Маломерит");
        assertThat(feedback.rating()).isEqualTo(4);
        assertThat(feedback.createdDate()).isEqualTo(WbFixtures.CREATED);
        assertThat(feedback.state()).isEqualTo("none");
        assertThat(feedback.answer()).isNull();
        assertThat(feedback.product()).isNotNull();
        assertThat(feedback.product().nmId()).isEqualTo(146_123_456L);
        assertThat(feedback.product().supplierArticle()).isEqualTo("TS-OVS-BLK-M");
        assertThat(feedback.product().size()).isEqualTo("M");
        assertThat(feedback.photoCount()).isEqualTo(3);
        assertThat(feedback.hasVideo()).isTrue();
        assertThat(feedback.userName()).isEqualTo("Анна");
        assertThat(feedback.orderStatus()).isEqualTo("buyout");
        assertThat(feedback.matchingSize()).isEqualTo("ok");
        assertThat(feedback.lastOrderCreatedAt()).isEqualTo(WbFixtures.CREATED.minus(Duration.ofDays(10)));
        assertThat(feedback.tags()).contains("качество");
        assertThat(feedback.toString()).doesNotContain("Хорошая").doesNotContain("Анна");
    }

    @Test
    void should_return_empty_when_the_feedback_does_not_exist() {
        // expect
        assertThat(feedbacks().get(WbFixtures.SHOP, "no-such")).isEmpty();
    }

    @Test
    void should_keep_answer_null_when_wb_lists_a_feedback_as_answered_without_an_answer() {
        // given
        wb.putFeedback(FakeWbApi.feedback("fb-odd", 5, "ok", WbFixtures.CREATED).answeredWithoutAnswer());
        wb.putFeedback(FakeWbApi.feedback("fb-done", 5, "ok", WbFixtures.CREATED.plusSeconds(1))
                .withAnswer("Спасибо!", "wbRu", true));

        // when
        List<WbFeedback> answered = feedbacks().list(WbFixtures.SHOP, WbListQuery.answeredItems());

        // then
        assertThat(answered).extracting(WbFeedback::id).containsExactly("fb-odd", "fb-done");
        assertThat(answered.get(0).answer()).isNull();
        assertThat(answered.get(1).answer()).isEqualTo(new WbFeedbackAnswer("Спасибо!", "wbRu", true));
        assertThat(wb.queries(LIST).get(0)).containsEntry("isAnswered", "true");
    }

    @Test
    void should_list_the_archive_without_is_answered() {
        // given
        wb.putFeedback(FakeWbApi.feedback("fb-arch", 3, "", WbFixtures.CREATED).archivedCopy());
        wb.putFeedback(FakeWbApi.feedback("fb-live", 3, "", WbFixtures.CREATED));

        // when
        List<WbFeedback> archive = feedbacks().listArchive(WbFixtures.SHOP, WbListQuery.unanswered());

        // then
        assertThat(archive).extracting(WbFeedback::id).containsExactly("fb-arch");
        assertThat(wb.queries(LIST + "/archive").get(0)).doesNotContainKey("isAnswered");
    }

    @Test
    void should_count_unanswered_and_all_feedbacks() {
        // given
        wb.putFeedback(FakeWbApi.feedback("a", 5, "", WbFixtures.CREATED));
        wb.putFeedback(FakeWbApi.feedback("b", 4, "", WbFixtures.CREATED).withAnswer("Спасибо", "wbRu", true));

        // expect
        assertThat(feedbacks().unansweredCount(WbFixtures.SHOP)).isEqualTo(new WbUnansweredCount(1, 0, "4.5"));
        assertThat(feedbacks().count(WbFixtures.SHOP, null, null, null)).isEqualTo(2);
        assertThat(feedbacks().count(WbFixtures.SHOP, true, null, null)).isEqualTo(1);
        assertThat(feedbacks().newItems(WbFixtures.SHOP)).isEqualTo(new WbNewItems(true, false));
    }

    @Test
    void should_answer_and_return_the_feedback_read_back_when_wb_saved_the_answer() {
        // given
        wb.putFeedback(FakeWbApi.feedback("fb-1", 2, "Порвалась после стирки", WbFixtures.CREATED));

        // when
        WbFeedback answered = feedbacks().answer(WbFixtures.SHOP, "fb-1", "  Нам очень жаль! Напишите в чат заказа.  ");

        // then
        assertThat(answered.answer()).isNotNull();
        assertThat(answered.answer().text()).isEqualTo("Нам очень жаль! Напишите в чат заказа.");
        assertThat(wb.bodies(ANSWER)).singleElement().asString()
                .contains("\"id\":\"fb-1\"").contains("\"text\":\"Нам очень жаль! Напишите в чат заказа.\"");
        assertThat(wb.requests("/api/v1/feedback")).as("read back once").isEqualTo(1);
    }

    @Test
    void should_fail_naming_the_feedback_id_when_the_read_back_does_not_show_the_answer() {
        // given: WB accepts an answer to an unknown id with 204 and saves nothing

        // when
        Throwable thrown = catchThrowable(() -> feedbacks().answer(WbFixtures.SHOP, "fb-typo", "Спасибо за отзыв!"));

        // then
        assertThat(thrown).isInstanceOf(WbResponseException.class).hasMessageContaining("fb-typo");
        assertThat(wb.requests(ANSWER)).isEqualTo(1);
    }

    @Test
    void should_accept_an_answer_of_exactly_5000_characters_with_emoji() {
        // given
        wb.putFeedback(FakeWbApi.feedback("fb-long", 5, "👍", WbFixtures.CREATED));
        String text = "🙂" + "а".repeat(4998);

        // when
        WbFeedback answered = feedbacks().answer(WbFixtures.SHOP, "fb-long", text);

        // then
        assertThat(text).hasSize(5000);
        assertThat(answered.answer().text()).isEqualTo(text);
    }

    @Test
    void should_refuse_locally_naming_field_and_limit_when_the_answer_is_too_short_or_too_long() {
        // when
        Throwable empty = catchThrowable(() -> feedbacks().answer(WbFixtures.SHOP, "fb-1", "   "));
        Throwable one = catchThrowable(() -> feedbacks().answer(WbFixtures.SHOP, "fb-1", "Я"));
        Throwable tooLong = catchThrowable(() -> feedbacks().answer(WbFixtures.SHOP, "fb-1", "б".repeat(5001)));

        // then
        assertThat(empty).isInstanceOf(WbValidationException.class).hasMessageContaining("text")
                .hasMessageContaining("at least 2");
        assertThat(one).isInstanceOf(WbValidationException.class).hasMessageContaining("at least 2");
        assertThat(tooLong).isInstanceOf(WbValidationException.class).hasMessageContaining("text")
                .hasMessageContaining("at most 5000").hasMessageContaining("5001");
        assertThat(((WbValidationException) tooLong).field()).isEqualTo("text");
        assertThat(wb.requests(ANSWER)).as("nothing sent").isZero();
    }

    @Test
    void should_edit_an_editable_answer_once_and_then_refuse_locally() {
        // given
        wb.putFeedback(FakeWbApi.feedback("fb-e", 3, "Так себе", WbFixtures.CREATED).withAnswer("Спасибо", "wbRu", true));

        // when
        WbFeedback edited = feedbacks().editAnswer(WbFixtures.SHOP, "fb-e", "Спасибо, учтём замечания!");
        Throwable second = catchThrowable(() -> feedbacks().editAnswer(WbFixtures.SHOP, "fb-e", "Ещё раз"));

        // then
        assertThat(edited.answer().text()).isEqualTo("Спасибо, учтём замечания!");
        assertThat(edited.answer().editable()).isFalse();
        assertThat(second).isInstanceOf(WbValidationException.class).hasMessageContaining("fb-e")
                .hasMessageContaining("60 days");
        assertThat(((WbValidationException) second).field()).isEqualTo("answer.editable");
        assertThat(wb.requests(ANSWER)).as("one PATCH only").isEqualTo(1);
    }

    @Test
    void should_refuse_to_edit_when_there_is_no_answer() {
        // given
        wb.putFeedback(FakeWbApi.feedback("fb-n", 3, "", WbFixtures.CREATED));

        // expect
        assertThat(catchThrowable(() -> feedbacks().editAnswer(WbFixtures.SHOP, "fb-n", "Спасибо")))
                .isInstanceOf(WbValidationException.class).hasMessageContaining("no answer");
        assertThat(wb.requests(ANSWER)).isZero();
    }
}

package dev.aihq.connectors.wb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.aihq.testkit.SettableClock;
import dev.aihq.testkit.wb.FakeWbApi;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Questions against the fake WB API: paging past WB's take + skip limit, answering, rejecting, viewing. */
class WbQuestionsTest {

    private static final String LIST = "/api/v1/questions";

    private FakeWbApi wb;
    private WbClient client;

    @BeforeEach
    void start() {
        wb = FakeWbApi.start(WbFixtures.TOKEN);
        SettableClock clock = SettableClock.at(WbFixtures.CREATED);
        client = WbFixtures.client(WbFixtures.config(wb.baseUrl()).build(), clock, new RecordingSleeper(clock));
    }

    @AfterEach
    void stop() {
        wb.close();
    }

    @Test
    void should_read_all_12000_questions_by_moving_the_window_when_take_plus_skip_reaches_10000() {
        // given
        for (int i = 0; i < 12_000; i++) {
            wb.putQuestion(FakeWbApi.question("q-" + i, "Какой размер? " + i, WbFixtures.CREATED.plusSeconds(60L * i)));
        }

        // when
        List<WbQuestion> all = client.questions().list(WbFixtures.SHOP, WbListQuery.unanswered());

        // then
        assertThat(all).hasSize(12_000);
        assertThat(all.stream().map(WbQuestion::id).distinct()).hasSize(12_000);
        assertThat(all.get(11_999).id()).isEqualTo("q-11999");
        List<Map<String, String>> queries = wb.queries(LIST);
        assertThat(queries).allSatisfy(q -> assertThat(Integer.parseInt(q.get("take")) + Integer.parseInt(q.get("skip")))
                .isLessThanOrEqualTo(10_000));
        assertThat(queries.get(2)).containsEntry("skip", "0")
                .containsEntry("dateFrom", Long.toString(WbFixtures.CREATED.plusSeconds(60L * 9_999).getEpochSecond()));
    }

    @Test
    void should_return_an_empty_list_after_one_request_when_there_are_no_questions() {
        // expect
        assertThat(client.questions().list(WbFixtures.SHOP, WbListQuery.unanswered())).isEmpty();
        assertThat(wb.requests(LIST)).isEqualTo(1);
    }

    @Test
    void should_read_a_question_with_its_warning_banner_and_product() {
        // given
        wb.putQuestion(FakeWbApi.question("q-1", "Можно стирать при 60°? 🤔", WbFixtures.CREATED).warnedCopy());

        // when
        WbQuestion question = client.questions().get(WbFixtures.SHOP, "q-1").orElseThrow();

        // then
        assertThat(question.text()).isEqualTo("Можно стирать при 60°? 🤔");
        assertThat(question.warned()).isTrue();
        assertThat(question.state()).isEqualTo(WbQuestion.STATE_NEW);
        assertThat(question.answer()).isNull();
        assertThat(question.product().nmId()).isEqualTo(146_123_456L);
        assertThat(question.createdDate()).isEqualTo(WbFixtures.CREATED);
        assertThat(question.toString()).doesNotContain("стирать");
        assertThat(client.questions().get(WbFixtures.SHOP, "q-none")).isEmpty();
    }

    @Test
    void should_answer_with_state_wbru_and_then_refuse_a_second_edit_locally() {
        // given
        wb.putQuestion(FakeWbApi.question("q-2", "Есть размер XL?", WbFixtures.CREATED));

        // when
        client.questions().answer(WbFixtures.SHOP, "q-2", "Да, XL есть в наличии.");
        client.questions().answer(WbFixtures.SHOP, "q-2", "Да, XL и XXL есть в наличии.");
        Throwable third = catchThrowable(() -> client.questions().answer(WbFixtures.SHOP, "q-2", "Ещё правка"));

        // then
        assertThat(wb.bodies(LIST).get(0)).isEqualTo("{\"id\":\"q-2\",\"answer\":{\"text\":\"Да, XL есть в наличии.\"},"
                + "\"state\":\"wbRu\"}");
        assertThat(wb.findQuestion("q-2").orElseThrow().answerText()).isEqualTo("Да, XL и XXL есть в наличии.");
        assertThat(third).isInstanceOf(WbValidationException.class).hasMessageContaining("q-2")
                .hasMessageContaining("60 days");
        assertThat(wb.bodies(LIST)).hasSize(2);
        assertThat(wb.requests("/api/v1/question")).isEqualTo(3);
    }

    @Test
    void should_reject_with_state_none_and_mark_viewed() {
        // given
        wb.putQuestion(FakeWbApi.question("q-3", "Где купить дешевле?", WbFixtures.CREATED));

        // when
        client.questions().reject(WbFixtures.SHOP, "q-3", "Вопрос не о товаре");
        client.questions().markViewed(WbFixtures.SHOP, "q-3");

        // then
        assertThat(wb.bodies(LIST)).containsExactly(
                "{\"id\":\"q-3\",\"answer\":{\"text\":\"Вопрос не о товаре\"},\"state\":\"none\"}",
                "{\"id\":\"q-3\",\"wasViewed\":true}");
        FakeWbApi.Question held = wb.findQuestion("q-3").orElseThrow();
        assertThat(held.state()).isEqualTo("none");
        assertThat(held.wasViewed()).isTrue();
    }

    @Test
    void should_refuse_a_blank_answer_before_sending() {
        // expect
        assertThat(catchThrowable(() -> client.questions().answer(WbFixtures.SHOP, "q-1", "  ")))
                .isInstanceOf(WbValidationException.class).hasMessageContaining("text");
        assertThat(wb.requests(LIST)).isZero();
    }

    @Test
    void should_count_questions() {
        // given
        wb.putQuestion(FakeWbApi.question("q-a", "?", WbFixtures.CREATED));
        wb.putQuestion(FakeWbApi.question("q-b", "?", WbFixtures.CREATED).answered("Да", "wbRu", true));

        // expect
        assertThat(client.questions().unansweredCount(WbFixtures.SHOP)).isEqualTo(new WbUnansweredCount(1, 0, null));
        assertThat(client.questions().count(WbFixtures.SHOP, null, null, null)).isEqualTo(2);
    }
}

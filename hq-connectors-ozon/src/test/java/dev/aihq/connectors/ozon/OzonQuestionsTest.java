package dev.aihq.connectors.ozon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.api.connector.Capability;
import dev.aihq.api.error.CapabilityNotSupportedException;
import dev.aihq.api.error.RequestRejectedException;
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

class OzonQuestionsTest {

    private static final Instant T0 = OzonFixtures.NOW.minus(Duration.ofDays(3));
    private static final long SKU = 646_399_170L;

    private FakeOzonApi ozon;
    private SettableClock clock;
    private OzonQuestions questions;

    @BeforeEach
    void start() {
        ozon = FakeOzonApi.start(OzonFixtures.CLIENT_ID, OzonFixtures.API_KEY);
        clock = SettableClock.at(OzonFixtures.NOW);
        questions = client(OzonSubscription.PREMIUM_PLUS).questions();
    }

    @AfterEach
    void stop() {
        ozon.close();
    }

    private OzonClient client(OzonSubscription subscription) {
        return OzonFixtures.client(ozon.baseUrl(), subscription, clock, new RecordingSleeper(clock));
    }

    @Test
    void should_walk_last_id_pages_to_the_empty_page_with_the_filter_when_listing() {
        // given
        ozon.questionPageSize(2);
        for (int i = 1; i <= 5; i++) {
            ozon.putQuestion(FakeOzonApi.question("q-" + i, SKU, "Подойдёт ли размер " + i + "?", "Анна",
                    T0.plusSeconds(i)));
        }
        ozon.putQuestion(FakeOzonApi.question("q-old", SKU, "Старый", "Иван", T0.minus(Duration.ofDays(10))));

        // when
        List<OzonQuestion> listed = questions.list(OzonFixtures.SHOP, T0, OzonFixtures.NOW, OzonQuestionStatus.ALL);

        // then
        assertThat(listed).extracting(OzonQuestion::id).containsExactly("q-1", "q-2", "q-3", "q-4", "q-5");
        List<JsonNode> bodies = ozon.requestBodies(OzonQuestions.LIST_PATH);
        assertThat(bodies).hasSize(4);
        assertThat(bodies.get(0).path("filter").path("date_from").asText()).isEqualTo(T0.toString());
        assertThat(bodies.get(0).path("filter").path("date_to").asText()).isEqualTo(OzonFixtures.NOW.toString());
        assertThat(bodies.get(0).path("filter").path("status").asText()).isEqualTo("ALL");
        assertThat(bodies.get(0).has("last_id")).isFalse();
        assertThat(bodies.get(1).path("last_id").asText()).isEqualTo("q-2");
        assertThat(bodies.get(3).path("last_id").asText()).isEqualTo("q-5");
        OzonQuestion first = listed.get(0);
        assertThat(first.sku()).isEqualTo(SKU);
        assertThat(first.authorName()).isEqualTo("Анна");
        assertThat(first.status()).isEqualTo("NEW");
        assertThat(first.publishedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(first.productUrl()).contains(Long.toString(SKU));
        assertThat(first.questionLink()).contains("q-1");
    }

    @Test
    void should_send_question_id_sku_and_text_when_answering_with_2_or_3000_characters() {
        // given
        ozon.putQuestion(FakeOzonApi.question("q-1", SKU, "Есть размер L?", "Анна", T0));

        // when
        String short2 = questions.answer(OzonFixtures.SHOP, "q-1", SKU, "Да");
        String long3000 = questions.answer(OzonFixtures.SHOP, "q-1", SKU, "а".repeat(3000));

        // then
        assertThat(short2).isNotEqualTo(long3000);
        JsonNode body = ozon.requestBodies(OzonQuestions.ANSWER_CREATE_PATH).get(0);
        assertThat(body.path("question_id").asText()).isEqualTo("q-1");
        assertThat(body.path("sku").asLong()).isEqualTo(SKU);
        assertThat(body.path("text").asText()).isEqualTo("Да");
        assertThat(questions.answers(OzonFixtures.SHOP, "q-1", SKU)).extracting(OzonQuestionAnswer::id)
                .containsExactly(short2, long3000);
    }

    @Test
    void should_refuse_locally_naming_text_when_the_answer_is_shorter_than_2_or_longer_than_3000() {
        for (String text : List.of("", "Д", "  Д  ", "а".repeat(3001))) {
            Throwable thrown = catchThrowable(() -> questions.answer(OzonFixtures.SHOP, "q-1", SKU, text));
            assertThat(thrown).isInstanceOf(OzonValidationException.class).hasMessageContaining("text")
                    .hasMessageContaining("2-3000");
            assertThat(((OzonValidationException) thrown).field()).isEqualTo("text");
        }
        Throwable noSku = catchThrowable(() -> questions.answer(OzonFixtures.SHOP, "q-1", 0, "Да"));
        assertThat(((OzonValidationException) noSku).field()).isEqualTo("sku");
        assertThat(ozon.requests(OzonQuestions.ANSWER_CREATE_PATH)).isZero();
    }

    @Test
    void should_quote_the_string_details_of_a_qa_error() {
        // given: Ozon counts the text differently from the connector, and refuses it
        ozon.putQuestion(FakeOzonApi.question("q-1", SKU, "Есть размер L?", "Анна", T0));
        ozon.failNext(OzonQuestions.ANSWER_CREATE_PATH, 1, OzonError.rpc(400, 3, "invalid text"));

        // when
        Throwable thrown = catchThrowable(() -> questions.answer(OzonFixtures.SHOP, "q-1", SKU, "Да, есть"));

        // then
        assertThat(thrown).isInstanceOf(RequestRejectedException.class).hasMessageContaining("invalid text")
                .hasMessageContaining("code 3");
        assertThat(ozon.requests(OzonQuestions.ANSWER_CREATE_PATH)).isEqualTo(1);
    }

    @Test
    void should_read_a_details_string_from_the_fakes_own_validation() {
        Throwable thrown = catchThrowable(() -> questions.answer(OzonFixtures.SHOP, "q-missing", SKU, "Да"));

        assertThat(thrown).hasMessageContaining("question not found").hasMessageContaining("question_id: q-missing");
    }

    @Test
    void should_change_status_and_count_questions() {
        // given
        ozon.putQuestion(FakeOzonApi.question("q-1", SKU, "a?", "Анна", T0));
        ozon.putQuestion(FakeOzonApi.question("q-2", SKU, "b?", "Анна", T0));

        // when
        questions.changeStatus(OzonFixtures.SHOP, List.of("q-1"), OzonQuestionStatus.PROCESSED);

        // then
        JsonNode body = ozon.requestBodies(OzonQuestions.CHANGE_STATUS_PATH).get(0);
        assertThat(body.path("question_ids").get(0).asText()).isEqualTo("q-1");
        assertThat(body.path("status").asText()).isEqualTo("PROCESSED");
        assertThat(questions.count(OzonFixtures.SHOP)).isEqualTo(new OzonQuestionCount(2, 1, 0, 1, 1));
        assertThat(catchThrowable(() -> questions.changeStatus(OzonFixtures.SHOP, List.of("q-1"),
                OzonQuestionStatus.ALL))).isInstanceOf(OzonValidationException.class);
    }

    @Test
    void should_refuse_every_method_before_any_request_when_the_shop_has_no_premium_plus() {
        OzonQuestions standard = client(OzonSubscription.STANDARD).questions();
        List<Consumer<OzonQuestions>> calls = List.of(
                q -> q.page(OzonFixtures.SHOP, null, null, OzonQuestionStatus.ALL, null),
                q -> q.list(OzonFixtures.SHOP, T0, OzonFixtures.NOW, OzonQuestionStatus.NEW),
                q -> q.answer(OzonFixtures.SHOP, "q-1", SKU, "Да"),
                q -> q.answers(OzonFixtures.SHOP, "q-1", SKU),
                q -> q.deleteAnswer(OzonFixtures.SHOP, "a-1", SKU),
                q -> q.changeStatus(OzonFixtures.SHOP, List.of("q-1"), OzonQuestionStatus.VIEWED),
                q -> q.count(OzonFixtures.SHOP));

        for (Consumer<OzonQuestions> call : calls) {
            Throwable thrown = catchThrowable(() -> call.accept(standard));
            assertThat(thrown).isInstanceOf(CapabilityNotSupportedException.class)
                    .hasMessageContaining("Premium Plus");
            assertThat(((CapabilityNotSupportedException) thrown).capability()).isEqualTo(Capability.QUESTIONS);
        }
        for (String path : List.of(OzonQuestions.LIST_PATH, OzonQuestions.ANSWER_CREATE_PATH,
                OzonQuestions.ANSWER_LIST_PATH, OzonQuestions.ANSWER_DELETE_PATH, OzonQuestions.CHANGE_STATUS_PATH,
                OzonQuestions.COUNT_PATH)) {
            assertThat(ozon.requests(path)).as(path).isZero();
        }
    }

    @Test
    void should_name_premium_plus_when_ozon_answers_code_7_to_the_question_list() {
        ozon.failNext(OzonQuestions.LIST_PATH, 1, OzonError.permissionDenied());

        Throwable thrown = catchThrowable(() -> questions.list(OzonFixtures.SHOP, null, null, OzonQuestionStatus.ALL));

        assertThat(thrown).isInstanceOf(OzonSubscriptionRequiredException.class);
        assertThat(((OzonSubscriptionRequiredException) thrown).capability()).isEqualTo(Capability.QUESTIONS);
    }

    @Test
    void should_walk_answer_pages_by_last_id_and_delete_an_answer() {
        // given
        ozon.questionPageSize(2);
        ozon.putQuestion(FakeOzonApi.question("q-1", SKU, "Есть размер L?", "Анна", T0));
        String a1 = questions.answer(OzonFixtures.SHOP, "q-1", SKU, "Да");
        String a2 = questions.answer(OzonFixtures.SHOP, "q-1", SKU, "И XL тоже");
        String a3 = questions.answer(OzonFixtures.SHOP, "q-1", SKU, "И S");

        // when
        List<OzonQuestionAnswer> answers = questions.answers(OzonFixtures.SHOP, "q-1", SKU);
        questions.deleteAnswer(OzonFixtures.SHOP, a2, SKU);

        // then
        assertThat(answers).extracting(OzonQuestionAnswer::id).containsExactly(a1, a2, a3);
        assertThat(answers.get(0).questionId()).isEqualTo("q-1");
        assertThat(answers.get(0).sku()).isEqualTo(SKU);
        assertThat(answers.get(0).authorName()).isEqualTo("Продавец");
        List<JsonNode> bodies = ozon.requestBodies(OzonQuestions.ANSWER_LIST_PATH);
        assertThat(bodies.get(0).path("question_id").asText()).isEqualTo("q-1");
        assertThat(bodies.get(0).path("sku").asLong()).isEqualTo(SKU);
        assertThat(bodies.get(1).path("last_id").asText()).isEqualTo(a2);
        JsonNode delete = ozon.requestBodies(OzonQuestions.ANSWER_DELETE_PATH).get(0);
        assertThat(delete.path("answer_id").asText()).isEqualTo(a2);
        assertThat(delete.path("sku").asLong()).isEqualTo(SKU);
        assertThat(ozon.questionAnswers("q-1")).extracting(a -> a.path("id").asText()).containsExactly(a1, a3);
    }
}

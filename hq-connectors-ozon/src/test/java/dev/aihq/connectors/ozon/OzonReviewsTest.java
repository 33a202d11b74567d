package dev.aihq.connectors.ozon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.api.connector.Capability;
import dev.aihq.api.error.CapabilityNotSupportedException;
import dev.aihq.api.error.RateLimitedException;
import dev.aihq.testkit.SettableClock;
import dev.aihq.testkit.ozon.FakeOzonApi;
import dev.aihq.testkit.ozon.FakeOzonApi.OzonError;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OzonReviewsTest {

    private static final Instant T0 = OzonFixtures.NOW.minus(Duration.ofDays(3));

    private FakeOzonApi ozon;
    private SettableClock clock;
    private RecordingSleeper sleeper;
    private OzonReviews reviews;

    @BeforeEach
    void start() {
        ozon = FakeOzonApi.start(OzonFixtures.CLIENT_ID, OzonFixtures.API_KEY);
        clock = SettableClock.at(OzonFixtures.NOW);
        sleeper = new RecordingSleeper(clock);
        reviews = client(OzonSubscription.PREMIUM_PLUS).reviews();
    }

    @AfterEach
    void stop() {
        ozon.close();
    }

    private OzonClient client(OzonSubscription subscription) {
        return OzonFixtures.client(ozon.baseUrl(), subscription, clock, sleeper);
    }

    private void putReviews(int count) {
        for (int i = 1; i <= count; i++) {
            ozon.putReview(FakeOzonApi.review(String.format("0187310a-0000-0000-0000-%012d", i), 1_234_567L,
                    1 + i % 5, "Отзыв " + i, T0.plusSeconds(i)));
        }
    }

    @Test
    void should_walk_every_page_by_last_id_when_listing() {
        // given
        putReviews(250);

        // when
        List<OzonReview> all = reviews.list(OzonFixtures.SHOP, OzonReviewStatus.ALL, OzonSortDir.ASC);

        // then
        assertThat(all).hasSize(250);
        assertThat(all.get(0).id()).endsWith("000000000001");
        assertThat(all.get(249).id()).endsWith("000000000250");
        List<JsonNode> bodies = ozon.requestBodies(OzonReviews.LIST_PATH);
        assertThat(bodies).hasSize(3);
        assertThat(bodies.get(0).has("last_id")).as("no last_id on the first page").isFalse();
        assertThat(bodies.get(0).path("limit").asInt()).isEqualTo(100);
        assertThat(bodies.get(0).path("sort_dir").asText()).isEqualTo("ASC");
        assertThat(bodies.get(0).path("status").asText()).isEqualTo("ALL");
        assertThat(bodies.get(1).path("last_id").asText()).isEqualTo(all.get(99).id());
        assertThat(bodies.get(2).path("last_id").asText()).isEqualTo(all.get(199).id());
    }

    @Test
    void should_read_every_field_of_a_review_when_listed() {
        // given
        ozon.putReview(FakeOzonApi.review("r-1", 1_234_567L, 4, "Хорошая футболка", T0));

        // when
        OzonReviewPage page = reviews.page(OzonFixtures.SHOP, null, 20, OzonSortDir.DESC, OzonReviewStatus.UNPROCESSED);

        // then
        assertThat(page.hasNext()).isFalse();
        assertThat(page.lastId()).isEqualTo("r-1");
        OzonReview review = page.reviews().get(0);
        assertThat(review.id()).isEqualTo("r-1");
        assertThat(review.sku()).isEqualTo(1_234_567L);
        assertThat(review.rating()).isEqualTo(4);
        assertThat(review.text()).isEqualTo("Хорошая футболка");
        assertThat(review.status()).isEqualTo("UNPROCESSED");
        assertThat(review.processed()).isFalse();
        assertThat(review.orderStatus()).isEqualTo("DELIVERED");
        assertThat(review.publishedAt()).isEqualTo(T0);
        assertThat(review.ratingParticipant()).isTrue();
        assertThat(review.photos()).isEmpty();
        assertThat(ozon.requestBodies(OzonReviews.LIST_PATH).get(0).path("sort_dir").asText()).isEqualTo("DESC");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 19, 101})
    void should_refuse_locally_naming_limit_when_the_page_size_is_out_of_20_to_100(int limit) {
        Throwable thrown = catchThrowable(() -> reviews.page(OzonFixtures.SHOP, null, limit, OzonSortDir.ASC,
                OzonReviewStatus.ALL));

        assertThat(thrown).isInstanceOf(OzonValidationException.class).hasMessageContaining("limit")
                .hasMessageContaining("20-100");
        assertThat(((OzonValidationException) thrown).field()).isEqualTo("limit");
        assertThat(ozon.requests(OzonReviews.LIST_PATH)).isZero();
    }

    @Test
    void should_read_photos_likes_and_dislikes_when_asked_for_one_review() {
        ozon.putReview(FakeOzonApi.review("r-2", 1_234_567L, 5, "Отлично", T0));

        OzonReview review = reviews.info(OzonFixtures.SHOP, "r-2");

        assertThat(ozon.requestBodies(OzonReviews.INFO_PATH).get(0).path("review_id").asText()).isEqualTo("r-2");
        assertThat(review.photos()).singleElement().satisfies(p -> {
            assertThat(p.url()).endsWith("r-2.jpg");
            assertThat(p.width()).isEqualTo(1080L);
        });
        assertThat(review.likesAmount()).isEqualTo(3);
        assertThat(review.dislikesAmount()).isEqualTo(1);
    }

    @Test
    void should_send_the_comment_and_mark_the_review_processed_when_asked() {
        // given
        ozon.putReview(FakeOzonApi.review("r-3", 1_234_567L, 2, "Маломерит", T0));

        // when
        String commentId = reviews.comment(OzonFixtures.SHOP, "r-3", " Спасибо, передадим производителю. ", true,
                null);

        // then
        assertThat(commentId).isNotBlank();
        JsonNode body = ozon.requestBodies(OzonReviews.COMMENT_CREATE_PATH).get(0);
        assertThat(body.path("review_id").asText()).isEqualTo("r-3");
        assertThat(body.path("text").asText()).isEqualTo("Спасибо, передадим производителю.");
        assertThat(body.path("mark_review_as_processed").asBoolean()).isTrue();
        assertThat(body.has("parent_comment_id")).isFalse();
        assertThat(ozon.reviewById("r-3").status()).isEqualTo("PROCESSED");
        assertThat(reviews.comments(OzonFixtures.SHOP, "r-3", OzonSortDir.ASC)).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(commentId);
            assertThat(c.owner()).isTrue();
            assertThat(c.text()).isEqualTo("Спасибо, передадим производителю.");
        });
    }

    @Test
    void should_send_the_parent_comment_when_answering_a_comment() {
        ozon.putReview(FakeOzonApi.review("r-4", 1_234_567L, 3, "Так себе", T0));

        reviews.comment(OzonFixtures.SHOP, "r-4", "Ответ на комментарий", false, "c-77");

        JsonNode body = ozon.requestBodies(OzonReviews.COMMENT_CREATE_PATH).get(0);
        assertThat(body.path("parent_comment_id").asText()).isEqualTo("c-77");
        assertThat(body.path("mark_review_as_processed").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n"})
    void should_refuse_locally_naming_text_when_the_comment_is_blank(String text) {
        Throwable thrown = catchThrowable(() -> reviews.comment(OzonFixtures.SHOP, "r-5", text, true, null));

        assertThat(thrown).isInstanceOf(OzonValidationException.class).hasMessageContaining("text");
        assertThat(ozon.requests(OzonReviews.COMMENT_CREATE_PATH)).isZero();
    }

    @Test
    void should_change_the_status_of_up_to_100_reviews_and_count_them() {
        // given
        putReviews(3);
        List<String> ids = reviews.list(OzonFixtures.SHOP, OzonReviewStatus.ALL, OzonSortDir.ASC).stream()
                .map(OzonReview::id).limit(2).toList();

        // when
        reviews.changeStatus(OzonFixtures.SHOP, ids, OzonReviewStatus.PROCESSED);

        // then
        JsonNode body = ozon.requestBodies(OzonReviews.CHANGE_STATUS_PATH).get(0);
        assertThat(body.path("review_ids")).hasSize(2);
        assertThat(body.path("status").asText()).isEqualTo("PROCESSED");
        assertThat(reviews.count(OzonFixtures.SHOP)).isEqualTo(new OzonReviewCount(3, 2, 1));
    }

    @Test
    void should_refuse_locally_when_a_status_change_has_no_ids_too_many_or_status_all() {
        List<String> many = Collections.nCopies(101, "r");

        assertThat(catchThrowable(() -> reviews.changeStatus(OzonFixtures.SHOP, List.of(),
                OzonReviewStatus.PROCESSED))).isInstanceOf(OzonValidationException.class)
                .hasMessageContaining("review_ids").hasMessageContaining("1-100");
        assertThat(catchThrowable(() -> reviews.changeStatus(OzonFixtures.SHOP, many, OzonReviewStatus.PROCESSED)))
                .isInstanceOf(OzonValidationException.class).hasMessageContaining("got 101");
        assertThat(catchThrowable(() -> reviews.changeStatus(OzonFixtures.SHOP, List.of("r"), OzonReviewStatus.ALL)))
                .isInstanceOf(OzonValidationException.class).hasMessageContaining("status");
        assertThat(ozon.requests(OzonReviews.CHANGE_STATUS_PATH)).isZero();
    }

    @Test
    void should_refuse_every_method_before_any_request_when_the_shop_has_no_premium_plus() {
        OzonReviews standard = client(OzonSubscription.STANDARD).reviews();
        List<Consumer<OzonReviews>> calls = List.of(
                r -> r.page(OzonFixtures.SHOP, null, 20, OzonSortDir.ASC, OzonReviewStatus.ALL),
                r -> r.list(OzonFixtures.SHOP, OzonReviewStatus.ALL, OzonSortDir.ASC),
                r -> r.info(OzonFixtures.SHOP, "r-1"),
                r -> r.comment(OzonFixtures.SHOP, "r-1", "Спасибо!", true, null),
                r -> r.comments(OzonFixtures.SHOP, "r-1", OzonSortDir.ASC),
                r -> r.deleteComment(OzonFixtures.SHOP, "c-1"),
                r -> r.changeStatus(OzonFixtures.SHOP, List.of("r-1"), OzonReviewStatus.PROCESSED),
                r -> r.count(OzonFixtures.SHOP));

        for (Consumer<OzonReviews> call : calls) {
            Throwable thrown = catchThrowable(() -> call.accept(standard));
            assertThat(thrown).isInstanceOf(CapabilityNotSupportedException.class)
                    .hasMessageContaining("Premium Plus");
            assertThat(((CapabilityNotSupportedException) thrown).capability())
                    .isIn(Capability.REVIEWS_READ, Capability.REVIEW_REPLY);
        }
        for (String path : List.of(OzonReviews.LIST_PATH, OzonReviews.INFO_PATH, OzonReviews.COMMENT_CREATE_PATH,
                OzonReviews.COMMENT_LIST_PATH, OzonReviews.COMMENT_DELETE_PATH, OzonReviews.CHANGE_STATUS_PATH,
                OzonReviews.COUNT_PATH)) {
            assertThat(ozon.requests(path)).as(path).isZero();
        }
    }

    @Test
    void should_name_premium_plus_when_ozon_answers_code_7_to_a_comment() {
        ozon.failNext(OzonReviews.COMMENT_CREATE_PATH, 1, OzonError.permissionDenied());

        Throwable thrown = catchThrowable(() -> reviews.comment(OzonFixtures.SHOP, "r-1", "Спасибо!", true, null));

        assertThat(thrown).isInstanceOf(OzonSubscriptionRequiredException.class).hasMessageContaining("Premium Plus");
        assertThat(((OzonSubscriptionRequiredException) thrown).capability()).isEqualTo(Capability.REVIEW_REPLY);
        assertThat(ozon.requests(OzonReviews.COMMENT_CREATE_PATH)).as("a write is not retried").isEqualTo(1);
    }

    @Test
    void should_be_rate_limited_with_ozons_text_when_the_review_list_stays_limited() {
        ozon.failNext(OzonReviews.LIST_PATH, 3, OzonError.rateLimited(1));

        Throwable thrown = catchThrowable(() -> reviews.list(OzonFixtures.SHOP, OzonReviewStatus.ALL,
                OzonSortDir.ASC));

        assertThat(thrown).isInstanceOf(RateLimitedException.class)
                .hasMessageContaining("You have reached request rate limit per second");
        assertThat(ozon.requests(OzonReviews.LIST_PATH)).isEqualTo(3);
        assertThat(sleeper.waits()).contains(Duration.ofSeconds(1));
    }

    @Test
    void should_name_the_field_when_a_listed_review_has_no_id() {
        ozon.putReview(FakeOzonApi.review(" ", 1L, 5, "x", T0));

        Throwable thrown = catchThrowable(() -> reviews.list(OzonFixtures.SHOP, OzonReviewStatus.ALL,
                OzonSortDir.ASC));

        assertThat(thrown).isInstanceOf(OzonResponseException.class);
        assertThat(((OzonResponseException) thrown).field()).isEqualTo("reviews[0].id");
    }

    @Test
    void should_delete_a_comment_by_its_id() {
        // given
        ozon.putReview(FakeOzonApi.review("r-6", 1_234_567L, 5, "Супер", T0));
        String commentId = reviews.comment(OzonFixtures.SHOP, "r-6", "Спасибо!", false, null);

        // when
        reviews.deleteComment(OzonFixtures.SHOP, commentId);

        // then
        assertThat(ozon.requestBodies(OzonReviews.COMMENT_DELETE_PATH).get(0).path("comment_id").asText())
                .isEqualTo(commentId);
        assertThat(ozon.reviewComments("r-6")).isEmpty();
    }

    @Test
    void should_page_comments_by_offset_with_the_largest_limit() {
        // given
        ozon.putReview(FakeOzonApi.review("r-7", 1_234_567L, 5, "Супер", T0));
        for (int i = 0; i < 150; i++) {
            reviews.comment(OzonFixtures.SHOP, "r-7", "Комментарий " + i, false, null);
        }

        // when
        List<OzonReviewComment> comments = reviews.comments(OzonFixtures.SHOP, "r-7", OzonSortDir.DESC);

        // then
        assertThat(comments).hasSize(150);
        List<JsonNode> bodies = ozon.requestBodies(OzonReviews.COMMENT_LIST_PATH);
        assertThat(bodies).extracting(b -> b.path("offset").asInt()).containsExactly(0, 100);
        assertThat(bodies.get(0).path("limit").asInt()).isEqualTo(100);
        assertThat(bodies.get(0).path("review_id").asText()).isEqualTo("r-7");
        assertThat(bodies.get(0).path("sort_dir").asText()).isEqualTo("DESC");
    }
}

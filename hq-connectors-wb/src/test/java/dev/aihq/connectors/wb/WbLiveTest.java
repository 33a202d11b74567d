package dev.aihq.connectors.wb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.ShopId;
import dev.aihq.api.connector.Capability;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Read-only checks against the real Wildberries API, run only when {@code WB_TOKEN} is set (a token with the
 * feedbacks-and-questions category). They list and count; nothing is answered, edited, rejected or marked viewed.
 */
@EnabledIfEnvironmentVariable(named = "WB_TOKEN", matches = ".+")
class WbLiveTest {

    private static final ShopId SHOP = ShopId.of("wb_live");

    private static WbConnector connector() {
        return WbConnector.of(WbClient.create(WbConfig.defaults(),
                WbCredentialsProvider.of(SHOP, System.getenv("WB_TOKEN").strip())));
    }

    @Test
    void should_list_the_last_week_of_unanswered_feedbacks_and_questions() {
        // given
        WbConnector wb = connector();
        Instant since = Instant.now().minus(Duration.ofDays(7));

        // when
        List<WbFeedback> feedbacks = wb.client().feedbacks().list(SHOP,
                WbListQuery.unanswered().toBuilder().dateFrom(since).build());
        List<WbQuestion> questions = wb.client().questions().list(SHOP,
                WbListQuery.unanswered().toBuilder().dateFrom(since).build());

        // then
        assertThat(wb.capabilities(SHOP).supports(Capability.REVIEWS_READ)).isTrue();
        assertThat(feedbacks).allSatisfy(f -> assertThat(f.createdDate()).isAfterOrEqualTo(since.minusSeconds(1)));
        assertThat(questions).allSatisfy(q -> assertThat(q.id()).isNotBlank());
    }

    @Test
    void should_count_unanswered_feedbacks_and_questions() {
        // given
        WbConnector wb = connector();

        // expect
        assertThat(wb.client().feedbacks().unansweredCount(SHOP).unanswered()).isNotNegative();
        assertThat(wb.client().questions().unansweredCount(SHOP).unanswered()).isNotNegative();
    }
}

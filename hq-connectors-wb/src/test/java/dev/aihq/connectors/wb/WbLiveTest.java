package dev.aihq.connectors.wb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aihq.api.ShopId;
import dev.aihq.api.connector.Capability;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Read-only checks against the real Wildberries API, run only when {@code WB_TOKEN} is set (a token with the
 * feedbacks-and-questions category). They list and count; nothing is answered, edited, rejected, sent or marked
 * viewed. The buyer chat, marketplace and finance checks run only when {@code WB_LIVE_SCOPES} names the token's
 * other categories ({@code chat}, {@code marketplace}, {@code finance}, comma-separated), since WB refuses a token on
 * a host of a category it was not issued for.
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

    private static void assumeScope(String scope) {
        String scopes = System.getenv().getOrDefault("WB_LIVE_SCOPES", "");
        assumeTrue(List.of(scopes.split(",")).contains(scope), "WB_LIVE_SCOPES does not name " + scope);
    }

    @Test
    void should_list_the_buyer_chats_and_read_the_first_page_of_events() {
        assumeScope("chat");
        // given
        WbConnector wb = connector();

        // when
        List<WbChat> chats = wb.client().chats().list(SHOP);
        WbChatEventsPage page = wb.client().chats().events(SHOP, null);

        // then
        assertThat(chats).allSatisfy(c -> assertThat(c.chatId()).isNotBlank());
        assertThat(page.totalEvents()).isNotNegative();
    }

    @Test
    void should_list_new_fbs_tasks_with_their_order_ids() {
        assumeScope("marketplace");
        // given
        WbConnector wb = connector();

        // expect
        assertThat(wb.client().orders().fbsNew(SHOP)).allSatisfy(o -> assertThat(o.rid()).isNotBlank());
    }

    @Test
    void should_read_the_balance() {
        assumeScope("finance");
        // expect
        assertThat(connector().client().reports().balance(SHOP).current()).isNotNull();
    }
}

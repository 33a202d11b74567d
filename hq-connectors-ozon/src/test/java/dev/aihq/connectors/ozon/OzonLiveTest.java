package dev.aihq.connectors.ozon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.ShopId;
import dev.aihq.api.connector.Capability;
import dev.aihq.connectors.ozon.finance.OzonTransactionTotals;
import dev.aihq.pipeline.memory.InMemoryLedgerStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Read-only checks against the real Ozon Seller API, run only when {@code OZON_CLIENT_ID} and {@code OZON_API_KEY}
 * are set. They list postings and read the last month's finance transactions and totals into an in-memory ledger;
 * with {@code OZON_LIVE_PREMIUM_PLUS=true} they also read the first page of reviews, questions and chats. Nothing
 * is shipped, cancelled, answered or written at Ozon.
 */
@EnabledIfEnvironmentVariable(named = "OZON_CLIENT_ID", matches = ".+")
@EnabledIfEnvironmentVariable(named = "OZON_API_KEY", matches = ".+")
class OzonLiveTest {

    private static final ShopId SHOP = ShopId.of("ozon_live");

    private static OzonConnector connector() {
        return OzonConnector.of(OzonClient.create(OzonConfig.defaults(), OzonCredentialsProvider.of(SHOP,
                OzonCredentials.of(System.getenv("OZON_CLIENT_ID").strip(), System.getenv("OZON_API_KEY").strip()),
                OzonSubscription.STANDARD)));
    }

    @Test
    void should_list_the_last_week_of_fbs_and_rfbs_postings() {
        OzonConnector ozon = connector();
        Instant to = Instant.now();
        Instant since = to.minus(Duration.ofDays(7));

        List<OzonPosting> postings = ozon.listFbsPostings(SHOP, since, to, null);

        assertThat(ozon.capabilities(SHOP).supports(Capability.ORDERS)).isTrue();
        assertThat(postings).allSatisfy(p -> {
            assertThat(p.postingNumber()).isNotBlank();
            assertThat(p.scheme()).isIn(OzonScheme.FBS, OzonScheme.RFBS);
            if (p.scheme() == OzonScheme.FBS) {
                assertThat(p.contact()).isEmpty();
            }
        });
    }

    @Test
    void should_list_the_last_week_of_fbo_postings() {
        OzonConnector ozon = connector();
        Instant to = Instant.now();

        List<OzonPosting> postings = ozon.listFboPostings(SHOP, to.minus(Duration.ofDays(7)), to, null);

        assertThat(postings).allSatisfy(p -> assertThat(p.contact()).isEmpty());
    }

    @Test
    void should_read_the_last_month_of_finance_transactions_into_a_ledger_once() {
        OzonConnector ozon = connector();
        Instant to = Instant.now();
        Instant from = to.minus(Duration.ofDays(30));
        InMemoryLedgerStore ledger = new InMemoryLedgerStore();

        OzonActualsReport first = ozon.client().finance().recordActuals(SHOP, from, to, ledger);
        OzonActualsReport again = ozon.client().finance().recordActuals(SHOP, from, to, ledger);
        OzonTransactionTotals totals = ozon.client().finance().totals(SHOP, from, to);

        System.out.printf("Ozon live finance, last 30 days: %d pages, %d operations, %d ledger entries,"
                + " %d problems, %s RUB credited and left out; totals: accruals %s, commission %s%n", first.pages(),
                first.operations(), first.entries(), first.problems().size(), first.leftOutCredits(),
                totals.accrualsForSale(), totals.saleCommission());
        first.problems().stream().limit(20).forEach(p -> System.out.println("  problem: " + p));
        assertThat(first.pages()).isPositive();
        assertThat(first.newEntries()).isEqualTo(first.entries());
        assertThat(again.newEntries()).isZero();
        assertThat(ledger.entries(SHOP, from, to, 100_000)).hasSize(first.entries());
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "OZON_LIVE_PREMIUM_PLUS", matches = "true")
    void should_read_the_first_page_of_reviews_questions_and_chats_with_premium_plus() {
        OzonClient client = OzonClient.create(OzonConfig.defaults(), OzonCredentialsProvider.of(SHOP,
                OzonCredentials.of(System.getenv("OZON_CLIENT_ID").strip(), System.getenv("OZON_API_KEY").strip()),
                OzonSubscription.PREMIUM_PLUS));
        Instant now = Instant.now();

        OzonReviewPage reviews = client.reviews().page(SHOP, null, 20, OzonSortDir.DESC, OzonReviewStatus.ALL);
        OzonQuestionPage questions = client.questions().page(SHOP, now.minus(Duration.ofDays(30)), now,
                OzonQuestionStatus.ALL, null);
        OzonChatPage chats = client.chats().page(SHOP, OzonChatStatus.ALL, false, 30, null);

        System.out.printf("Ozon live inbox: %d reviews on the first page, %d questions in 30 days' first page,"
                + " %d chats on the first page (%d unread)%n", reviews.reviews().size(), questions.questions().size(),
                chats.chats().size(), chats.totalUnreadCount());
        assertThat(reviews.reviews()).allSatisfy(r -> assertThat(r.id()).isNotBlank());
        assertThat(chats.chats()).allSatisfy(c -> assertThat(c.chatId()).isNotBlank());
    }
}

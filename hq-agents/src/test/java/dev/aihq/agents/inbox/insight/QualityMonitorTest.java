package dev.aihq.agents.inbox.insight;

import static dev.aihq.agents.inbox.insight.InsightFixtures.SHOP;
import static dev.aihq.agents.inbox.insight.InsightFixtures.review;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.Marketplace;
import dev.aihq.api.event.InboxItemKind;
import dev.aihq.api.inbox.InboxIntent;
import dev.aihq.api.inbox.ManagerNotification;
import dev.aihq.api.inbox.NotificationKind;
import dev.aihq.api.shop.LegalForm;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.shop.TaxMode;
import dev.aihq.pipeline.memory.InMemoryInteractionStore;
import dev.aihq.testkit.SettableClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed's scenario 4 and the dashboard's problem products and question topics. */
class QualityMonitorTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final LocalDate WEEK = LocalDate.of(2026, 3, 9); // a Monday
    private static final Shop SHOP_RU = Shop.builder(SHOP, Marketplace.WILDBERRIES).name("Магазин").zone(MOSCOW)
            .legalForm(LegalForm.OOO).taxMode(TaxMode.RU_USN_INCOME).build();

    private final InMemoryInteractionStore store = new InMemoryInteractionStore();
    private final List<ManagerNotification> sent = new ArrayList<>();
    private final QualityMonitor monitor = new QualityMonitor(store, sent::add,
            SettableClock.at(Instant.parse("2026-03-16T06:00:00Z")));

    private static Instant day(LocalDate date, int hour) {
        return date.atTime(hour, 0).atZone(MOSCOW).toInstant();
    }

    @Test
    void should_alert_when_a_products_negative_share_grows_by_the_threshold_and_not_for_a_steady_one() {
        // given: product A 1 of 5 negative last week, 3 of 6 this week (+150 %); B 2 of 5 both weeks
        for (int i = 0; i < 5; i++) {
            review(store, "a-prev-" + i, "A", i == 0 ? 1 : 5, null, day(WEEK.minusDays(5), 10 + i), null);
            review(store, "b-prev-" + i, "B", i < 2 ? 2 : 5, null, day(WEEK.minusDays(3), 10 + i), null);
            review(store, "b-now-" + i, "B", i < 2 ? 1 : 4, null, day(WEEK.plusDays(2), 10 + i), null);
        }
        for (int i = 0; i < 6; i++) {
            review(store, "a-now-" + i, "A", i < 3 ? 1 : 5, null, day(WEEK.plusDays(1), 10 + i),
                    InboxIntent.QUALITY_COMPLAINT);
        }
        // a review on Monday 00:30 Moscow (Sunday in UTC) belongs to this week
        review(store, "a-now-early", "A", 2, null, WEEK.atTime(0, 30).atZone(MOSCOW).toInstant(), null);

        // when
        List<QualityAlert> alerts = monitor.notifyAlerts(SHOP_RU, WEEK);

        // then
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.productId()).isEqualTo("A");
            assertThat(a.reviews()).isEqualTo(7);
            assertThat(a.negative()).isEqualTo(4);
            assertThat(a.previousNegative()).isEqualTo(1);
            assertThat(a.growthPercent()).isGreaterThan(30);
        });
        assertThat(sent).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.QUALITY_ALERT);
            assertThat(n.id()).isEqualTo("quality:A:2026-03-09");
            assertThat(n.body()).contains("4 из 7");
        });
    }

    @Test
    void should_need_the_shops_minimum_of_reviews_and_judge_a_first_negative_week_by_its_own_share() {
        // given: C has 2 reviews, both negative (below the minimum of 5); D had none negative before, now 2 of 5
        review(store, "c-1", "C", 1, null, day(WEEK, 12), null);
        review(store, "c-2", "C", 1, null, day(WEEK, 13), null);
        for (int i = 0; i < 5; i++) {
            review(store, "d-" + i, "D", i < 2 ? 2 : 5, null, day(WEEK.plusDays(3), 10 + i), null);
        }

        // when
        List<QualityAlert> alerts = monitor.alerts(SHOP_RU, WEEK);

        // then: D's 40 % reaches the 30 % threshold on its own
        assertThat(alerts).extracting(QualityAlert::productId).containsExactly("D");
        assertThat(alerts.get(0).growthPercent()).isNull();
    }

    @Test
    void should_rank_problem_products_and_find_the_questions_topic_with_its_card_suggestion() {
        // given
        for (int i = 0; i < 4; i++) {
            review(store, "e-" + i, "E", i < 3 ? 1 : 5, null, day(WEEK, 10 + i), InboxIntent.QUALITY_COMPLAINT);
            review(store, "f-" + i, "F", i < 1 ? 2 : 5, null, day(WEEK, 10 + i), InboxIntent.SIZING);
        }
        for (int i = 0; i < 10; i++) {
            store.save(InsightFixtures.interaction(InboxItemKind.QUESTION, "q-" + i, day(WEEK, 9)).productId("E")
                    .productName("Куртка").classification(InsightFixtures.rules(i < 9 ? InboxIntent.SIZING
                            : InboxIntent.AVAILABILITY)).build());
        }

        // when
        List<ProductProblem> problems = monitor.problemProducts(SHOP_RU, day(WEEK, 0), day(WEEK.plusDays(7), 0), 3,
                10);
        List<QuestionTopic> topics = monitor.questionTopics(SHOP_RU, day(WEEK, 0), day(WEEK.plusDays(7), 0), 10);

        // then
        assertThat(problems).extracting(ProductProblem::productId).containsExactly("E", "F");
        assertThat(problems.get(0).topComplaint()).isEqualTo("quality_complaint");
        assertThat(topics).singleElement().satisfies(t -> {
            assertThat(t.topic()).isEqualTo("sizing");
            assertThat(t.share()).isEqualTo(0.9);
            assertThat(t.suggestion()).contains("таблицу размеров");
        });
    }
}

package dev.aihq.agents.sales.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.Money;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.store.CustomerStats;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerScorerTest {

    private static final ShopId SHOP = ShopId.of("kaspi_1");
    private static final PhoneNumber CUSTOMER = PhoneNumber.parse("+77011234567");
    private static final Instant NOW = Instant.parse("2026-03-01T06:00:00Z");

    private final CustomerScorer scorer = new CustomerScorer();

    @Test
    void should_give_an_unknown_profile_when_the_source_gave_no_contact() {
        CustomerProfile profile = scorer.score(null, NOW, Money.KZT);

        assertThat(profile.segment()).isEqualTo(Segment.UNKNOWN);
        assertThat(profile.returning()).isFalse();
        assertThat(profile.averageCheck()).isNull();
    }

    @Test
    void should_call_a_first_purchase_new() {
        CustomerProfile profile = scorer.score(CustomerStats.none(SHOP, CUSTOMER), NOW, Money.KZT);

        assertThat(profile.segment()).isEqualTo(Segment.NEW);
        assertThat(profile.purchaseCount()).isZero();
        assertThat(profile.frequency()).isNull();
        assertThat(profile.recency()).isNull();
    }

    @Test
    void should_call_a_recent_second_purchase_repeat_with_frequency_average_check_and_recency() {
        // given: two earlier purchases, 60 and 10 days ago, 10 000 and 5 001 KZT
        CustomerStats stats = stats(2, NOW.minus(Duration.ofDays(60)), NOW.minus(Duration.ofDays(10)), 15_001);

        // when
        CustomerProfile profile = scorer.score(stats, NOW, Money.KZT);

        // then: 2 purchases in 60 days = 1.00 per 30 days; average 7 500.50
        assertThat(profile.segment()).isEqualTo(Segment.REPEAT);
        assertThat(profile.returning()).isTrue();
        assertThat(profile.frequency()).isEqualByComparingTo("1.00");
        assertThat(profile.averageCheck()).isEqualTo(Money.of("7500.50", Money.KZT));
        assertThat(profile.recency()).isEqualTo(Duration.ofDays(10));
    }

    @Test
    void should_call_a_customer_with_three_earlier_purchases_loyal() {
        CustomerStats stats = stats(3, NOW.minus(Duration.ofDays(5)), NOW.minus(Duration.ofDays(1)), 30_000);

        CustomerProfile profile = scorer.score(stats, NOW, Money.KZT);

        // one period at least: 3 purchases in 5 days count as 3 per 30 days
        assertThat(profile.segment()).isEqualTo(Segment.LOYAL);
        assertThat(profile.frequency()).isEqualByComparingTo("3.00");
    }

    @Test
    void should_call_a_customer_at_risk_from_90_days_after_the_last_purchase_however_loyal() {
        CustomerStats atBoundary = stats(5, NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(90)), 50_000);
        CustomerStats dayBefore = stats(1, NOW.minus(Duration.ofDays(89)), NOW.minus(Duration.ofDays(89)), 5_000);

        assertThat(scorer.score(atBoundary, NOW, Money.KZT).segment()).isEqualTo(Segment.AT_RISK);
        assertThat(scorer.score(dayBefore, NOW, Money.KZT).segment()).isEqualTo(Segment.REPEAT);
    }

    @Test
    void should_follow_configured_thresholds_and_have_no_average_in_another_currency() {
        // given
        CustomerScorer strict = new CustomerScorer(new ScoringRules(5, Duration.ofDays(30), Duration.ofDays(7)));
        CustomerStats stats = stats(3, NOW.minus(Duration.ofDays(14)), NOW.minus(Duration.ofDays(2)), 9_000);

        // when
        CustomerProfile profile = strict.score(stats, NOW, Money.RUB);

        // then: not loyal below 5; 3 purchases in 2 weeks = 1.50 a week
        assertThat(profile.segment()).isEqualTo(Segment.REPEAT);
        assertThat(profile.frequency()).isEqualByComparingTo("1.50");
        assertThat(profile.averageCheck()).isNull();
        assertThat(strict.score(stats(3, NOW.minus(Duration.ofDays(40)), NOW.minus(Duration.ofDays(30)), 9_000),
                NOW, Money.KZT).segment()).isEqualTo(Segment.AT_RISK);
    }

    @Test
    void should_refuse_thresholds_out_of_range() {
        assertThatThrownBy(() -> new ScoringRules(1, Duration.ofDays(90), Duration.ofDays(30)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScoringRules(3, Duration.ZERO, Duration.ofDays(30)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CustomerProfile(Segment.NEW, 2, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static CustomerStats stats(long count, Instant first, Instant last, long spent) {
        return new CustomerStats(SHOP, CUSTOMER, count, first, last, Map.of(Money.KZT, Money.kzt(spent)),
                Map.of(Money.KZT, count));
    }
}

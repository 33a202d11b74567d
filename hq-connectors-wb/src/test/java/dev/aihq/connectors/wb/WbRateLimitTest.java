package dev.aihq.connectors.wb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.connectors.wb.internal.client.WbRateLimiter;
import dev.aihq.testkit.SettableClock;
import dev.aihq.testkit.wb.FakeWbApi;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** WB's token bucket per (shop, method group): waits recorded by the sleeper, nothing really sleeps. */
class WbRateLimitTest {

    private static final Duration THIRD = Duration.ofNanos(333_333_333);

    @Test
    void should_let_a_burst_of_6_through_then_space_calls_a_third_of_a_second_apart_in_the_feedbacks_group() {
        // given
        SettableClock clock = SettableClock.at(WbFixtures.CREATED);
        RecordingSleeper sleeper = new RecordingSleeper(clock);
        WbRateLimiter limiter = new WbRateLimiter(WbMethodGroup::defaultLimit, clock, sleeper, "wildberries");

        // when
        for (int i = 0; i < 10; i++) {
            limiter.acquire(WbFixtures.SHOP, WbMethodGroup.FEEDBACKS_QUESTIONS);
        }

        // then
        assertThat(sleeper.waits()).containsExactlyElementsOf(Collections.nCopies(4, THIRD));
    }

    @Test
    void should_reserve_growing_waits_when_callers_arrive_at_the_same_instant() {
        // given: a clock that does not move, as when ten threads ask at once
        SettableClock clock = SettableClock.at(WbFixtures.CREATED);
        RecordingSleeper sleeper = new RecordingSleeper(null);
        WbRateLimiter limiter = new WbRateLimiter(WbMethodGroup::defaultLimit, clock, sleeper, "wildberries");

        // when
        for (int i = 0; i < 10; i++) {
            limiter.acquire(WbFixtures.SHOP, WbMethodGroup.FEEDBACKS_QUESTIONS);
        }

        // then
        assertThat(sleeper.waits()).containsExactly(THIRD, THIRD.multipliedBy(2), Duration.ofNanos(999_999_999),
                THIRD.multipliedBy(4));
    }

    @Test
    void should_refill_the_bucket_when_time_passes() {
        // given
        SettableClock clock = SettableClock.at(WbFixtures.CREATED);
        RecordingSleeper sleeper = new RecordingSleeper(clock);
        WbRateLimiter limiter = new WbRateLimiter(WbMethodGroup::defaultLimit, clock, sleeper, "wildberries");
        for (int i = 0; i < 6; i++) {
            limiter.acquire(WbFixtures.SHOP, WbMethodGroup.FEEDBACKS_QUESTIONS);
        }

        // when
        clock.advance(Duration.ofSeconds(2));
        for (int i = 0; i < 6; i++) {
            limiter.acquire(WbFixtures.SHOP, WbMethodGroup.FEEDBACKS_QUESTIONS);
        }

        // then
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void should_not_share_a_bucket_between_two_shops_or_two_groups() {
        // given
        SettableClock clock = SettableClock.at(WbFixtures.CREATED);
        RecordingSleeper sleeper = new RecordingSleeper(null);
        WbRateLimiter limiter = new WbRateLimiter(WbMethodGroup::defaultLimit, clock, sleeper, "wildberries");

        // when: each bucket gets exactly its burst
        for (int i = 0; i < 6; i++) {
            limiter.acquire(WbFixtures.SHOP, WbMethodGroup.FEEDBACKS_QUESTIONS);
            limiter.acquire(WbFixtures.OTHER_SHOP, WbMethodGroup.FEEDBACKS_QUESTIONS);
        }
        for (int i = 0; i < 10; i++) {
            limiter.acquire(WbFixtures.SHOP, WbMethodGroup.BUYER_CHAT);
        }

        // then
        assertThat(sleeper.waits()).isEmpty();

        // and the next call of one bucket waits, alone
        limiter.acquire(WbFixtures.SHOP, WbMethodGroup.BUYER_CHAT);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void should_wait_a_minute_for_the_second_call_of_a_one_a_minute_group() {
        // given
        SettableClock clock = SettableClock.at(WbFixtures.CREATED);
        RecordingSleeper sleeper = new RecordingSleeper(clock);
        WbRateLimiter limiter = new WbRateLimiter(WbMethodGroup::defaultLimit, clock, sleeper, "wildberries");

        // when
        limiter.acquire(WbFixtures.SHOP, WbMethodGroup.REPORT_DETAIL);
        limiter.acquire(WbFixtures.SHOP, WbMethodGroup.REPORT_DETAIL);

        // then
        assertThat(sleeper.waits()).containsExactly(Duration.ofMinutes(1));
    }

    @Test
    void should_pace_ten_feedback_requests_of_the_client_by_the_bucket() {
        // given
        try (FakeWbApi wb = FakeWbApi.start(WbFixtures.TOKEN)) {
            SettableClock clock = SettableClock.at(WbFixtures.CREATED);
            RecordingSleeper sleeper = new RecordingSleeper(clock);
            WbClient client = WbFixtures.client(WbFixtures.config(wb.baseUrl()).build(), clock, sleeper);

            // when
            for (int i = 0; i < 10; i++) {
                client.feedbacks().unansweredCount(WbFixtures.SHOP);
            }

            // then
            assertThat(wb.requests("/api/v1/feedbacks/count-unanswered")).isEqualTo(10);
            assertThat(sleeper.waits()).containsExactlyElementsOf(Collections.nCopies(4, THIRD));
        }
    }

    @Test
    void should_use_an_overridden_limit_when_the_config_sets_one() {
        // given
        WbConfig config = WbConfig.builder()
                .rateLimit(WbMethodGroup.FEEDBACKS_QUESTIONS, WbRateLimit.of(1, Duration.ofSeconds(1), 1)).build();
        SettableClock clock = SettableClock.at(WbFixtures.CREATED);
        RecordingSleeper sleeper = new RecordingSleeper(clock);
        WbRateLimiter limiter = new WbRateLimiter(config::rateLimit, clock, sleeper, "wildberries");

        // when
        limiter.acquire(WbFixtures.SHOP, WbMethodGroup.FEEDBACKS_QUESTIONS);
        limiter.acquire(WbFixtures.SHOP, WbMethodGroup.FEEDBACKS_QUESTIONS);

        // then
        assertThat(sleeper.waits()).isEqualTo(List.of(Duration.ofSeconds(1)));
        assertThat(WbMethodGroup.FEEDBACKS_QUESTIONS.defaultLimit()).isEqualTo(WbRateLimit.of(3, Duration.ofSeconds(1), 6));
        assertThat(WbMethodGroup.FBS.defaultLimit()).isEqualTo(WbRateLimit.of(300, Duration.ofMinutes(1), 20));
        assertThat(WbMethodGroup.STATISTICS.defaultLimit()).isEqualTo(WbRateLimit.of(1, Duration.ofMinutes(1), 1));
    }
}

package dev.aihq.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.error.RateLimitedException;
import dev.aihq.api.error.ServiceUnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final RetryPolicy NO_JITTER = RetryPolicy.builder().jitter(0).build();

    @Test
    void should_use_documented_defaults_when_nothing_is_set() {
        // when
        RetryPolicy policy = RetryPolicy.defaults();

        // then
        assertThat(policy).isEqualTo(new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(30), 2.0, 0.2,
                Duration.ofMinutes(2)));
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
        assertThat(policy.toBuilder().build()).isEqualTo(policy);
    }

    @Test
    void should_double_backoff_up_to_the_cap_when_jitter_is_zero() {
        // when
        RetryPolicy policy = NO_JITTER.toBuilder().maxBackoff(Duration.ofSeconds(3)).build();

        // then
        assertThat(policy.backoff(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoff(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoff(4)).isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.backoff(60)).isEqualTo(Duration.ofSeconds(3));
    }

    @RepeatedTest(20)
    void should_spread_backoff_within_jitter_when_jitter_is_set() {
        // given
        RetryPolicy policy = RetryPolicy.builder().jitter(0.2).build();

        // when
        Duration backoff = policy.backoff(2);

        // then
        assertThat(backoff).isBetween(Duration.ofMillis(800), Duration.ofMillis(1200));
    }

    @Test
    void should_honour_retry_after_when_within_cap() {
        // given
        RateLimitedException failure = new RateLimitedException("wb", 429, "slow down", Duration.ofSeconds(90), null);

        // expect
        assertThat(NO_JITTER.delayBeforeRetry(1, failure)).contains(Duration.ofSeconds(90));
        assertThat(NO_JITTER.delayBeforeRetry(3, failure)).isEmpty();
    }

    @Test
    void should_refuse_to_wait_when_retry_after_exceeds_cap() {
        // given
        RateLimitedException failure = new RateLimitedException("wb", 429, "slow down", Duration.ofMinutes(3), null);

        // expect
        assertThat(NO_JITTER.delayBeforeRetry(1, failure)).isEmpty();
    }

    @Test
    void should_back_off_when_failure_has_no_retry_after() {
        // given
        ServiceUnavailableException failure = new ServiceUnavailableException("kaspi", 502, "bad gateway", null, null);

        // expect
        assertThat(NO_JITTER.delayBeforeRetry(1, failure)).contains(Duration.ofMillis(500));
        assertThat(NO_JITTER.delayBeforeRetry(2, failure)).contains(Duration.ofSeconds(1));
    }

    @Test
    void should_report_every_problem_at_once_when_settings_are_invalid() {
        // when
        ConfigurationException thrown = catchThrowableOfType(ConfigurationException.class, () -> RetryPolicy.builder()
                .maxAttempts(0)
                .initialBackoff(Duration.ofSeconds(-1))
                .multiplier(0.5)
                .jitter(1.5)
                .build());

        // then
        assertThat(thrown).hasMessageContaining("maxAttempts must be at least 1")
                .hasMessageContaining("initialBackoff must not be negative")
                .hasMessageContaining("multiplier must be")
                .hasMessageContaining("jitter must be within");
    }
}

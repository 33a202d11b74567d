package dev.aihq.channel.whatsapp.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.error.ConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PacingConfigTest {

    @Test
    void should_use_metas_default_limits() {
        // when
        PacingConfig config = PacingConfig.defaults();

        // then
        assertThat(config.pairInterval()).isEqualTo(Duration.ofSeconds(6));
        assertThat(config.messagesPerSecond()).isEqualTo(80);
        assertThat(config.numberSpacing()).isEqualTo(Duration.ofNanos(12_500_000));
    }

    @Test
    void should_limit_a_coexistence_number_to_20_per_second() {
        // when
        PacingConfig config = PacingConfig.coexistence();

        // then
        assertThat(config.pairInterval()).isEqualTo(Duration.ofSeconds(6));
        assertThat(config.messagesPerSecond()).isEqualTo(20);
        assertThat(config.numberSpacing()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void should_change_one_limit_and_keep_the_other() {
        // when
        PacingConfig upgraded = PacingConfig.defaults().withMessagesPerSecond(1_000);
        PacingConfig slower = PacingConfig.defaults().withPairInterval(Duration.ofSeconds(10));

        // then
        assertThat(upgraded).isEqualTo(new PacingConfig(Duration.ofSeconds(6), 1_000));
        assertThat(upgraded.numberSpacing()).isEqualTo(Duration.ofMillis(1));
        assertThat(slower).isEqualTo(new PacingConfig(Duration.ofSeconds(10), 80));
    }

    @Test
    void should_round_the_spacing_up_so_that_a_second_never_holds_more_than_the_rate() {
        // when
        Duration spacing = PacingConfig.defaults().withMessagesPerSecond(7).numberSpacing();

        // then: 1e9 / 7 = 142,857,142.86 ns
        assertThat(spacing).isEqualTo(Duration.ofNanos(142_857_143));
        assertThat(spacing.multipliedBy(7)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void should_name_every_invalid_field() {
        assertThatThrownBy(() -> new PacingConfig(Duration.ZERO, 0))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("pairInterval must be positive, got PT0S")
                .hasMessageContaining("messagesPerSecond must be from 1 to 1000, got 0");
    }

    @Test
    void should_reject_a_missing_negative_or_too_long_pair_interval() {
        assertThatThrownBy(() -> new PacingConfig(null, 80))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("pairInterval is required");
        assertThatThrownBy(() -> PacingConfig.defaults().withPairInterval(Duration.ofSeconds(-6)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("pairInterval must be positive");
        assertThatThrownBy(() -> PacingConfig.defaults().withPairInterval(Duration.ofHours(6)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("pairInterval must be at most PT1H, got PT6H");
    }

    @Test
    void should_reject_a_rate_above_the_highest_throughput() {
        assertThatThrownBy(() -> PacingConfig.defaults().withMessagesPerSecond(80_000))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("messagesPerSecond must be from 1 to 1000, got 80000");
    }

    @Test
    void should_accept_the_bounds() {
        // when
        PacingConfig lowest = new PacingConfig(Duration.ofNanos(1), 1);
        PacingConfig highest = new PacingConfig(Duration.ofHours(1), 1_000);

        // then
        assertThat(lowest.numberSpacing()).isEqualTo(Duration.ofSeconds(1));
        assertThat(highest.messagesPerSecond()).isEqualTo(1_000);
    }
}

package dev.aihq.api.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.inbox.InboxPriority;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InboxSettingsTest {

    @Test
    void should_start_with_the_seeds_answer_times_round_the_clock_and_everything_held_for_a_person() {
        InboxSettings defaults = ShopSettings.defaults().inbox();

        assertThat(defaults.answerTime(InboxPriority.CRITICAL)).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.answerTime(InboxPriority.HIGH)).isEqualTo(Duration.ofHours(4));
        assertThat(defaults.answerTime(InboxPriority.NORMAL)).isEqualTo(Duration.ofHours(24));
        assertThat(defaults.businessHours().isAlways()).isTrue();
        assertThat(defaults.escalationThreshold()).isEqualTo(3);
        assertThat(defaults.autoPublish()).isFalse();
        assertThat(defaults.autoPublishNegativeReviews()).isFalse();
        assertThat(defaults.negativeShareAlertPercent()).isEqualByComparingTo("30");
        assertThat(defaults.toBuilder().build()).isEqualTo(defaults);
    }

    @Test
    void should_name_the_field_that_is_out_of_range() {
        assertThatThrownBy(() -> InboxSettings.builder().answerTime(InboxPriority.HIGH, Duration.ZERO).build())
                .hasMessageContaining("answer time of high must be positive");
        assertThatThrownBy(() -> InboxSettings.builder().escalationThreshold(0).build())
                .hasMessageContaining("escalation threshold must be 1-20");
        assertThatThrownBy(() -> InboxSettings.builder().autoPublishNegativeReviews(true).build())
                .hasMessageContaining("autoPublishNegativeReviews needs autoPublish");
        assertThatThrownBy(() -> InboxSettings.builder().negativeShareAlertPercent(BigDecimal.ZERO).build())
                .hasMessageContaining("negative share alert percent must be 1-1000");
        assertThatThrownBy(() -> InboxSettings.builder().alertMinimumReviews(0).build())
                .hasMessageContaining("alert minimum reviews");
    }
}

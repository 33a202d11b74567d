package dev.aihq.api.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ShopSettingsRetentionTest {

    @Test
    void should_keep_personal_data_for_365_days_when_not_set() {
        assertThat(ShopSettings.defaults().personalDataRetention()).isEqualTo(Duration.ofDays(365));
    }

    @Test
    void should_keep_the_retention_when_copied_to_a_builder() {
        // given
        ShopSettings settings = ShopSettings.builder().personalDataRetention(Duration.ofDays(30)).build();

        // when
        ShopSettings copy = settings.toBuilder().dailyTokenBudget(1).build();

        // then
        assertThat(copy.personalDataRetention()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void should_name_the_field_when_the_retention_is_not_positive() {
        assertThatThrownBy(() -> ShopSettings.builder().personalDataRetention(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("personal data retention must be positive, got PT0S");
        assertThatThrownBy(() -> ShopSettings.builder().personalDataRetention(Duration.ofDays(-1)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("personal data retention must be positive");
        assertThatThrownBy(() -> ShopSettings.builder().personalDataRetention(null).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessage("personal data retention");
    }
}

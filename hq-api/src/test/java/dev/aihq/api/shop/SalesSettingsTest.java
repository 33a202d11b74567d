package dev.aihq.api.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SalesSettingsTest {

    @Test
    void should_give_the_documented_defaults() {
        // when
        SalesSettings defaults = SalesSettings.defaults();

        // then
        assertThat(defaults.complementaryCategories()).isEmpty();
        assertThat(defaults.analoguePriceBandPercent()).isEqualByComparingTo("30");
        assertThat(defaults.maxCandidates()).isEqualTo(5);
        assertThat(defaults.promises()).isEmpty();
        assertThat(defaults.holdRejectedForReview()).isFalse();
        assertThat(defaults.reviewRequestDelay()).isEqualTo(Duration.ofDays(5));
        assertThat(defaults.consentExpiry()).isEqualTo(Duration.ofDays(7));
        assertThat(defaults.reviewOfferGap()).isEqualTo(Duration.ofDays(1));
        assertThat(defaults.forbiddenPhrases()).isEmpty();
        assertThat(ShopSettings.defaults().sales()).isEqualTo(defaults);
    }

    @Test
    void should_copy_the_relations_so_that_later_changes_to_the_callers_lists_do_not_show() {
        // given
        List<String> related = new ArrayList<>(List.of("Чехлы"));
        SalesSettings settings = SalesSettings.builder().complementary("Смартфоны", related).build();

        // when
        related.add("Наушники");

        // then
        assertThat(settings.complementaryCategories().get("Смартфоны")).containsExactly("Чехлы");
        assertThatThrownBy(() -> settings.complementaryCategories().get("Смартфоны").add("x"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void should_round_trip_through_its_builder() {
        // given
        SalesSettings settings = SalesSettings.builder().consumables("Принтеры", List.of("Картриджи"))
                .repeatPurchase("Шампуни").promise(ShopPromise.WARRANTY).maxCandidates(3).build();

        // when / then
        assertThat(settings.toBuilder().build()).isEqualTo(settings);
    }

    @Test
    void should_name_the_setting_when_a_value_is_out_of_range() {
        assertThatThrownBy(() -> SalesSettings.builder().maxCandidates(0).build())
                .hasMessageContaining("max candidates must be 1-20");
        assertThatThrownBy(() -> SalesSettings.builder().analoguePriceBandPercent(BigDecimal.valueOf(-1)).build())
                .hasMessageContaining("analogue price band");
        assertThatThrownBy(() -> SalesSettings.builder().consentExpiry(Duration.ZERO).build())
                .hasMessageContaining("consent expiry must be positive");
        assertThatThrownBy(() -> SalesSettings.builder().reviewOfferGap(Duration.ofSeconds(-1)).build())
                .hasMessageContaining("review offer gap must not be negative");
        assertThatThrownBy(() -> SalesSettings.builder().complementary(" ", List.of("x")).build())
                .hasMessageContaining("a category must not be blank");
    }

    @Test
    void should_keep_forbidden_phrases_stripped_and_in_order() {
        // given
        SalesSettings settings = SalesSettings.builder().forbiddenPhrase("  дешёвка ").forbiddenPhrase("Shop X")
                .forbiddenPhrase("дешёвка").build();

        // when / then
        assertThat(settings.forbiddenPhrases()).containsExactly("дешёвка", "Shop X");
        assertThat(settings.toBuilder().build()).isEqualTo(settings);
        assertThatThrownBy(() -> settings.forbiddenPhrases().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void should_refuse_blank_too_long_and_too_many_forbidden_phrases() {
        assertThatThrownBy(() -> SalesSettings.builder().forbiddenPhrase(" ").build())
                .hasMessageContaining("a forbidden phrase must not be blank");
        assertThatThrownBy(() -> SalesSettings.builder()
                .forbiddenPhrase("а".repeat(SalesSettings.MAX_FORBIDDEN_PHRASE_LENGTH + 1)).build())
                .hasMessageContaining("at most " + SalesSettings.MAX_FORBIDDEN_PHRASE_LENGTH + " characters");
        SalesSettings.Builder many = SalesSettings.builder();
        for (int i = 0; i <= SalesSettings.MAX_FORBIDDEN_PHRASES; i++) {
            many.forbiddenPhrase("слово" + i);
        }
        assertThatThrownBy(many::build).hasMessageContaining("at most " + SalesSettings.MAX_FORBIDDEN_PHRASES);
    }
}

package dev.aihq.agents.margin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.Money;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.store.Product;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MarginCalculatorTest {

    private static final ShopSettings SETTINGS = ShopSettings.builder()
            .defaultCommissionPercent(new BigDecimal("12"))
            .commission("Смартфоны", new BigDecimal("8"))
            .commission("Чехлы", new BigDecimal("15.5"))
            .build();

    @Test
    void should_take_the_commission_from_the_category_schedule() {
        // given: 189 990 − 130 000 − 189 990 × 8 % (15 199.20) = 44 790.80
        Product phone = product("Смартфоны", 189_990, 130_000L);

        // when
        Margin margin = MarginCalculator.of(phone, SETTINGS).orElseThrow();

        // then
        assertThat(margin.commission()).isEqualTo(Money.of("15199.20", Money.KZT));
        assertThat(margin.commissionSource()).isEqualTo(Margin.CommissionSource.SCHEDULE);
        assertThat(margin.profit()).isEqualTo(Money.of("44790.80", Money.KZT));
        assertThat(margin.percent()).isEqualByComparingTo("23.58");
        assertThat(margin.delivery()).isNull();
    }

    @Test
    void should_use_a_fractional_scheduled_percent_exactly_and_the_default_for_unknown_categories() {
        // given: 6 490 × 15.5 % = 1 005.95; the default 12 % for a category not in the schedule
        Product inSchedule = product("Чехлы", 6_490, 2_000L);
        Product notInSchedule = product("Кофе в зёрнах", 10_000, 5_000L);

        // when / then
        assertThat(MarginCalculator.of(inSchedule, SETTINGS).orElseThrow().profit())
                .isEqualTo(Money.of("3484.05", Money.KZT));
        assertThat(MarginCalculator.of(notInSchedule, SETTINGS).orElseThrow().profit()).isEqualTo(Money.kzt(3_800));
    }

    @Test
    void should_use_the_actual_commission_instead_of_the_schedule_when_known() {
        // when: the marketplace actually charged 12 345.67
        Margin margin = MarginCalculator.of(Money.kzt(189_990), Money.kzt(130_000), "Смартфоны", SETTINGS,
                Money.of("12345.67", Money.KZT), null).orElseThrow();

        // then
        assertThat(margin.commissionSource()).isEqualTo(Margin.CommissionSource.ACTUAL);
        assertThat(margin.commission()).isEqualTo(Money.of("12345.67", Money.KZT));
        assertThat(margin.profit()).isEqualTo(Money.of("47644.33", Money.KZT));
    }

    @Test
    void should_subtract_the_delivery_cost_when_known() {
        // when: 10 000 − 5 000 − 1 200 − 1 500
        Margin margin = MarginCalculator.of(Money.kzt(10_000), Money.kzt(5_000), "Кофе в зёрнах", SETTINGS, null,
                Money.kzt(1_500)).orElseThrow();

        // then
        assertThat(margin.delivery()).isEqualTo(Money.kzt(1_500));
        assertThat(margin.profit()).isEqualTo(Money.kzt(2_300));
        assertThat(margin.percent()).isEqualByComparingTo("23.00");
    }

    @Test
    void should_have_no_margin_when_the_cost_is_unknown_or_the_price_is_zero() {
        assertThat(MarginCalculator.of(product("Чехлы", 2_990, null), SETTINGS)).isEmpty();
        assertThat(MarginCalculator.of(Money.kzt(0), Money.kzt(0), "Чехлы", SETTINGS, null, null)).isEmpty();
    }

    @Test
    void should_refuse_amounts_in_another_currency() {
        assertThatThrownBy(() -> MarginCalculator.of(Money.kzt(10_000), Money.rub(100), "Чехлы", SETTINGS, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cost");
        assertThatThrownBy(() -> MarginCalculator.of(Money.kzt(10_000), Money.kzt(1_000), "Чехлы", SETTINGS,
                Money.rub(100), null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("commission");
        assertThatThrownBy(() -> MarginCalculator.of(Money.kzt(10_000), Money.kzt(1_000), "Чехлы", SETTINGS, null,
                Money.rub(100))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delivery");
    }

    @Test
    void should_compare_with_the_minimum_exactly_and_allow_a_negative_margin() {
        // given: 10 000 − 6 500 − 1 500 (15 %) = 2 000 → exactly 20 %; one tenge more cost → 19.99 %
        ShopSettings fifteen = SETTINGS.toBuilder().commission("Косметика", new BigDecimal("15")).build();
        Margin at = MarginCalculator.of(product("Косметика", 10_000, 6_500L), fifteen).orElseThrow();
        Margin below = MarginCalculator.of(product("Косметика", 10_000, 6_501L), fifteen).orElseThrow();
        Margin loss = MarginCalculator.of(product("Косметика", 10_000, 9_000L), fifteen).orElseThrow();

        // then
        assertThat(at.atLeast(new BigDecimal("20"))).isTrue();
        assertThat(below.atLeast(new BigDecimal("20"))).isFalse();
        assertThat(loss.profit()).isEqualTo(Money.kzt(-500));
        assertThat(loss.percent()).isEqualByComparingTo("-5.00");
    }

    @Test
    void should_sum_two_margins_for_products_sold_together() {
        // given
        Margin a = MarginCalculator.of(product("Чехлы", 6_490, 2_000L), SETTINGS).orElseThrow();
        Margin b = MarginCalculator.of(product("Кофе в зёрнах", 10_000, 5_000L), SETTINGS).orElseThrow();

        // when
        Margin both = a.plus(b);

        // then
        assertThat(both.price()).isEqualTo(Money.kzt(16_490));
        assertThat(both.profit()).isEqualTo(Money.of("7284.05", Money.KZT));
    }

    private static Product product(String category, long price, Long cost) {
        return new Product(ShopId.of("kaspi_1"), Sku.of("SKU-1"), "Товар", category, Money.kzt(price),
                cost == null ? null : Money.kzt(cost), 5, true);
    }
}

package dev.aihq.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void should_be_equal_when_amounts_differ_only_in_scale() {
        assertThat(Money.of("100", Money.KZT)).isEqualTo(Money.of("100.00", Money.KZT)).isEqualTo(Money.kzt(100));
        assertThat(Money.of("100.000", Money.RUB).hashCode()).isEqualTo(Money.rub(100).hashCode());
    }

    @Test
    void should_keep_exact_cents_when_adding_many_small_amounts() {
        // given
        Money sum = Money.zero(Money.RUB);

        // when
        for (int i = 0; i < 10; i++) {
            sum = sum.plus(Money.of("0.10", Money.RUB));
        }

        // then
        assertThat(sum).isEqualTo(Money.rub(1));
    }

    @Test
    void should_refuse_to_mix_currencies() {
        assertThatThrownBy(() -> Money.kzt(1).plus(Money.rub(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("KZT").hasMessageContaining("RUB");
        assertThatThrownBy(() -> Money.kzt(1).compareTo(Money.rub(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_round_to_minor_units_with_the_given_rule() {
        Money tax = Money.kzt(1_250_000).times(new BigDecimal("0.04")).minus(Money.of("0.005", Money.KZT));
        assertThat(tax.rounded(RoundingMode.HALF_UP)).isEqualTo(Money.of("50000.00", Money.KZT));
        assertThat(tax.rounded(RoundingMode.DOWN)).isEqualTo(Money.of("49999.99", Money.KZT));
        assertThat(Money.of("10.005", Money.KZT).rounded(RoundingMode.HALF_UP)).isEqualTo(Money.of("10.01", Money.KZT));
    }

    @Test
    void should_print_plain_amount_and_code() {
        assertThat(Money.of("1499.5", Money.KZT)).hasToString("1499.50 KZT");
        assertThat(Money.of("1E+3", Money.RUB)).hasToString("1000.00 RUB");
    }
}

package dev.aihq.agents.legal.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** How the guard reads numbers and dates out of a text. */
class LegalOutputCheckUnitTest {

    @Test
    void reads_grouped_amounts_decimal_commas_and_plain_numbers_without_their_dates() {
        assertThat(LegalOutputCheck.numbers("Компенсация 86 997 ₸ (30 %), ранее 1 499,50 ₽ и 86997.00; срок 12.03.2026"))
                .containsExactly(new BigDecimal("86997"), new BigDecimal("30"), new BigDecimal("1499.5"),
                        new BigDecimal("86997"));
    }

    @Test
    void reads_dotted_and_iso_dates_and_skips_impossible_ones() {
        assertThat(LegalOutputCheck.dates("до 13.03.2026, уведомление 2026-03-10T09:00+05:00, не 31.02.2026"))
                .containsExactly(LocalDate.of(2026, 3, 13), LocalDate.of(2026, 3, 10));
    }
}

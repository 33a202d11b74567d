package dev.aihq.imports.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link BankValues}: the number and date forms of Kazakh and Russian bank files. */
class BankValuesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1500.00|1500.00",
        "1 500,00|1500.00",
        "1\u00a0500,5|1500.5",
        "1\u202f234\u202f567,89|1234567.89",
        "1.234.567,89|1234567.89",
        "1,234,567.89|1234567.89",
        "1 500,00 ₸|1500.00",
        "1500 руб.|1500",
        "-350,10|-350.10",
        "(350,10)|-350.10",
        "+42|42",
        "1,5|1.5"
    })
    void readsAmountsAsBanksWriteThem(String text, String expected) {
        assertThat(BankValues.amount(text)).isEqualByComparingTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12O0.00", "", "abc", "1.2.3,4,5", "--5"})
    void refusesWhatIsNotAnAmount(String text) {
        assertThatThrownBy(() -> BankValues.amount(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an amount");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "03.03.2026|2026-03-03",
        "3.3.2026|2026-03-03",
        "03.03.26|2026-03-03",
        "03/03/2026|2026-03-03",
        "2026-03-03|2026-03-03",
        "2026-03-03T10:15:00|2026-03-03",
        "03.03.2026 10:15:42|2026-03-03"
    })
    void readsTheCommonLocalDateForms(String text, LocalDate expected) {
        assertThat(BankValues.date(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"31.02.2026", "2026/13/45", "вчера", "03-2026"})
    void refusesWhatIsNotADate(String text) {
        assertThatThrownBy(() -> BankValues.date(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "АО «Kaspi Bank»|ао kaspi bank",
        "ООО \"ВАЙЛДБЕРРИЗ\"|ооо вайлдберриз",
        "Пётр   Ёлкин|петр елкин"
    })
    void normalisesTextForRules(String text, String expected) {
        assertThat(BankValues.normalize(text)).isEqualTo(expected);
    }
}

package dev.aihq.agents.sales.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.agents.sales.guard.GuardContext.Language;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LanguageHeuristicTest {

    @Test
    void should_take_the_customers_language_when_it_is_clearly_russian_or_kazakh() {
        // when / then
        assertThat(Language.expected(Locale.forLanguageTag("ru"), "Иә, керек")).isEqualTo(Language.KK);
        assertThat(Language.expected(Locale.forLanguageTag("kk"), "Да, нужно")).isEqualTo(Language.RU);
        assertThat(Language.expected(Locale.forLanguageTag("kk"), "ok 👍")).isEqualTo(Language.KK);
        assertThat(Language.expected(Locale.forLanguageTag("ru"), null)).isEqualTo(Language.RU);
        assertThat(Language.expected(Locale.forLanguageTag("kk-KZ"), null)).isEqualTo(Language.KK);
    }

    @Test
    void should_pass_short_texts_and_russian_with_a_kazakh_greeting() {
        // when / then
        assertThat(LanguageHeuristic.problem("Рахмет!", Language.RU)).isEmpty();
        assertThat(LanguageHeuristic.problem("Сәлеметсіз бе! Спасибо за заказ, ждём вас снова в нашем магазине",
                Language.RU)).isEmpty();
        assertThat(LanguageHeuristic.problem("Спасибо за заказ", Language.KK)).isEmpty();
    }

    @Test
    void should_pass_kazakh_with_russian_loanwords_when_kazakh_is_expected() {
        // when / then
        assertThat(LanguageHeuristic.problem("Сәлеметсіз бе! Смартфонға чехол мен защитное стекло керек пе?",
                Language.KK)).isEmpty();
    }
}

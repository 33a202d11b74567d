package dev.aihq.agents.sales.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.agents.text.PhraseBook;
import dev.aihq.api.Money;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextScanTest {

    private static List<Money> prices(String text) {
        return TextScan.prices(TextScan.withoutOrderNumbers(PhraseBook.normalize(text))).stream()
                .map(TextScan.Price::amount).toList();
    }

    @Test
    void should_read_every_common_way_of_writing_a_price() {
        // when / then
        assertThat(prices("12 990 ₸, 12\u00A0990 тг, 12.990 тенге, 12990₸, ₸12 990, KZT 12990, 13 тыс. ₸, 13к ₸"))
                .containsExactly(Money.kzt(12_990), Money.kzt(12_990), Money.kzt(12_990), Money.kzt(12_990),
                        Money.kzt(13_000), Money.kzt(13_000), Money.kzt(12_990), Money.kzt(12_990));
        assertThat(prices("1 499,50 ₽ и 1499.50 руб. и 990 рублей"))
                .containsExactly(Money.of(new BigDecimal("1499.50"), Money.RUB),
                        Money.of(new BigDecimal("1499.50"), Money.RUB), Money.rub(990));
    }

    @Test
    void should_never_read_an_order_number_a_quantity_or_a_percentage_as_a_price() {
        // when / then
        assertThat(prices("Заказ №512345678: 2 шт., скидка 10 %, модель A55, 25 Вт, 8/256 ГБ, заказ 512345678"))
                .isEmpty();
    }

    @Test
    void should_tell_a_discount_from_other_percentages() {
        // when
        List<TextScan.Percent> percents = TextScan.percents(PhraseBook.normalize(
                "Заряжает до 50 % за 30 минут. Хлопок 100 %. А сегодня -20% на всё, и 15 процентов скидки."));

        // then
        assertThat(percents).extracting(TextScan.Percent::discount).containsExactly(false, false, true, true);
    }

    @Test
    void should_read_half_price_in_words_as_a_50_percent_discount() {
        for (String text : List.of("Второй бальзам за полцены!", "Сегодня за пол цены", "Екіншісі жарты бағасына",
                "half price today", "half-price")) {
            assertThat(TextScan.percents(PhraseBook.normalize(text))).as(text).singleElement().satisfies(p -> {
                assertThat(p.value()).isEqualByComparingTo("50");
                assertThat(p.discount()).isTrue();
            });
        }
    }

    @Test
    void should_find_links_phones_and_emails_but_not_the_shops_marketplace_or_an_order_number() {
        // given
        String text = PhraseBook.normalize("Отзыв на Kaspi.kz, заказ №7011234567, пишите a.b@mail.ru или "
                + "https://x.kz/a, звоните +7 (701) 123-45-67");

        // when / then
        assertThat(TextScan.links(TextScan.withoutEmails(text))).containsExactly("kaspi.kz", "https://x.kz/a");
        assertThat(TextScan.emails(text)).containsExactly("a.b@mail.ru");
        assertThat(TextScan.phones(TextScan.withoutLinks(TextScan.withoutOrderNumbers(text))))
                .containsExactly("+7 (701) 123-45-67");
    }
}

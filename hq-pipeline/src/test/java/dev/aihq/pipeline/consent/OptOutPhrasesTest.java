package dev.aihq.pipeline.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OptOutPhrasesTest {

    private final OptOutPhrases phrases = OptOutPhrases.defaults();

    @ParameterizedTest
    @ValueSource(strings = {
        "СТОП", "стоп!!!", "Stop", "STOP 🙏", "ТОҚТАТУ", "тоқтату.", "Отписаться", "отписка", "стоп рассылка",
        "stop please", "Пожалуйста, не пишите мне больше", "Больше не присылайте сообщения", "Маған жазбаңыз",
        "Хабарлама жібермеңіз, рахмет", "unsubscribe me", "Удалите мой номер из рассылки", "Хватит",
        "НЕ   ПИШИТЕ", "Отпишите меня, пожалуйста"
    })
    void recognises_a_request_to_stop_in_russian_kazakh_or_english(String message) {
        assertThat(phrases.isOptOut(message)).as(message).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "стопка тарелок есть в наличии?", "Стоп, а какая сейчас цена на чехол?", "Какая цена?", "Спасибо!",
        "Рахмет, алдым", "Пишите в WhatsApp", "остановите доставку, я уеду", "Тоқсан мың теңге ма?", "", "   ",
        "🙏🙏", "Хватит ли одного кабеля на два телефона?"
    })
    void leaves_ordinary_messages_alone(String message) {
        assertThat(phrases.isOptOut(message)).as(message).isFalse();
    }

    @Test
    void names_what_matched_for_the_record() {
        assertThat(phrases.match("Пожалуйста, НЕ ПИШИТЕ мне больше")).contains("не пишите");
        assertThat(phrases.match("СТОП!")).contains("стоп");
        assertThat(phrases.match("Здравствуйте")).isEmpty();
    }

    @Test
    void keeps_kazakh_letters_and_reads_yo_as_ye() {
        assertThat(OptOutPhrases.words("ТОҚТАТУ, Өтінемін! Ещё")).containsExactly("тоқтату", "өтінемін", "еще");
    }

    @Test
    void takes_a_shops_own_words_and_phrases() {
        OptOutPhrases shop = phrases.with(List.of("жетеді"), List.of("больше не надо"));

        assertThat(shop.isOptOut("Жетеді!")).isTrue();
        assertThat(shop.isOptOut("Спасибо, больше не надо")).isTrue();
        assertThat(shop.isOptOut("СТОП")).as("the shipped words stay").isTrue();
        assertThat(phrases.isOptOut("Жетеді!")).as("the defaults are unchanged").isFalse();
    }

    @Test
    void refuses_a_stop_word_of_several_words_or_an_empty_phrase() {
        assertThatThrownBy(() -> phrases.with(List.of("не надо"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a stop word must be one word, got 'не надо'");
        assertThatThrownBy(() -> phrases.with(List.of(), List.of("!!!")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a stop phrase must have at least one word, got '!!!'");
    }
}

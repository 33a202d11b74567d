package dev.aihq.agents.sales.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.agents.text.PhraseBook;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PhraseBookTest {

    @Test
    void should_name_the_resource_when_it_is_missing() {
        // when / then
        assertThatThrownBy(() -> PhraseBook.load("/dev/aihq/agents/sales/guard/nowhere.txt"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("phrase resource /dev/aihq/agents/sales/guard/nowhere.txt is missing from the class path");
    }

    @Test
    void should_name_the_resource_and_line_when_a_phrase_comes_before_any_section() {
        // when / then
        assertThatThrownBy(() -> PhraseBook.parse("promises_ru.txt", List.of("# comment", "", "бесплатн*")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("phrase resource promises_ru.txt line 3: the phrase 'бесплатн*' comes before any [section]");
    }

    @Test
    void should_refuse_a_star_inside_a_word_an_empty_section_and_a_dangling_gap() {
        // when / then
        assertThatThrownBy(() -> PhraseBook.parse("x.txt", List.of("[a]", "бес*платн")))
                .hasMessageContaining("phrase resource x.txt line 2: '*' may only end a word");
        assertThatThrownBy(() -> PhraseBook.parse("x.txt", List.of("[a]", "слово", "[b]")))
                .hasMessage("phrase resource x.txt: section [b] has no phrases");
        assertThatThrownBy(() -> PhraseBook.parse("x.txt", List.of("[a]", "доставка ...")))
                .hasMessageContaining("line 2: '...' must stand between words");
        assertThatThrownBy(() -> PhraseBook.parse("x.txt", List.of("[a]", "x", "[a]", "y")))
                .hasMessageContaining("line 3: section [a] appears twice");
        assertThatThrownBy(() -> PhraseBook.parse("x.txt", List.of("[a", "x")))
                .hasMessageContaining("line 1: a section must be written [name]");
    }

    @Test
    void should_refuse_a_promise_section_that_is_not_a_shop_promise() {
        // given
        PhraseBook promises = PhraseBook.parse("promises_ru.txt", List.of("[FREE_SHIPPING]", "бесплатн* доставк*"));
        PhraseBook other = PhraseBook.parse("x.txt", List.of("[a]", "x"));

        // when / then
        assertThatThrownBy(() -> new OfferCheck(other, List.of(promises), other, other, other,
                List.of("[ru]", "мы {brand}"), other, other, other, List.of("[ru]", "{brand} виноват"), other))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("promises_ru.txt")
                .hasMessageContaining("section [FREE_SHIPPING] is not a ShopPromise");
    }

    @Test
    void should_match_whole_words_prefixes_and_gaps_ignoring_case_and_yo() {
        // given
        PhraseBook book = PhraseBook.parse("x.txt", List.of("[alcohol]", "вино", "[delivery]",
                "доставк* ... бесплатн*", "[cashback]", "кэшбэк*"));

        // when / then
        assertThat(book.find("alcohol", PhraseBook.normalize("Купите ВИНО"))).isPresent();
        assertThat(book.find("alcohol", PhraseBook.normalize("Купите винт и винный бокал"))).isEmpty();
        assertThat(book.find("delivery", PhraseBook.normalize("Доставка — абсолютно точно бесплатная!")))
                .hasValueSatisfying(hit -> assertThat(hit.found()).isEqualTo("доставка — абсолютно точно бесплатная"));
        assertThat(book.find("delivery", PhraseBook.normalize("Доставка за ваш счёт, а чехол бывает и не бесплатным")))
                .isEmpty();
        assertThat(book.find("cashback", PhraseBook.normalize("КЭШБЭКОМ"))).isPresent();
        assertThat(PhraseBook.normalize("Ёлка\u00A0ЁЖ")).isEqualTo("елка еж");
    }

    @Test
    void should_load_every_shipped_list() {
        // when / then
        assertThat(OfferCheck.standard()).isNotNull();
        assertThat(PhraseBook.load(OfferCheck.RESOURCES + "restricted-categories.txt").sectionNames())
                .contains("alcohol", "tobacco and vapes", "weapons", "adult products", "drugs and medicines");
    }

    @Test
    void should_refuse_an_impersonation_list_that_is_malformed_when_the_checker_is_made() {
        // given
        PhraseBook other = PhraseBook.parse("x.txt", List.of("[a]", "x"));

        // when / then the list is completed with a name and parsed at once, not on the first message
        assertThatThrownBy(() -> new OfferCheck(other, List.of(), other, other, other, List.of("мы {brand}"), other,
                other, other, List.of("[ru]", "{brand} виноват"), other))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("impersonation.txt")
                .hasMessageContaining("comes before any [section]");
    }

    @Test
    void should_refuse_a_disparagement_list_that_is_malformed_when_the_checker_is_made() {
        // given
        PhraseBook other = PhraseBook.parse("x.txt", List.of("[a]", "x"));

        // when / then
        assertThatThrownBy(() -> new OfferCheck(other, List.of(), other, other, other, List.of("[ru]", "мы {brand}"),
                other, other, other, List.of("{brand} виноват"), other))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("disparagement.txt")
                .hasMessageContaining("comes before any [section]");
    }

    @Test
    void should_match_a_literal_phrase_as_whole_words_ignoring_case_yo_and_punctuation_between_words() {
        // given
        Pattern phrase = PhraseBook.literal(" Ёлка  Плюс* ");

        // when / then: "*" is a character like any other here, not a prefix mark
        assertThat(phrase.matcher(PhraseBook.normalize("Купите ЕЛКА — плюс* сегодня")).find()).isTrue();
        assertThat(phrase.matcher(PhraseBook.normalize("Купите ёлка плюсик")).find()).isFalse();
        assertThat(phrase.matcher(PhraseBook.normalize("Купите ёлками плюс*")).find()).isFalse();
    }
}

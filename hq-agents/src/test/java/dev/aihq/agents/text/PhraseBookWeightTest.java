package dev.aihq.agents.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseBookWeightTest {

    @Test
    void should_read_a_weight_after_the_phrase_and_default_to_one() {
        // given
        PhraseBook book = PhraseBook.parse("w.txt", List.of("[late]", "где ... посылк* = 2.5", "долго", "опоздал* = -1"));

        // when
        List<PhraseBook.Hit> hits = book.findEvery("late", PhraseBook.normalize("Где моя ПОСЫЛКА? Долго, опоздали"));

        // then
        assertThat(hits).extracting(PhraseBook.Hit::phrase).containsExactly("где ... посылк*", "долго", "опоздал*");
        assertThat(hits).extracting(PhraseBook.Hit::weight).containsExactly(2.5, 1.0, -1.0);
        assertThat(book.phrases("late")).hasSize(3);
        assertThat(book.findEvery("nowhere", "где посылка")).isEmpty();
    }

    @Test
    void should_name_the_resource_and_line_when_a_weight_is_malformed() {
        // when / then
        assertThatThrownBy(() -> PhraseBook.parse("w.txt", List.of("[a]", "слово = много")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("phrase resource w.txt line 2: a weight must be written");
        assertThatThrownBy(() -> PhraseBook.parse("w.txt", List.of("[a]", "x", "= 2")))
                .hasMessageContaining("w.txt line 3");
    }
}

package dev.aihq.pipeline.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.channel.QuickReply;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConsentQuestionTest {

    private final ConsentQuestion shipped = ConsentQuestion.defaults();

    @Test
    void loads_the_shipped_question_from_its_resource() {
        assertThat(shipped.text()).contains("Показать подборку");
        assertThat(shipped.yes().id()).isEqualTo("consent:yes");
        assertThat(shipped.no().id()).isEqualTo("consent:no");
        assertThat(shipped.stop().id()).isEqualTo("consent:stop");
    }

    @Test
    void ships_three_buttons_with_distinct_ids_and_titles_whatsapp_accepts() {
        assertThat(shipped.buttons()).containsExactly(shipped.yes(), shipped.no(), shipped.stop());
        assertThat(shipped.buttons().stream().map(QuickReply::id).collect(Collectors.toSet())).hasSize(3);
        assertThat(shipped.buttons()).allSatisfy(button -> assertThat(button.title())
                .isNotBlank().hasSizeLessThanOrEqualTo(20));
    }

    @Test
    void ships_the_typed_words_normalised() {
        assertThat(shipped.yesWords()).contains("да", "иә", "yes").doesNotContain("Да");
        assertThat(shipped.noWords()).contains("нет", "жоқ", "не надо", "не хочу");
        assertThat(shipped.yesWords()).doesNotContainAnyElementsOf(shipped.noWords());
    }

    @Test
    void keeps_the_buttons_and_words_when_the_text_is_replaced() {
        ConsentQuestion own = shipped.withText("Хотите получать скидки от нашего магазина?");

        assertThat(own.text()).isEqualTo("Хотите получать скидки от нашего магазина?");
        assertThat(own.buttons()).isEqualTo(shipped.buttons());
        assertThat(own.yesWords()).isEqualTo(shipped.yesWords());
        assertThat(own.noWords()).isEqualTo(shipped.noWords());
        assertThat(shipped.text()).contains("Показать подборку");
    }

    @Test
    void rejects_a_blank_text() {
        assertThatThrownBy(() -> shipped.withText("  ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejects_buttons_that_share_an_id() {
        QuickReply yes = new QuickReply("same", "Да");
        assertThatThrownBy(() -> new ConsentQuestion("Показать?", yes, new QuickReply("same", "Нет"),
                new QuickReply("stop", "Стоп"), Set.of("да"), Set.of("нет")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("distinct");
    }

    @Test
    void normalises_and_drops_empty_words_given_to_the_constructor() {
        ConsentQuestion own = new ConsentQuestion("Показать?", shipped.yes(), shipped.no(), shipped.stop(),
                Set.of("  ДА!  ", "👍"), Set.of("Не   НАДО"));

        assertThat(own.yesWords()).containsExactly("да");
        assertThat(own.noWords()).containsExactly("не надо");
    }
}

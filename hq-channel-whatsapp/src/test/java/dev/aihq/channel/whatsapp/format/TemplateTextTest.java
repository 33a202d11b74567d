package dev.aihq.channel.whatsapp.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TemplateTextTest {

    @Test
    void should_turn_breaks_and_tabs_into_single_spaces_when_flattening() {
        assertThat(TemplateText.flatten("  Смартфон\r\nSamsung\tGalaxy\u2028A56\n\n\nқара     түс  "))
                .isEqualTo("Смартфон Samsung Galaxy A56 қара түс");
        assertThat(TemplateText.flatten("\n\t ")).isEmpty();
        assertThat(TemplateText.flatten("a\u00A0\u00A0b")).isEqualTo("a\u00A0\u00A0b");
    }

    @Test
    void should_accept_up_to_four_spaces_and_refuse_five_when_checking() {
        assertThat(TemplateText.requireParameter("body parameter 1", "a    b", 1024)).isEqualTo("a    b");
        assertThatThrownBy(() -> TemplateText.requireParameter("body parameter 1", "a     b", 1024))
                .hasMessageContaining("body parameter 1").hasMessageContaining("more than 4 consecutive spaces");
        assertThatThrownBy(() -> TemplateText.requireParameter("body parameter 3 (sku)", "a\nb", 1024))
                .hasMessageContaining("body parameter 3 (sku)").hasMessageContaining("line break or tab");
    }

    @Test
    void should_enforce_the_exact_length_limit_naming_the_parameter() {
        assertThat(TemplateText.parameter("header parameter 1", "ы".repeat(60), TemplateText.HEADER_PARAMETER_MAX_LENGTH))
                .hasSize(60);
        assertThatThrownBy(() -> TemplateText.parameter("header parameter 1", "ы".repeat(61),
                TemplateText.HEADER_PARAMETER_MAX_LENGTH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("header parameter 1 has 61 characters; the limit is 60");
        assertThatThrownBy(() -> TemplateText.parameter("body parameter 2", " \n ", 1024))
                .hasMessage("body parameter 2 must not be blank");
    }

    @Test
    void should_count_an_emoji_as_two_units_against_the_limit() {
        String value = "😀".repeat(30);
        assertThat(TemplateText.parameter("header parameter 1", value, 60)).isEqualTo(value);
        assertThatThrownBy(() -> TemplateText.parameter("header parameter 1", value + "x", 60))
                .hasMessageContaining("61 characters");
    }
}

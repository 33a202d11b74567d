package dev.aihq.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.error.ConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptTemplateTest {

    @Test
    void should_fill_every_placeholder_when_all_values_are_given() {
        // given
        PromptTemplate template = PromptTemplate.of("Здравствуйте! Заказ №{{order_id}} в «{{ shop_name }}».");

        // when
        String text = template.render(Map.of("order_id", "KSP-1", "shop_name", "Demo", "unused", "x"));

        // then
        assertThat(text).isEqualTo("Здравствуйте! Заказ №KSP-1 в «Demo».");
        assertThat(template.placeholders()).containsExactly("order_id", "shop_name");
    }

    @Test
    void should_name_every_missing_variable_when_values_are_missing() {
        // given
        PromptTemplate template = PromptTemplate.named("template 'upsell'", "{{a}} {{b}} {{c}}");

        // when / then
        assertThatThrownBy(() -> template.render(Map.of("b", "2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("template 'upsell' has no value for {{a}}, {{c}}");
    }

    @Test
    void should_insert_values_verbatim_when_they_look_like_placeholders_or_regex_syntax() {
        // given
        PromptTemplate template = PromptTemplate.of("Клиент пишет: {{text}}; магазин: {{shop}}");

        // when
        String text = template.render(Map.of("text", "{{shop}} $1 \\n", "shop", "Demo"));

        // then
        assertThat(text).isEqualTo("Клиент пишет: {{shop}} $1 \\n; магазин: Demo");
    }

    @Test
    void should_load_the_shipped_prompt_when_given_its_resource_path() {
        // when
        PromptTemplate system = PromptTemplate.resource("/dev/aihq/agents/prompts/sales-system.txt");

        // then
        assertThat(system.placeholders()).contains("shop_name", "tone");
        assertThat(system.text()).contains("{\"text\"");
    }

    @Test
    void should_fail_with_the_path_when_the_resource_does_not_exist() {
        assertThatThrownBy(() -> PromptTemplate.resource("/dev/aihq/agents/prompts/nope.txt"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("/dev/aihq/agents/prompts/nope.txt");
    }
}

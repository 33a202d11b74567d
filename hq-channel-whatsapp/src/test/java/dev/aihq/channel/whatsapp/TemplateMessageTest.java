package dev.aihq.channel.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.PhoneNumber;
import org.junit.jupiter.api.Test;

class TemplateMessageTest {

    private static final PhoneNumber TO = PhoneNumber.parse("87071234567");

    private static TemplateMessage.Builder builder() {
        return TemplateMessage.builder(TO, "upsell_accessory_v2", "ru").callbackData("k");
    }

    @Test
    void should_flatten_values_when_parameters_hold_breaks_tabs_and_spaces() {
        // when
        TemplateMessage message = builder().bodyTexts("Чехол\r\nдля\tтелефона     😀  қызыл ").build();

        // then
        assertThat(message.bodyParameters().get(0).text()).isEqualTo("Чехол для телефона 😀 қызыл");
        assertThat(message.to().e164()).isEqualTo("+77071234567");
    }

    @Test
    void should_name_the_parameter_when_a_body_value_is_too_long() {
        // when / then
        assertThatThrownBy(() -> builder().bodyTexts("ok", "x".repeat(1025)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("body parameter 2")
                .hasMessageContaining("1025")
                .hasMessageContaining("1024");
        assertThat(builder().bodyTexts("x".repeat(1024)).build().bodyParameters()).hasSize(1);
    }

    @Test
    void should_name_the_parameter_when_header_value_is_too_long() {
        // when / then
        assertThatThrownBy(() -> builder().header(TemplateParameter.named("customer_name", "А".repeat(61))).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("header parameter 1 (customer_name)")
                .hasMessageContaining("60");
    }

    @Test
    void should_refuse_invalid_structure_with_clear_messages() {
        assertThatThrownBy(() -> builder().header(TemplateParameter.text("a")).header(TemplateParameter.text("b")).build())
                .hasMessageContaining("header takes at most 1 parameter");
        assertThatThrownBy(() -> builder().body(TemplateParameter.text("a")).body(TemplateParameter.named("n", "b")).build())
                .hasMessageContaining("body parameter 2 (n)").hasMessageContaining("mixes named and positional");
        assertThatThrownBy(() -> builder().button(TemplateButton.url(0, "a")).button(TemplateButton.quickReply(0, "b")).build())
                .hasMessageContaining("button index 0 is given twice");
        assertThatThrownBy(() -> TemplateMessage.builder(TO, "Upsell-V2", "ru").callbackData("k").build())
                .hasMessageContaining("template name");
        assertThatThrownBy(() -> TemplateMessage.builder(TO, "upsell", "en-US").callbackData("k").build())
                .hasMessageContaining("languageCode 'en-US'");
        assertThatThrownBy(() -> TemplateMessage.builder(TO, "upsell", "ru").build())
                .hasMessageContaining("callbackData");
        assertThatThrownBy(() -> TemplateParameter.text(" \n\t "))
                .hasMessageContaining("must not be blank");
        assertThatThrownBy(() -> TemplateParameter.named("CustomerName", "x"))
                .hasMessageContaining("parameterName 'CustomerName'");
        assertThatThrownBy(() -> TemplateButton.url(10, "x")).hasMessageContaining("button index must be 0-9");
    }
}

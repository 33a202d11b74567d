package dev.aihq.agents.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.error.AgentException;
import dev.aihq.api.result.OfferKind;
import dev.aihq.api.result.SalesOffer;
import dev.aihq.testkit.Fixtures;
import org.junit.jupiter.api.Test;

class SalesOfferParserTest {

    private static final SalesOffer DRAFT = SalesOffer.builder(OfferKind.UPSELL, "Шаблон")
            .offeredProduct(Fixtures.SCREEN_GLASS)
            .promoCode("SPRING10")
            .build();
    private final SalesOfferParser parser = new SalesOfferParser();

    @Test
    void should_take_only_the_text_and_keep_the_codes_choice_when_the_model_names_another_product() {
        // when
        SalesOffer offer = parser.parse("{\"text\": \"Возьмите наушники!\", \"sku\": \"AUD-BUDS-2\","
                + " \"promo_code\": \"FREE50\"}", DRAFT);

        // then
        assertThat(offer.text()).isEqualTo("Возьмите наушники!");
        assertThat(offer.offeredProducts()).containsExactly(Fixtures.SCREEN_GLASS);
        assertThat(offer.promoCode()).isEqualTo("SPRING10");
        assertThat(offer.kind()).isEqualTo(OfferKind.UPSELL);
    }

    @Test
    void should_read_the_json_when_it_is_inside_a_code_fence() {
        // when
        SalesOffer offer = parser.parse("```json\n{\"text\": \"Спасибо!\"}\n```", DRAFT);

        // then
        assertThat(offer.text()).isEqualTo("Спасибо!");
    }

    @Test
    void should_reject_the_answer_when_it_is_not_json() {
        assertThatThrownBy(() -> parser.parse("Спасибо за покупку!", DRAFT))
                .isInstanceOf(AgentException.class)
                .hasMessage("the answer is not JSON: 'Спасибо за покупку!'");
    }

    @Test
    void should_reject_the_answer_when_the_text_field_is_missing_blank_or_templated() {
        assertThatThrownBy(() -> parser.parse("{\"message\": \"hi\"}", DRAFT))
                .isInstanceOf(AgentException.class).hasMessage("the answer has no \"text\" string");
        assertThatThrownBy(() -> parser.parse("{\"text\": \"  \"}", DRAFT))
                .isInstanceOf(AgentException.class).hasMessage("the answer's \"text\" is blank");
        assertThatThrownBy(() -> parser.parse("[\"text\"]", DRAFT))
                .isInstanceOf(AgentException.class).hasMessageStartingWith("the answer is not a JSON object");
        assertThatThrownBy(() -> parser.parse("{\"text\": \"Привет, {{name}}\"}", DRAFT))
                .isInstanceOf(AgentException.class).hasMessageContaining("placeholder");
    }
}

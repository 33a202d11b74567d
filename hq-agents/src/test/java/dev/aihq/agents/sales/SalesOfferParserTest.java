package dev.aihq.agents.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aihq.api.Sku;
import dev.aihq.api.error.AgentException;
import dev.aihq.api.result.OfferKind;
import dev.aihq.api.result.SalesOffer;
import dev.aihq.testkit.Fixtures;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SalesOfferParserTest {

    private static final SalesOffer DRAFT = SalesOffer.builder(OfferKind.UPSELL, "Шаблон")
            .offeredProduct(Fixtures.SCREEN_GLASS)
            .promoCode("SPRING10")
            .build();
    private final SalesOfferParser parser = new SalesOfferParser();

    @Test
    void should_take_every_field_of_a_full_answer_and_keep_the_drafts_kind() {
        // when
        SalesOffer offer = parser.parse("{\"text\": \"Возьмите наушники!\", \"offered_products\": [\"AUD-BUDS-2\"],"
                + " \"promo_code\": null, \"discount_percent\": 10}", DRAFT);

        // then
        assertThat(offer.text()).isEqualTo("Возьмите наушники!");
        assertThat(offer.offeredProducts()).containsExactly(Sku.of("AUD-BUDS-2"));
        assertThat(offer.promoCode()).isNull();
        assertThat(offer.discountPercent()).isEqualByComparingTo(BigDecimal.TEN);
        assertThat(offer.kind()).isEqualTo(OfferKind.UPSELL);
    }

    @Test
    void should_keep_the_drafts_facts_when_the_answer_gives_only_the_text() {
        // when
        SalesOffer offer = parser.parse("{\"text\": \"Спасибо!\"}", DRAFT);

        // then
        assertThat(offer.text()).isEqualTo("Спасибо!");
        assertThat(offer.offeredProducts()).containsExactly(Fixtures.SCREEN_GLASS);
        assertThat(offer.promoCode()).isEqualTo("SPRING10");
        assertThat(offer.discountPercent()).isNull();
    }

    @Test
    void should_read_the_json_when_it_is_inside_a_code_fence() {
        // when
        SalesOffer offer = parser.parse("```json\n{\"text\": \"Спасибо!\", \"offered_products\": []}\n```", DRAFT);

        // then
        assertThat(offer.text()).isEqualTo("Спасибо!");
        assertThat(offer.offeredProducts()).isEmpty();
    }

    @Test
    void should_reject_the_answer_when_it_is_not_json() {
        assertThatThrownBy(() -> parser.parse("Спасибо за покупку!", DRAFT))
                .isInstanceOf(AgentException.class)
                .hasMessage("the answer is not JSON: 'Спасибо за покупку!'");
    }

    @Test
    void should_reject_prose_before_or_after_the_json() {
        assertThatThrownBy(() -> parser.parse("Вот ответ: {\"text\": \"Спасибо!\"}", DRAFT))
                .isInstanceOf(AgentException.class).hasMessageStartingWith("the answer is not JSON");
        assertThatThrownBy(() -> parser.parse("{\"text\": \"Спасибо!\"} Надеюсь, подойдёт.", DRAFT))
                .isInstanceOf(AgentException.class).hasMessageStartingWith("the answer has text after the JSON");
        assertThatThrownBy(() -> parser.parse("```json\n{\"text\": \"Спасибо!\"}\n```\nГотово!", DRAFT))
                .isInstanceOf(AgentException.class).hasMessageStartingWith("the answer has text after the JSON");
        assertThatThrownBy(() -> parser.parse("{\"text\": \"a\"} {\"text\": \"b\"}", DRAFT))
                .isInstanceOf(AgentException.class).hasMessageStartingWith("the answer has text after the JSON");
    }

    @Test
    void should_reject_unknown_fields_naming_them() {
        assertThatThrownBy(() -> parser.parse("{\"text\": \"Возьмите наушники!\", \"sku\": \"AUD-BUDS-2\"}", DRAFT))
                .isInstanceOf(AgentException.class)
                .hasMessage("the answer has unknown field \"sku\" (allowed: \"text\", \"offered_products\","
                        + " \"promo_code\", \"discount_percent\")");
    }

    @Test
    void should_reject_wrong_types_naming_every_one() {
        assertThatThrownBy(() -> parser.parse("{\"text\": 5, \"offered_products\": \"AUD-BUDS-2\","
                + " \"promo_code\": 10, \"discount_percent\": \"10%\"}", DRAFT))
                .isInstanceOf(AgentException.class)
                .hasMessageContaining("the answer has no \"text\" string")
                .hasMessageContaining("\"offered_products\" is not an array of strings")
                .hasMessageContaining("\"promo_code\" is not a non-blank string or null")
                .hasMessageContaining("\"discount_percent\" is not a number or null");
        assertThatThrownBy(() -> parser.parse("{\"text\": \"Да\", \"offered_products\": [1, \"\"]}", DRAFT))
                .isInstanceOf(AgentException.class)
                .hasMessageContaining("has an item that is not a non-blank string: '1'")
                .hasMessageContaining("has an item that is not a non-blank string: '\"\"'");
        assertThatThrownBy(() -> parser.parse("{\"text\": \"Да\", \"discount_percent\": 150}", DRAFT))
                .isInstanceOf(AgentException.class)
                .hasMessage("the answer's \"discount_percent\" must be more than 0 and at most 100, got 150");
        assertThatThrownBy(() -> parser.parse("{\"text\": \"Да\", \"offered_products\": null}", DRAFT))
                .isInstanceOf(AgentException.class).hasMessageContaining("is not an array of strings");
    }

    @Test
    void should_reject_the_answer_when_the_text_field_is_missing_blank_or_templated() {
        assertThatThrownBy(() -> parser.parse("{\"offered_products\": []}", DRAFT))
                .isInstanceOf(AgentException.class).hasMessage("the answer has no \"text\" string");
        assertThatThrownBy(() -> parser.parse("{\"text\": \"  \"}", DRAFT))
                .isInstanceOf(AgentException.class).hasMessage("the answer's \"text\" is blank");
        assertThatThrownBy(() -> parser.parse("[\"text\"]", DRAFT))
                .isInstanceOf(AgentException.class).hasMessageStartingWith("the answer is not a JSON object");
        assertThatThrownBy(() -> parser.parse("{\"text\": \"Привет, {{name}}\"}", DRAFT))
                .isInstanceOf(AgentException.class).hasMessageContaining("placeholder");
    }

    @Test
    void should_describe_the_answer_in_a_strict_schema() throws Exception {
        // when
        JsonObjectSchema root = (JsonObjectSchema) SalesOfferParser.SCHEMA.rootElement();

        // then
        assertThat(SalesOfferParser.SCHEMA.name()).isEqualTo("sales_offer");
        assertThat(root.properties()).containsOnlyKeys("text", "offered_products", "promo_code", "discount_percent");
        assertThat(root.required()).containsExactlyInAnyOrder("text", "offered_products", "promo_code",
                "discount_percent");
        assertThat(root.additionalProperties()).isFalse();
        JsonNode example = new ObjectMapper().readTree("{\"text\": \"Да\", \"offered_products\": [\"AUD-BUDS-2\"],"
                + " \"promo_code\": \"SPRING10\", \"discount_percent\": 10.5}");
        assertThat(parser.parse(example.toString(), DRAFT).discountPercent()).isEqualByComparingTo("10.5");
    }
}

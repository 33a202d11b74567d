package dev.aihq.agents.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.agents.PromptTemplate;
import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.shop.Shop;
import dev.aihq.testkit.Fixtures;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Russian and Kazakh prompts, fragments and templates ship together and fit each other. */
class SalesResourcesTest {

    @Test
    void should_have_the_same_fragments_in_every_language() {
        // when
        SalesFragments ru = SalesFragments.of(SalesLanguage.RU);
        SalesFragments kk = SalesFragments.of(SalesLanguage.KK);

        // then
        assertThat(ru.keys()).isNotEmpty().containsExactlyInAnyOrderElementsOf(kk.keys());
        for (String key : ru.keys()) {
            assertThat(kk.text(key, anyValues())).as(key).isNotBlank();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sales-system.txt", "sales-purchase-user.txt", "sales-reply-user.txt"})
    void should_ask_for_the_same_placeholders_in_every_language(String prompt) {
        // when
        PromptTemplate ru = PromptTemplate.resource("/dev/aihq/agents/prompts/" + prompt);
        PromptTemplate kk = PromptTemplate.resource("/dev/aihq/agents/prompts/kk/" + prompt);

        // then
        assertThat(kk.placeholders()).containsExactlyInAnyOrderElementsOf(ru.placeholders());
    }

    @ParameterizedTest
    @ValueSource(strings = {"upsell", "repeat_sale", "thanks", "reply", "review", "review_discount"})
    void should_ship_every_message_template_in_kazakh_with_the_russian_placeholders(String name) {
        // given
        Shop russian = Fixtures.kaspiShop().build();
        Shop kazakh = Fixtures.kaspiShop().locale(Locale.forLanguageTag("kk-KZ")).build();

        // when
        PromptTemplate ru = SalesMessages.template(russian, name);
        PromptTemplate kk = SalesMessages.template(kazakh, name);

        // then
        assertThat(kk.placeholders()).containsExactlyInAnyOrderElementsOf(ru.placeholders());
        assertThat(kk.render(anyValues())).containsAnyOf("ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "і");
    }

    @Test
    void should_write_in_kazakh_when_the_customer_does_and_in_the_shops_language_otherwise() {
        // given
        Shop russian = Fixtures.kaspiShop().build();

        // then
        assertThat(SalesLanguage.of(russian, "Сәлеметсіз бе, бұл қанша тұрады?")).isEqualTo(SalesLanguage.KK);
        assertThat(SalesLanguage.of(russian, "Здравствуйте, сколько стоит?")).isEqualTo(SalesLanguage.RU);
        assertThat(SalesLanguage.of(russian, null)).isEqualTo(SalesLanguage.RU);
        assertThat(SalesLanguage.of(Fixtures.kaspiShop().locale(Locale.forLanguageTag("kk")).build()))
                .isEqualTo(SalesLanguage.KK);
    }

    @Test
    void should_name_the_resource_when_a_fragment_is_missing() {
        assertThatThrownBy(() -> SalesFragments.of(SalesLanguage.KK).text("no.such.fragment"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("no.such.fragment").hasMessageContaining("kk/sales-fragments.properties");
    }

    /** A value for any placeholder a resource may use. */
    private static Map<String, String> anyValues() {
        return new java.util.AbstractMap<>() {
            @Override
            public java.util.Set<Entry<String, String>> entrySet() {
                return java.util.Set.of();
            }

            @Override
            public String get(Object key) {
                return "x";
            }
        };
    }
}

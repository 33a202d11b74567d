package dev.aihq.channel.whatsapp.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WhatsAppTextTest {

    private static final String KAZAKH = "әғқңөұүһі ӘҒҚҢӨҰҮҺІ";

    @Test
    void should_wrap_markup_outside_edge_spaces_when_formatting() {
        assertThat(WhatsAppText.bold(" Скидка 10% ")).isEqualTo(" *Скидка 10%* ");
        assertThat(WhatsAppText.italic("курьер")).isEqualTo("_курьер_");
        assertThat(WhatsAppText.strikethrough("9 990 ₸")).isEqualTo("~9 990 ₸~");
        assertThat(WhatsAppText.monospace("A-123")).isEqualTo("```A-123```");
        assertThat(WhatsAppText.bold("  ")).isEqualTo("  ");
    }

    @Test
    void should_build_lists_one_item_a_line_when_items_hold_breaks() {
        assertThat(WhatsAppText.bulletList(List.of("Чехол", "Стекло\nзащитное"))).isEqualTo("- Чехол\n- Стекло защитное");
        assertThat(WhatsAppText.numberedList(List.of("один", "екі"))).isEqualTo("1. один\n2. екі");
    }

    @Test
    void should_leave_no_markup_marker_when_escaping_hostile_product_name() {
        // given
        String hostile = "*Скидка* _50%_ ~x~ ```code``` `y`";

        // when
        String escaped = WhatsAppText.escape(hostile);

        // then
        assertThat(escaped).doesNotContain("*", "_", "~", "`");
        assertThat(escaped).isEqualTo("∗Скидка∗ ＿50%＿ ∼x∼ ˋˋˋcodeˋˋˋ ˋyˋ");
        assertThat(WhatsAppText.bold(escaped)).startsWith("*∗Скидка∗").endsWith("ˋyˋ*");
        assertThat(escaped.replace('∗', '*').replace('＿', '_').replace('∼', '~').replace('ˋ', '`')).isEqualTo(hostile);
    }

    @Test
    void should_neutralise_quote_and_keep_lists_as_text_when_user_text_has_lines() {
        assertThat(WhatsAppText.escape("> цитата\n  > ещё\nа > б")).isEqualTo("› цитата\n  › ещё\nа > б");
        assertThat(WhatsAppText.escape("* пункт")).isEqualTo("∗ пункт");
    }

    @Test
    void should_keep_emoji_and_kazakh_letters_untouched_in_every_function() {
        String text = "Рахмет! 👍🏽 👨‍👩‍👧 🇰🇿 " + KAZAKH;
        assertThat(WhatsAppText.escape(text)).isEqualTo(text);
        assertThat(WhatsAppText.stripHtml(text)).isEqualTo(text);
        assertThat(WhatsAppText.fromMarkdown(text)).isEqualTo(text);
        assertThat(WhatsAppText.fitToLimit(text)).isEqualTo(text);
        assertThat(TemplateText.flatten(text)).isEqualTo(text);
    }

    @Test
    void should_strip_tags_and_decode_entities_when_given_html() {
        // given
        String html = "<p>Чехол &laquo;Қорғаныс&raquo; &amp; стекло</p><!-- hidden --><script>alert(1)</script>"
                + "<ul><li>Цвет: <b>қара</b></li><li>Цена&nbsp;&mdash; 5&#160;000&nbsp;₸ &#x1F600; &#1178;</li></ul>"
                + "<br/>5 < 6 &unknown; <style>p{}</style>";

        // when
        String text = WhatsAppText.stripHtml(html);

        // then
        assertThat(text).isEqualTo("Чехол «Қорғаныс» & стекло\n\n- Цвет: қара\n- Цена\u00A0— 5\u00A0000\u00A0₸ 😀 Қ\n\n5 < 6 &unknown;");
        assertThat(text).doesNotContain("<p>", "<b>", "alert", "hidden", "p{}");
    }

    @Test
    void should_keep_escaped_tags_as_text_when_entities_encode_them() {
        assertThat(WhatsAppText.stripHtml("&lt;b&gt;не тег&lt;/b&gt;")).isEqualTo("<b>не тег</b>");
    }

    @Test
    void should_convert_model_markdown_to_whatsapp_markup() {
        // given
        String markdown = "## Ваш заказ\n**Чехол** и ~~старая цена~~ __новая__\n* один\n+ два\n---\n"
                + "[Смотреть](https://kaspi.kz/p/1) https://kaspi.kz\n```java\nx\n```";

        // when
        String text = WhatsAppText.fromMarkdown(markdown);

        // then
        assertThat(text).isEqualTo("*Ваш заказ*\n*Чехол* и ~старая цена~ *новая*\n- один\n- два\n"
                + "Смотреть (https://kaspi.kz/p/1) https://kaspi.kz\n```\nx\n```");
    }

    @Test
    void should_return_text_unchanged_when_exactly_at_limit() {
        String text = "а".repeat(WhatsAppText.MAX_TEXT_LENGTH);
        assertThat(WhatsAppText.fitToLimit(text)).isSameAs(text);
    }

    @Test
    void should_cut_at_word_boundary_with_ellipsis_when_one_over_limit() {
        // given
        String text = "слово ".repeat(682) + "конец"; // 4097 characters

        // when
        String fitted = WhatsAppText.fitToLimit(text);

        // then
        assertThat(text).hasSize(4097);
        assertThat(fitted.length()).isLessThanOrEqualTo(4096);
        assertThat(fitted).endsWith("слово…").doesNotContain("конец");
    }

    @Test
    void should_cut_hard_on_a_code_point_when_text_has_no_spaces() {
        String fitted = WhatsAppText.truncate("абвгдеёжз", 5);
        assertThat(fitted).isEqualTo("абвг…");
    }

    @ParameterizedTest
    @ValueSource(strings = {"😀", "👍🏽", "👨‍👩‍👧", "🇰🇿", "é", "1️⃣"})
    void should_never_split_an_emoji_or_combined_character_when_truncating(String cluster) {
        for (int max = 1; max <= 40; max++) {
            // given
            String text = cluster.repeat(30);

            // when
            String cut = WhatsAppText.truncate(text, max);

            // then
            assertThat(cut.length()).isLessThanOrEqualTo(max);
            String body = cut.endsWith("…") ? cut.substring(0, cut.length() - 1) : cut;
            assertThat(body.length() % cluster.length()).as("cut %s at %d", cluster, max).isZero();
            assertThat(text).startsWith(body);
        }
    }

    @Test
    void should_reject_a_limit_below_one() {
        assertThatThrownBy(() -> WhatsAppText.truncate("x", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxLength");
    }
}

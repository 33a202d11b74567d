package dev.aihq.agents.legal.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.agents.sales.SalesLanguage;
import dev.aihq.api.error.ConfigurationException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LegalTemplatesTest {

    private static final LegalTemplates SHIPPED = LegalTemplates.shipped();

    /** §4 of the legal reference: the numbered sections of each template, in order, between header and attachments. */
    private static final Map<String, List<String>> SECTIONS = Map.of(
            "T1", List.of("measure", "facts", "grounds", "recalculation", "request", "corrective_steps"),
            "T2", List.of("receipt", "damage", "evidence", "packaging", "amount"),
            "T3", List.of("product", "answer", "documents", "corrections", "request"),
            "T4", List.of("ground", "facts", "objection", "proportionality", "request"),
            "T5", List.of("cited_rule", "proof", "request", "appeal_window"),
            "T6", List.of("contract", "facts", "grounds", "demand_amount", "answer_deadline", "court_notice"),
            "T7", List.of("buyer_demand", "checked_facts", "decision", "legal_basis", "next_steps", "contact"),
            "T8", List.of("goods", "checker", "payment", "buyer_rights", "outcome"),
            "T9", List.of("penalty", "consequences", "proportion", "exceptional", "demand_amount", "evidence"));

    @Test
    void theNineTemplatesLoadWithHeaderFirstAndAttachmentsAndSignatureLast() {
        assertThat(SHIPPED.ids()).containsExactly("T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9");
        assertThat(LegalTemplates.shipped()).isSameAs(SHIPPED);
        for (String id : SHIPPED.ids()) {
            LegalTemplates.Template template = SHIPPED.template(id);
            List<String> ids = template.sections().stream().map(LegalTemplates.Section::id).toList();
            assertThat(ids.get(0)).as(id).isEqualTo("header");
            assertThat(ids.subList(ids.size() - 2, ids.size())).as(id).containsExactly("attachments", "signature");
            assertThat(ids.subList(1, ids.size() - 2)).as(id).containsExactlyElementsOf(SECTIONS.get(id));
            assertThat(template.title(SalesLanguage.RU)).isNotBlank();
            assertThat(template.title(SalesLanguage.KK)).isNotBlank().isNotEqualTo(template.title(SalesLanguage.RU));
            assertThat(template.requiredHeadings(SalesLanguage.RU)).contains("Реквизиты сторон", "Приложения", "Подпись");
            assertThat(template.requiredHeadings(SalesLanguage.KK)).contains("Қосымшалар", "Қолы");
            assertThat(template.headings(SalesLanguage.RU)).doesNotHaveDuplicates();
            assertThat(template.headings(SalesLanguage.KK)).doesNotHaveDuplicates();
        }
        assertThat(SHIPPED.template("T1").addressee()).isEqualTo("marketplace");
        assertThat(SHIPPED.template("T7").addressee()).isEqualTo("buyer");
        assertThat(SHIPPED.template("T8").addressee()).isEqualTo("buyer");
        assertThat(SHIPPED.template("T9").addressee()).isEqualTo("court");
    }

    @Test
    void optionalSectionsAreLeftOutOfTheRequiredHeadings() {
        LegalTemplates.Template t5 = SHIPPED.template("T5");
        assertThat(t5.section("appeal_window").required()).isFalse();
        assertThat(t5.requiredHeadings(SalesLanguage.RU)).doesNotContain(t5.section("appeal_window")
                .heading(SalesLanguage.RU)).hasSize(t5.sections().size() - 1);
    }

    @Test
    void anUnknownTemplateIdNamesTheKnownOnes() {
        assertThatThrownBy(() -> SHIPPED.template("T10")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("T10").hasMessageContaining("T1, T2");
    }

    private static final String SECTIONS_OK = """
            {"id": "header", "heading": {"ru": "Шапка", "kk": "Деректемелер"}, "required": true},
            {"id": "measure", "heading": {"ru": "Мера", "kk": "Шара"}, "required": true},
            {"id": "attachments", "heading": {"ru": "Приложения", "kk": "Қосымшалар"}, "required": true},
            {"id": "signature", "heading": {"ru": "Подпись", "kk": "Қолы"}, "required": true}""";

    private static LegalTemplates read(String templateBody) {
        String json = "{\"version\": 1, \"templates\": [" + templateBody + "]}";
        return LegalTemplates.read("test.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static String template(String id, String extra, String sections) {
        return "{\"id\": \"" + id + "\", \"addressee\": \"marketplace\"" + extra
                + ", \"title\": {\"ru\": \"Т\", \"kk\": \"Т\"}, \"sections\": [" + sections + "]}";
    }

    @Test
    void aValidFileReads() {
        LegalTemplates t = read(template("X1", "", SECTIONS_OK));
        assertThat(t.ids()).containsExactly("X1");
        assertThat(t.template("X1").requiredHeadings(SalesLanguage.KK))
                .containsExactly("Деректемелер", "Шара", "Қосымшалар", "Қолы");
    }

    @Test
    void anUnknownFieldNamesTheTemplateAndTheField() {
        assertThatThrownBy(() -> read(template("X1", ", \"adressee\": \"buyer\"", SECTIONS_OK)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("test.json").hasMessageContaining("template X1")
                .hasMessageContaining("unknown field 'adressee'");
        assertThatThrownBy(() -> read(template("X1", "",
                SECTIONS_OK.replace("\"id\": \"measure\",", "\"id\": \"measure\", \"note\": 1,"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("template X1").hasMessageContaining("section measure")
                .hasMessageContaining("unknown field 'note'");
    }

    @Test
    void aMissingHeadingNamesTheTemplateSectionAndField() {
        assertThatThrownBy(() -> read(template("X1", "",
                SECTIONS_OK.replace("{\"ru\": \"Мера\", \"kk\": \"Шара\"}", "{\"ru\": \"Мера\"}"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("template X1").hasMessageContaining("section measure")
                .hasMessageContaining("heading").hasMessageContaining("'kk'");
        assertThatThrownBy(() -> read(template("X1", "",
                SECTIONS_OK.replace("\"heading\": {\"ru\": \"Мера\", \"kk\": \"Шара\"}, ", ""))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("template X1").hasMessageContaining("field 'heading' is missing");
    }

    @Test
    void duplicateIdsAreRefused() {
        assertThatThrownBy(() -> read(template("X1", "", SECTIONS_OK.replace("\"id\": \"measure\"", "\"id\": \"header\""))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("template X1").hasMessageContaining("section header")
                .hasMessageContaining("'id' is a duplicate");
        assertThatThrownBy(() -> read(template("X1", "", SECTIONS_OK) + "," + template("X1", "", SECTIONS_OK)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("template X1").hasMessageContaining("'id' is a duplicate");
    }

    @Test
    void everyTemplateNeedsTheSharedSectionsAndAKnownAddressee() {
        assertThatThrownBy(() -> read(template("X1", "", SECTIONS_OK.substring(0, SECTIONS_OK.lastIndexOf(",\n")))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("template X1").hasMessageContaining("'signature'");
        assertThatThrownBy(() -> read(template("X1", "", SECTIONS_OK).replace("\"marketplace\"", "\"bank\"")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("template X1").hasMessageContaining("addressee");
        assertThatThrownBy(() -> read(template("X1", "", SECTIONS_OK.replace("\"required\": true}", "\"required\": \"yes\"}"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("template X1").hasMessageContaining("required");
        assertThatThrownBy(() -> read(template("X1", "", SECTIONS_OK).replace("\"title\": {\"ru\": \"Т\", \"kk\": \"Т\"}",
                "\"title\": {\"ru\": \"Т\", \"kk\": \" \"}")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("template X1").hasMessageContaining("title");
        assertThatThrownBy(() -> LegalTemplates.read("broken.json",
                new ByteArrayInputStream("{".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("broken.json");
    }
}

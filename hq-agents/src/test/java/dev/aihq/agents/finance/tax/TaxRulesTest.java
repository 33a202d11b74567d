package dev.aihq.agents.finance.tax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.error.ConfigurationException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaxRulesTest {

    private static final String RULE = "{\"key\": \"x.rate_percent\", \"value\": \"4\", \"rule_id\": \"x.rate\", "
            + "\"effective_from\": \"2026-01-01\", \"effective_to\": \"2026-12-31\", \"source\": \"Art. 1\", "
            + "\"status\": \"confirmed\"}";

    @Test
    void should_load_every_shipped_file_with_sources_and_statuses() {
        List<TaxRuleSet> sets = TaxRules.shipped();

        assertThat(sets).extracting(s -> s.country() + "-" + s.taxYear())
                .containsExactly("KZ-2025", "KZ-2026", "RU-2025", "RU-2026");
        for (TaxRuleSet set : sets) {
            assertThat(set.rules().values()).allSatisfy(rule -> {
                assertThat(rule.source()).isNotBlank();
                assertThat(rule.effectiveFrom().getYear()).isEqualTo(set.taxYear());
            });
        }
        assertThat(sets.get(1).rule("mrp_kzt").decimal()).isEqualByComparingTo("4325");
        assertThat(sets.get(3).rule("usn.income_limit_rub").decimal()).isEqualByComparingTo("490500000");
    }

    @Test
    void should_parse_a_valid_file() {
        TaxRuleSet set = parse(file(RULE));

        assertThat(set.rule("x.rate_percent").decimal()).isEqualByComparingTo("4");
        assertThat(set.find("y")).isEmpty();
        assertThatThrownBy(() -> set.rule("y")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("T.json: rule 'y' is missing for KZ 2026");
    }

    @Test
    void should_name_the_file_and_field_of_a_missing_field() {
        assertThatThrownBy(() -> parse(file(RULE.replace("\"source\": \"Art. 1\", ", ""))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("T.json: rule 'x.rate_percent' is missing field 'source'");
        assertThatThrownBy(() -> parse("{\"country\": \"KZ\", \"currency\": \"KZT\", \"rules\": []}"))
                .hasMessageContaining("T.json: field 'tax_year'");
    }

    @Test
    void should_refuse_bad_values() {
        assertThatThrownBy(() -> parse(file(RULE.replace("\"4\"", "\"four\""))))
                .hasMessageContaining("rule 'x.rate_percent' field 'value' must be a decimal, got 'four'");
        assertThatThrownBy(() -> parse(file(RULE.replace("\"confirmed\"", "\"unconfirmed\""))))
                .hasMessageContaining("is unconfirmed and needs field 'note'");
        assertThatThrownBy(() -> parse(file(RULE.replace("\"confirmed\"", "\"maybe\""))))
                .hasMessageContaining("field 'status' must be confirmed or unconfirmed");
        assertThatThrownBy(() -> parse(file(RULE.replace("2026-12-31", "2027-12-31"))))
                .hasMessageContaining("outside tax year 2026");
        assertThatThrownBy(() -> parse(file(RULE + ", " + RULE))).hasMessageContaining("defined twice");
        assertThatThrownBy(() -> parse(file(RULE.replace("\"value\": \"4\"", "\"value\": \"4\", \"day\": 3"))))
                .hasMessageContaining("needs either field 'value' or fields 'months_after_period_end' and 'day'");
        assertThatThrownBy(() -> parse(file(RULE.replace("\"value\": \"4\"", "\"months_after_period_end\": 2, \"day\": 32"))))
                .hasMessageContaining("day must be 1 to 31");
        assertThatThrownBy(() -> parse(file(RULE.replace("\"rule_id\"", "\"rule\""))))
                .hasMessageContaining("unknown field 'rule'");
        assertThatThrownBy(() -> parse("{not json")).hasMessageContaining("T.json: not valid JSON");
    }

    private static String file(String rules) {
        return "{\"country\": \"KZ\", \"tax_year\": 2026, \"currency\": \"KZT\", \"rules\": [" + rules + "]}";
    }

    private static TaxRuleSet parse(String json) {
        return TaxRules.parse("T.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}

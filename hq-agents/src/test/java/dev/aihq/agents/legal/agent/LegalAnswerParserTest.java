package dev.aihq.agents.legal.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.error.AgentException;
import dev.aihq.api.legal.LegalSourceStatus;
import dev.aihq.api.result.CanContest;
import dev.aihq.api.result.LegalAssessment;
import dev.aihq.api.result.LegalSource;
import dev.aihq.api.result.RiskLevel;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The model's answer is untrusted input: exactly the fields, the right kinds, bounded, nothing else. */
class LegalAnswerParserTest {

    private static final OffsetDateTime DEADLINE = OffsetDateTime.parse("2026-03-12T23:59:59+05:00");
    private static final LegalAssessment DRAFT = LegalAssessment.builder()
            .analysis("черновик").document("ЧЕРНОВИК\nтекст").recommendation("шаги").riskLevel(RiskLevel.LOW)
            .canContest(CanContest.YES).deadline(DEADLINE, true, "Срок установлен официальным источником")
            .sources(List.of(new LegalSource("KZ.CPL.42-4", "Ответ на претензию", "https://adilet.zan.kz",
                    LegalSourceStatus.OFFICIAL)))
            .template("T7", true).notes(List.of("note")).build();

    private final LegalAnswerParser parser = new LegalAnswerParser();

    private static String answer(String risk, String deadline, String sources) {
        return "{\"analysis\": \"Разбор\", \"document\": \"Ответ на претензию\", \"recommendation\": \"Отправить\","
                + " \"risk_level\": \"" + risk + "\", \"can_contest\": \"yes\", \"deadline\": " + deadline + ","
                + " \"deadline_official\": true, \"sources\": " + sources + "}";
    }

    @Test
    void takes_the_texts_keeps_the_stated_decisions_and_puts_the_drafts_sources_first() {
        LegalAssessment parsed = parser.parse("```json\n" + answer("HIGH", "\"2026-03-12T23:59:59+05:00\"",
                "[\"KZ.CPL.42-4\", \"KZ.CPL.30.1\"]") + "\n```", DRAFT);

        assertThat(parsed.analysis()).isEqualTo("Разбор");
        assertThat(parsed.riskLevel()).isEqualTo(RiskLevel.HIGH);
        assertThat(parsed.deadline()).isEqualTo(DEADLINE);
        assertThat(parsed.templateDraft()).isFalse();
        assertThat(parsed.template()).isEqualTo("T7");
        assertThat(parsed.notes()).containsExactly("note");
        assertThat(parsed.sources()).extracting(LegalSource::ruleId).containsExactly("KZ.CPL.42-4", "KZ.CPL.30.1");
        assertThat(parsed.sources().get(1).status()).as("unknown until the pipeline maps it")
                .isEqualTo(LegalSourceStatus.UNCONFIRMED);
    }

    @Test
    void reads_an_empty_deadline_as_none() {
        LegalAssessment noDeadline = DRAFT.toBuilder().deadline(null, false, null).sources(List.of()).build();
        String text = answer("low", "\"\"", "[]").replace("\"deadline_official\": true", "\"deadline_official\": false");

        assertThat(parser.parse(text, noDeadline).deadline()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not JSON|Вот мой ответ|not JSON",
        "an array|[1, 2]|not a JSON object",
        "an extra field|{\"analysis\": \"a\", \"extra\": 1}|unknown field \"extra\"",
        "a blank analysis|{\"analysis\": \" \"}|\"analysis\" must be a non-blank string",
        "a risk out of range|RISK:catastrophic|\"risk_level\" must be low, medium or high",
        "a deadline without offset|DEADLINE:\"2026-03-12T23:59\"|not an ISO date-time with an offset",
        "sources not an array|SOURCES:\"KZ.CPL.42-4\"|\"sources\" must be an array",
        "an official deadline without an official source|OFFICIAL|inconsistent"})
    void refuses_with_a_reason_the_model_can_act_on(String name, String text, String reason) {
        String body = switch (text.split(":")[0]) {
            case "RISK" -> answer(text.substring(5), "\"2026-03-12T23:59:59+05:00\"", "[]");
            case "DEADLINE" -> answer("low", text.substring(9), "[]");
            case "SOURCES" -> answer("low", "\"2026-03-12T23:59:59+05:00\"", text.substring(8));
            case "OFFICIAL" -> answer("low", "\"2026-03-12T23:59:59+05:00\"", "[]");
            default -> text;
        };
        LegalAssessment draft = text.equals("OFFICIAL") ? DRAFT.toBuilder().deadline(null, false, null)
                .sources(List.of()).build() : DRAFT;

        assertThatThrownBy(() -> parser.parse(body, draft)).isInstanceOf(AgentException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void refuses_texts_over_their_bounds_and_too_many_sources() {
        String longDocument = answer("low", "\"\"", "[]").replace("\"Ответ на претензию\"",
                "\"" + "а".repeat(LegalAnswerParser.MAX_DOCUMENT + 1) + "\"");
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i <= LegalAnswerParser.MAX_SOURCES; i++) {
            many.append(i == 0 ? "" : ",").append("\"KZ.X.").append(i).append('"');
        }

        assertThatThrownBy(() -> parser.parse(longDocument, DRAFT)).hasMessageContaining("\"document\" must be at most");
        assertThatThrownBy(() -> parser.parse(answer("low", "\"\"", many + "]"), DRAFT))
                .hasMessageContaining("at most " + LegalAnswerParser.MAX_SOURCES);
    }
}

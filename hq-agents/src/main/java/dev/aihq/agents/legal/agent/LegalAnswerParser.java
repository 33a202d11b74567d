package dev.aihq.agents.legal.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.agents.ResultParser;
import dev.aihq.api.error.AgentException;
import dev.aihq.api.legal.LegalSourceStatus;
import dev.aihq.api.result.CanContest;
import dev.aihq.api.result.LegalAssessment;
import dev.aihq.api.result.LegalSource;
import dev.aihq.api.result.RiskLevel;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * Reads the model's answer as untrusted input: a JSON object with exactly the fields {@code analysis},
 * {@code document}, {@code recommendation} (non-blank, bounded), {@code risk_level}, {@code can_contest},
 * {@code deadline} (ISO date-time with offset, or {@code null}), {@code deadline_official} and {@code sources}
 * (the rule ids the texts rest on). The decisions the model states are kept as stated, so that
 * {@link LegalOutputCheck} can reject an answer that changes them; the sources are the draft's followed by each
 * other id the answer lists, kept with status {@code unconfirmed} and an empty url until the pipeline maps it to a
 * retrieved passage (an id that is none is rejected by the check). The
 * deadline's note, the template, the document problems and the notes are the draft's. Thread-safe.
 */
public final class LegalAnswerParser implements ResultParser<LegalAssessment> {

    /** The longest analysis, in characters. */
    public static final int MAX_ANALYSIS = 8_000;
    /** The longest document, in characters. */
    public static final int MAX_DOCUMENT = 30_000;
    /** The longest recommendation, in characters. */
    public static final int MAX_RECOMMENDATION = 4_000;
    /** The most sources an answer may list. */
    public static final int MAX_SOURCES = 30;

    private static final Set<String> FIELDS = Set.of("analysis", "document", "recommendation", "risk_level",
            "can_contest", "deadline", "deadline_official", "sources");

    /** The JSON schema of the answer, for models that support a response format. */
    public static final JsonSchema SCHEMA = JsonSchema.builder()
            .name("legal_assessment")
            .rootElement(JsonObjectSchema.builder()
                    .addStringProperty("analysis", "the analysis of the situation")
                    .addStringProperty("document", "the full text of the document, with every section of the template")
                    .addStringProperty("recommendation", "what the seller should do next")
                    .addStringProperty("risk_level", "low, medium or high, as the rule layer decided")
                    .addStringProperty("can_contest", "yes, no, partial or not_determined, as the rule layer decided")
                    .addProperty("deadline", JsonStringSchema.builder()
                            .description("the deadline exactly as given, or an empty string when there is none")
                            .build())
                    .addProperty("deadline_official", new JsonBooleanSchema())
                    .addProperty("sources", JsonArraySchema.builder()
                            .description("the rule ids the texts rest on, from the given sources only")
                            .items(new JsonStringSchema())
                            .build())
                    .required("analysis", "document", "recommendation", "risk_level", "can_contest", "deadline",
                            "deadline_official", "sources")
                    .additionalProperties(false)
                    .build())
            .build();

    /** Creates the parser. */
    public LegalAnswerParser() {}

    @Override
    public LegalAssessment parse(String modelText, LegalAssessment draft) {
        JsonNode root = ResultParser.jsonObject(modelText, FIELDS);
        String analysis = text(root, "analysis", MAX_ANALYSIS);
        String document = text(root, "document", MAX_DOCUMENT);
        String recommendation = text(root, "recommendation", MAX_RECOMMENDATION);
        RiskLevel risk = risk(word(root, "risk_level"));
        CanContest canContest = canContest(word(root, "can_contest"));
        OffsetDateTime deadline = deadline(root);
        JsonNode official = root.get("deadline_official");
        if (official == null || !official.isBoolean()) {
            throw new AgentException("\"deadline_official\" must be true or false");
        }
        Map<String, LegalSource> known = new LinkedHashMap<>();
        draft.sources().forEach(s -> known.put(s.ruleId(), s));
        // The draft's sources (the rules the decisions rest on) stay whatever the answer lists; cited ones follow.
        List<LegalSource> sources = new ArrayList<>(draft.sources());
        for (String id : sourceIds(root)) {
            if (known.containsKey(id)) {
                continue;
            }
            sources.add(new LegalSource(id, "", "", LegalSourceStatus.UNCONFIRMED));
        }
        try {
            return draft.toBuilder().analysis(analysis).document(document).recommendation(recommendation)
                    .riskLevel(risk).canContest(canContest)
                    .deadline(deadline, official.booleanValue(),
                            deadline == null ? null : Objects.requireNonNullElse(draft.deadlineNote(),
                                    "stated by the model; no deadline was computed"))
                    .sources(sources).template(draft.template(), false).build();
        } catch (IllegalArgumentException e) {
            throw new AgentException("the answer is inconsistent: " + e.getMessage());
        }
    }

    private static String text(JsonNode root, String field, int max) {
        JsonNode node = root.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new AgentException("\"" + field + "\" must be a non-blank string");
        }
        String value = node.asText().strip();
        if (value.length() > max) {
            throw new AgentException("\"" + field + "\" must be at most " + max + " characters, got " + value.length());
        }
        return value;
    }

    private static String word(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isTextual()) {
            throw new AgentException("\"" + field + "\" must be a string");
        }
        return node.asText().strip().toLowerCase(Locale.ROOT);
    }

    private static RiskLevel risk(String value) {
        for (RiskLevel level : RiskLevel.values()) {
            if (level.wireValue().equals(value)) {
                return level;
            }
        }
        throw new AgentException("\"risk_level\" must be low, medium or high, got \"" + value + "\"");
    }

    private static CanContest canContest(String value) {
        for (CanContest c : CanContest.values()) {
            if (c.wireValue().equals(value)) {
                return c;
            }
        }
        throw new AgentException("\"can_contest\" must be yes, no, partial or not_determined, got \"" + value + "\"");
    }

    private static @Nullable OffsetDateTime deadline(JsonNode root) {
        JsonNode node = root.get("deadline");
        if (node == null || node.isNull() || node.isTextual() && node.asText().isBlank()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new AgentException("\"deadline\" must be an ISO date-time string, an empty string or null");
        }
        try {
            return OffsetDateTime.parse(node.asText().strip());
        } catch (DateTimeParseException e) {
            throw new AgentException("\"deadline\" is not an ISO date-time with an offset: \"" + node.asText() + "\"");
        }
    }

    private static List<String> sourceIds(JsonNode root) {
        JsonNode items = root.get("sources");
        if (items == null || !items.isArray() || items.size() > MAX_SOURCES) {
            throw new AgentException("\"sources\" must be an array of at most " + MAX_SOURCES + " rule ids");
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.isTextual() || item.asText().isBlank() || item.asText().strip().length() > 64) {
                throw new AgentException("sources[" + i + "] must be a rule id of 1-64 characters");
            }
            String id = item.asText().strip();
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

}

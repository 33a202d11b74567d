package dev.aihq.agents.finance.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.agents.ResultParser;
import dev.aihq.api.error.AgentException;
import dev.aihq.api.result.FinanceReport;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the model's answer, {@code {"recommendations": ["...", ...]}}, as untrusted input: 1–{@value #MAX_ITEMS}
 * non-blank sentences of at most {@value #MAX_LENGTH} characters, nothing else. Only the recommendations are
 * taken; every number of the report stays the draft's. The numbers the sentences state are checked afterwards
 * ({@link FinanceReports#check}). Thread-safe.
 */
public final class FinanceNarrativeParser implements ResultParser<FinanceReport> {

    /** The most recommendations taken. */
    public static final int MAX_ITEMS = 8;

    /** The longest recommendation, in characters. */
    public static final int MAX_LENGTH = 600;

    /** The JSON schema of the answer, for models that support a response format. */
    public static final JsonSchema SCHEMA = JsonSchema.builder()
            .name("finance_narrative")
            .rootElement(JsonObjectSchema.builder()
                    .addProperty("recommendations", JsonArraySchema.builder()
                            .description("recommendations to the shop owner, one or two sentences each")
                            .items(new JsonStringSchema())
                            .build())
                    .required("recommendations")
                    .additionalProperties(false)
                    .build())
            .build();

    /** Creates the parser. */
    public FinanceNarrativeParser() {}

    @Override
    public FinanceReport parse(String modelText, FinanceReport draft) {
        JsonNode root = ResultParser.jsonObject(modelText, Set.of("recommendations"));
        JsonNode items = root.get("recommendations");
        if (items == null || !items.isArray() || items.isEmpty() || items.size() > MAX_ITEMS) {
            throw new AgentException("\"recommendations\" must be an array of 1-" + MAX_ITEMS + " strings");
        }
        List<String> recommendations = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.isTextual() || item.asText().isBlank() || item.asText().length() > MAX_LENGTH) {
                throw new AgentException("recommendations[" + i + "] must be a non-blank string of at most "
                        + MAX_LENGTH + " characters");
            }
            recommendations.add(item.asText().strip());
        }
        return draft.toBuilder().recommendations(recommendations).narrative("model").build();
    }

}

package dev.aihq.agents.sales;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.agents.ResultParser;
import dev.aihq.api.error.AgentException;
import dev.aihq.api.result.SalesOffer;
import dev.aihq.pipeline.json.SdkJson;

/**
 * Reads the sales agent's model answer: a JSON object {@code {"text": "..."}}, optionally inside a
 * Markdown code fence. Only the text is taken from the model; the kind, offered products, promo code and
 * discount stay as code chose them in the draft. Anything else (not JSON, no {@code text} string, a
 * blank text, a leftover {@code {{placeholder}}}) is rejected with an {@link AgentException} naming the
 * problem. Thread-safe.
 */
public final class SalesOfferParser implements ResultParser<SalesOffer> {

    private static final int MAX_EXCERPT = 80;

    /** Creates the parser. */
    public SalesOfferParser() {}

    @Override
    public SalesOffer parse(String modelText, SalesOffer draft) {
        String json = unfence(modelText.strip());
        JsonNode root;
        try {
            root = SdkJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new AgentException("the answer is not JSON: " + excerpt(json));
        }
        if (root == null || !root.isObject()) {
            throw new AgentException("the answer is not a JSON object: " + excerpt(json));
        }
        JsonNode text = root.get("text");
        if (text == null || !text.isTextual()) {
            throw new AgentException("the answer has no \"text\" string");
        }
        String value = text.asText().strip();
        if (value.isEmpty()) {
            throw new AgentException("the answer's \"text\" is blank");
        }
        if (value.contains("{{")) {
            throw new AgentException("the answer's \"text\" contains an unfilled {{placeholder}}");
        }
        return draft.toBuilder().text(value).build();
    }

    private static String unfence(String text) {
        if (!text.startsWith("```")) {
            return text;
        }
        int firstLine = text.indexOf('\n');
        int end = text.lastIndexOf("```");
        if (firstLine < 0 || end <= firstLine) {
            return text;
        }
        return text.substring(firstLine + 1, end).strip();
    }

    private static String excerpt(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= MAX_EXCERPT ? "'" + line + "'" : "'" + line.substring(0, MAX_EXCERPT) + "…'";
    }
}

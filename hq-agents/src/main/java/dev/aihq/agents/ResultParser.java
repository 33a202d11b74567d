package dev.aihq.agents;

import dev.aihq.api.error.AgentException;
import java.util.function.Function;

/**
 * Turns a model's answer into an agent's result. Model output is untrusted input: a parser checks it
 * and throws {@link AgentException} naming the problem when it is not valid, and the agent then falls
 * back to its deterministic result.
 *
 * <p>The parser also gets the <em>draft</em>: the result code computed for the same context (the
 * agent's fallback). Facts (products, prices, promo codes, discounts) come from the draft; the model
 * contributes prose. Implementations are thread-safe.
 *
 * @param <R> the result type
 */
@FunctionalInterface
public interface ResultParser<R> {

    /**
     * Parses a model answer.
     *
     * @param modelText the model's answer text
     * @param draft the result computed by code for the same context
     * @return the result
     * @throws AgentException naming what is wrong with the answer
     */
    R parse(String modelText, R draft);

    /**
     * A parser that needs no draft.
     *
     * @param parse the parsing function; throws {@link AgentException} for invalid answers
     * @param <R> the result type
     * @return the parser
     */
    static <R> ResultParser<R> of(Function<String, R> parse) {
        return (text, draft) -> parse.apply(text);
    }

    /**
     * Takes a JSON answer out of a Markdown code fence, which some models add despite the instructions.
     *
     * @param text the model's answer, stripped
     * @return the fenced content, or the text as it is when it is not fenced
     */
    static String unfence(String text) {
        if (text.startsWith("```")) {
            int start = text.indexOf('\n');
            int end = text.lastIndexOf("```");
            if (start > 0 && end > start) {
                return text.substring(start + 1, end).strip();
            }
        }
        return text;
    }

    /**
     * Reads a model's answer as one JSON object with only the allowed fields, out of a code fence if the model added
     * one: the first check every structured answer gets.
     *
     * @param modelText the model's answer
     * @param allowedFields the fields the object may have
     * @return the object
     * @throws AgentException when the answer is not JSON, not an object, or has a field not allowed (named)
     */
    static com.fasterxml.jackson.databind.JsonNode jsonObject(String modelText, java.util.Set<String> allowedFields) {
        com.fasterxml.jackson.databind.JsonNode root;
        try {
            root = dev.aihq.pipeline.json.SdkJson.mapper().readTree(unfence(modelText.strip()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AgentException("the answer is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new AgentException("the answer is not a JSON object");
        }
        for (java.util.Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowedFields.contains(name)) {
                throw new AgentException("the answer has an unknown field \"" + name + "\" (allowed: "
                        + new java.util.TreeSet<>(allowedFields) + ")");
            }
        }
        return root;
    }
}

package dev.aihq.agents.sales;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.agents.ResultParser;
import dev.aihq.api.Sku;
import dev.aihq.api.error.AgentException;
import dev.aihq.api.result.SalesOffer;
import dev.aihq.pipeline.json.SdkJson;
import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonNullSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * Reads the sales agent's model answer, the JSON object described by {@link #SCHEMA}:
 *
 * <pre>{@code
 * {"text": "message to the customer", "offered_products": ["SKU", ...],
 *  "promo_code": "CODE" or null, "discount_percent": 10 or null}
 * }</pre>
 *
 * <p>The object may stand inside one Markdown code fence ({@code ```json ... ```}) and nothing else: prose
 * before or after the JSON, fields other than these four, a field of the wrong type (a number where a
 * string belongs, an offered product that is not a non-blank string, a discount not above 0 or above 100), a blank
 * {@code text} or one with a leftover {@code {{placeholder}}} is rejected with an {@link AgentException}
 * naming every problem found.
 *
 * <p>{@code text} is required. The other fields may be left out, as a model told only to answer
 * {@code {"text": ...}} does: a field left out keeps the draft's value (the products, promo code and
 * discount code chose); a field given replaces it, {@code null} clearing the promo code or discount. The
 * offer's kind is always the draft's. What the model chose is not trusted here beyond its shape: the
 * pipeline's guard checks every offered product, promo code and discount against the shop's catalog and
 * codes before anything is sent. Thread-safe.
 */
public final class SalesOfferParser implements ResultParser<SalesOffer> {

    /** The JSON schema of the answer, to send as the model's response format where it supports one. */
    public static final JsonSchema SCHEMA = JsonSchema.builder()
            .name("sales_offer")
            .rootElement(JsonObjectSchema.builder()
                    .addStringProperty("text", "the message to the customer")
                    .addProperty("offered_products", JsonArraySchema.builder()
                            .description("the SKUs of the products the message offers, possibly none")
                            .items(new JsonStringSchema())
                            .build())
                    .addProperty("promo_code", JsonAnyOfSchema.builder()
                            .description("the promo code the message carries, or null")
                            .anyOf(new JsonStringSchema(), new JsonNullSchema())
                            .build())
                    .addProperty("discount_percent", JsonAnyOfSchema.builder()
                            .description("the discount the message promises in percent, or null")
                            .anyOf(new JsonNumberSchema(), new JsonNullSchema())
                            .build())
                    .required("text", "offered_products", "promo_code", "discount_percent")
                    .additionalProperties(false)
                    .build())
            .build();

    private static final Set<String> FIELDS = Set.of("text", "offered_products", "promo_code", "discount_percent");
    private static final int MAX_EXCERPT = 80;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Creates the parser. */
    public SalesOfferParser() {}

    @Override
    public SalesOffer parse(String modelText, SalesOffer draft) {
        String json = unfence(modelText.strip());
        JsonNode root = readSingleValue(json);
        if (root == null || !root.isObject()) {
            throw new AgentException("the answer is not a JSON object: " + excerpt(json));
        }
        List<String> problems = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                unknown.add("\"" + name + "\"");
            }
        }
        if (!unknown.isEmpty()) {
            problems.add("the answer has unknown field" + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown)
                    + " (allowed: \"text\", \"offered_products\", \"promo_code\", \"discount_percent\")");
        }

        String text = text(root.get("text"), problems);
        List<Sku> products = root.has("offered_products")
                ? products(root.get("offered_products"), problems) : draft.offeredProducts();
        String promo = root.has("promo_code") ? promo(root.get("promo_code"), problems) : draft.promoCode();
        BigDecimal discount = root.has("discount_percent")
                ? discount(root.get("discount_percent"), problems) : draft.discountPercent();
        if (!problems.isEmpty() || text == null) {
            throw new AgentException(String.join("; ", problems));
        }
        return new SalesOffer(draft.kind(), text, products, promo, discount);
    }

    /** The one JSON value of the text; anything after it (prose, a second object) is rejected. */
    private static @Nullable JsonNode readSingleValue(String json) {
        try (JsonParser parser = SdkJson.mapper().createParser(json)) {
            // Trailing content is looked for here, to name it, rather than by the mapper.
            JsonNode root = SdkJson.mapper().reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readTree(parser);
            if (root != null && hasMore(parser)) {
                throw new AgentException("the answer has text after the JSON: " + excerpt(json));
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new AgentException("the answer is not JSON: " + excerpt(json));
        } catch (IOException e) {
            throw new AgentException("the answer could not be read: " + e.getMessage());
        }
    }

    private static boolean hasMore(JsonParser parser) throws IOException {
        try {
            return parser.nextToken() != null;
        } catch (JsonProcessingException e) {
            return true;
        }
    }

    private static @Nullable String text(@Nullable JsonNode text, List<String> problems) {
        if (text == null || !text.isTextual()) {
            problems.add("the answer has no \"text\" string");
            return null;
        }
        String value = text.asText().strip();
        if (value.isEmpty()) {
            problems.add("the answer's \"text\" is blank");
            return null;
        }
        if (value.contains("{{")) {
            problems.add("the answer's \"text\" contains an unfilled {{placeholder}}");
            return null;
        }
        return value;
    }

    private static List<Sku> products(JsonNode node, List<String> problems) {
        if (!node.isArray()) {
            problems.add("the answer's \"offered_products\" is not an array of strings");
            return List.of();
        }
        List<Sku> products = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual() || item.asText().isBlank()) {
                problems.add("the answer's \"offered_products\" has an item that is not a non-blank string: "
                        + excerpt(item.toString()));
                continue;
            }
            try {
                Sku sku = Sku.of(item.asText().strip());
                if (!products.contains(sku)) {
                    products.add(sku);
                }
            } catch (IllegalArgumentException e) {
                problems.add("the answer's \"offered_products\" has an invalid SKU " + excerpt(item.asText()));
            }
        }
        return products;
    }

    private static @Nullable String promo(JsonNode node, List<String> problems) {
        if (node.isNull()) {
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            problems.add("the answer's \"promo_code\" is not a non-blank string or null");
            return null;
        }
        return node.asText().strip();
    }

    private static @Nullable BigDecimal discount(JsonNode node, List<String> problems) {
        if (node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            problems.add("the answer's \"discount_percent\" is not a number or null");
            return null;
        }
        BigDecimal value = node.decimalValue();
        if (value.signum() <= 0 || value.compareTo(HUNDRED) > 0) {
            problems.add("the answer's \"discount_percent\" must be more than 0 and at most 100, got "
                    + value.toPlainString());
            return null;
        }
        return value;
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
        String after = text.substring(end + 3).strip();
        if (!after.isEmpty()) {
            // Prose after the closing fence: keep it, so that the check for text after the JSON names it.
            return text.substring(firstLine + 1, end).strip() + "\n" + after;
        }
        return text.substring(firstLine + 1, end).strip();
    }

    private static String excerpt(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= MAX_EXCERPT ? "'" + line + "'" : "'" + line.substring(0, MAX_EXCERPT) + "…'";
    }
}

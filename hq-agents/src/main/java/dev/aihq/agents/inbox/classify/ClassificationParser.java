package dev.aihq.agents.inbox.classify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.agents.ResultParser;
import dev.aihq.api.error.AgentException;
import dev.aihq.api.inbox.Classification;
import dev.aihq.api.inbox.ClassificationSource;
import dev.aihq.api.inbox.InboxEmotion;
import dev.aihq.api.inbox.InboxIntent;
import dev.aihq.api.inbox.InboxPriority;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a model's classification as untrusted input: a JSON object with exactly {@code intent} (one of the allowed
 * names), {@code emotion}, {@code priority} and {@code reason}; anything else is an {@link AgentException} naming
 * the field, and the classifier then falls back to its rules. Immutable and thread-safe.
 */
public final class ClassificationParser implements ResultParser<Classification> {

    /** The confidence given to a model's answer that passed the parser. */
    public static final double MODEL_CONFIDENCE = 0.8;

    private static final Set<String> FIELDS = Set.of("intent", "emotion", "priority", "reason");
    private static final int MAX_REASON = 150;

    /** The JSON schema of the answer, for models that support a response format. */
    public static final JsonSchema SCHEMA = JsonSchema.builder()
            .name("inbox_classification")
            .rootElement(JsonObjectSchema.builder()
                    .addStringProperty("intent", "one of the allowed intents")
                    .addEnumProperty("emotion", List.of("angry", "frustrated", "neutral", "happy"))
                    .addEnumProperty("priority", List.of("critical", "high", "normal"))
                    .addStringProperty("reason", "why, at most 150 characters")
                    .required("intent", "emotion", "priority", "reason")
                    .additionalProperties(false)
                    .build())
            .build();

    private final Set<String> intents;

    /**
     * Creates a parser that accepts the given intents.
     *
     * @param intents the allowed intents, at least one
     */
    public ClassificationParser(List<InboxIntent> intents) {
        if (intents.isEmpty()) {
            throw new IllegalArgumentException("at least one intent is needed");
        }
        this.intents = intents.stream().map(InboxIntent::name).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    public Classification parse(String modelText, Classification draft) {
        Objects.requireNonNull(modelText, "model text");
        JsonNode root = ResultParser.jsonObject(modelText, FIELDS);
        String intent = word(root, "intent");
        if (!intents.contains(intent)) {
            throw new AgentException("\"intent\" must be one of " + intents.stream().sorted().toList() + "; got \""
                    + abbreviate(intent) + "\"");
        }
        InboxEmotion emotion;
        InboxPriority priority;
        try {
            emotion = InboxEmotion.fromWire(word(root, "emotion"));
            priority = InboxPriority.fromWire(word(root, "priority"));
        } catch (IllegalArgumentException e) {
            throw new AgentException(e.getMessage());
        }
        JsonNode reason = root.get("reason");
        if (reason == null || !reason.isTextual()) {
            throw new AgentException("\"reason\" must be a string");
        }
        String why = reason.asText().strip();
        List<String> reasons = why.isEmpty() ? List.of()
                : List.of("model: " + (why.length() > MAX_REASON ? why.substring(0, MAX_REASON) : why));
        return new Classification(InboxIntent.of(intent), emotion, priority, ClassificationSource.MODEL,
                MODEL_CONFIDENCE, reasons);
    }

    private static String word(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new AgentException("\"" + field + "\" must be a non-empty string");
        }
        return node.asText().strip().toLowerCase(Locale.ROOT);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}

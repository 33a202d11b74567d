package dev.aihq.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * Reads and writes JSON with one {@link ObjectMapper} and turns every Jackson failure into a
 * {@link JsonFormatException} that names the JSON path, line and column of the problem and never quotes
 * the document. Thread-safe.
 *
 * <p>{@link #defaults()} uses {@link HqJson#mapper()}; {@link #of(ObjectMapper)} wraps a mapper of the
 * caller's (ideally one from {@link HqJson#newMapper()} with extra modules).
 */
public final class JsonCodec {

    private static final JsonCodec DEFAULTS = new JsonCodec(HqJson.mapper());
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*+\"|'[^']*+'");
    private static final Pattern PACKAGE_PREFIX = Pattern.compile("\\b(?:[a-z_$][\\w$]*+\\.)++");
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_$][\\w$-]*+");
    private static final Pattern TOKEN_IN_MESSAGE = Pattern.compile("JsonToken\\.([A-Z_]++)");
    private static final int MAX_PROBLEM_LENGTH = 200;

    private final ObjectMapper mapper;

    private JsonCodec(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /**
     * Returns the codec on the SDK's shared mapper.
     *
     * @return the default codec
     */
    public static JsonCodec defaults() {
        return DEFAULTS;
    }

    /**
     * Wraps a mapper.
     *
     * @param mapper the mapper, typically from {@link HqJson#newMapper()}
     * @return a codec using it
     */
    public static JsonCodec of(ObjectMapper mapper) {
        return new JsonCodec(mapper);
    }

    /**
     * Returns the wrapped mapper.
     *
     * @return the mapper
     */
    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * Writes a value as a JSON string.
     *
     * @param value the value
     * @return its JSON
     * @throws JsonFormatException if the value cannot be written
     */
    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw writeFailure(value, e);
        }
    }

    /**
     * Writes a value as UTF-8 encoded JSON.
     *
     * @param value the value
     * @return its JSON bytes
     * @throws JsonFormatException if the value cannot be written
     */
    public byte[] writeBytes(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw writeFailure(value, e);
        }
    }

    /**
     * Reads a UTF-8 JSON document as a value.
     *
     * @param json the document
     * @param type the type to read
     * @param <T> the type to read
     * @return the value, never {@code null}
     * @throws JsonFormatException if the document is empty, {@code null}, malformed or of another shape
     */
    public <T> T read(byte[] json, Class<T> type) {
        requireContent(json, type);
        try {
            return requireValue(mapper.readValue(json, type), type);
        } catch (IOException e) {
            throw readFailure(type, e);
        }
    }

    /**
     * Reads a JSON document as a value.
     *
     * @param json the document
     * @param type the type to read
     * @param <T> the type to read
     * @return the value, never {@code null}
     * @throws JsonFormatException if the document is empty, {@code null}, malformed or of another shape
     */
    public <T> T read(String json, Class<T> type) {
        return read(json.getBytes(StandardCharsets.UTF_8), type);
    }

    /**
     * Reads a UTF-8 JSON document as a generic value, e.g. {@code new TypeReference<List<OrderDto>>() {}}.
     *
     * @param json the document
     * @param type the type to read
     * @param <T> the type to read
     * @return the value, never {@code null}
     * @throws JsonFormatException if the document is empty, {@code null}, malformed or of another shape
     */
    public <T> T read(byte[] json, TypeReference<T> type) {
        requireContent(json, type.getType());
        try {
            return requireValue(mapper.readValue(json, type), type.getType());
        } catch (IOException e) {
            throw readFailure(type.getType(), e);
        }
    }

    /**
     * Reads a UTF-8 JSON document as a tree, for documents read field by field.
     *
     * @param json the document
     * @return the root node, never {@code null}
     * @throws JsonFormatException if the document is empty or malformed
     */
    public JsonNode readTree(byte[] json) {
        requireContent(json, JsonNode.class);
        try {
            return requireValue(mapper.readTree(json), JsonNode.class);
        } catch (IOException e) {
            throw readFailure(JsonNode.class, e);
        }
    }

    /**
     * Converts a tree (or part of one) to a value.
     *
     * @param node the node
     * @param type the type to read
     * @param <T> the type to read
     * @return the value, never {@code null}
     * @throws JsonFormatException if the node is {@code null} or of another shape
     */
    public <T> T treeToValue(JsonNode node, Class<T> type) {
        try {
            return requireValue(mapper.treeToValue(node, type), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw readFailure(type, e);
        }
    }

    private static void requireContent(byte[] json, Type type) {
        for (byte b : json) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return;
            }
        }
        throw new JsonFormatException("cannot read " + typeName(type) + " from JSON at $: the document is empty",
                "$", -1, -1, null);
    }

    private static <T> T requireValue(@Nullable T value, Type type) {
        if (value == null) {
            throw new JsonFormatException("cannot read " + typeName(type)
                    + " from JSON at $: the document is null", "$", 1, 1, null);
        }
        return value;
    }

    private static JsonFormatException writeFailure(Object value, JsonProcessingException e) {
        String path = e instanceof JsonMappingException ? pathOf((JsonMappingException) e) : "$";
        String problem = e instanceof InvalidDefinitionException
                ? "the type cannot be written as JSON: " + sanitise(e.getOriginalMessage())
                : sanitise(e.getOriginalMessage());
        return new JsonFormatException("cannot write " + typeName(value.getClass()) + " as JSON at " + path + ": "
                + problem, path, -1, -1, e);
    }

    private static JsonFormatException readFailure(Type type, Exception e) {
        String path = "$";
        int line = -1;
        int column = -1;
        String problem;
        if (e instanceof JsonProcessingException) {
            JsonProcessingException jpe = (JsonProcessingException) e;
            path = pathOf(jpe);
            JsonLocation location = jpe.getLocation();
            if (location != null) {
                line = location.getLineNr();
                column = location.getColumnNr();
            }
            problem = describe(jpe);
        } else {
            problem = sanitise(e.getMessage());
        }
        String where = line > 0 ? " (line " + line + ", column " + column + ")" : "";
        return new JsonFormatException("cannot read " + typeName(type) + " from JSON at " + path + where + ": "
                + problem, path, line, column, e);
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof JsonEOFException) {
            return "the document ends too early (truncated?)";
        }
        if (e instanceof StreamConstraintsException) {
            return "the document exceeds the read limits (nesting depth, number or string length)";
        }
        if (e instanceof InvalidFormatException) {
            InvalidFormatException ife = (InvalidFormatException) e;
            return "the value cannot be converted to " + typeName(ife.getTargetType());
        }
        if (e instanceof PropertyBindingException) {
            return "unexpected property '" + Masking.maskText(((PropertyBindingException) e).getPropertyName()) + "'";
        }
        if (e instanceof InvalidTypeIdException) {
            InvalidTypeIdException ite = (InvalidTypeIdException) e;
            return "missing or unknown type id for " + typeName(ite.getBaseType());
        }
        if (e instanceof MismatchedInputException) {
            MismatchedInputException mie = (MismatchedInputException) e;
            String found = foundToken(mie);
            Class<?> target = mie.getTargetType();
            String expected = target != null ? "expected " + typeName(target) : "unexpected JSON";
            return found.isEmpty() ? expected : expected + " but found " + found;
        }
        if (e instanceof ValueInstantiationException) {
            ValueInstantiationException vie = (ValueInstantiationException) e;
            Throwable cause = vie.getCause();
            String reason = cause != null && cause.getMessage() != null ? cause.getMessage() : "rejected by its constructor";
            return "cannot create " + typeName(vie.getType().getRawClass()) + ": " + sanitiseReason(reason);
        }
        if (e instanceof InvalidDefinitionException) {
            return "the type cannot be read from JSON: " + sanitise(e.getOriginalMessage());
        }
        if (e instanceof JsonMappingException) {
            return sanitise(e.getOriginalMessage());
        }
        return "not well-formed JSON: " + sanitise(e.getOriginalMessage());
    }

    private static String foundToken(MismatchedInputException e) {
        JsonToken token = null;
        Matcher named = TOKEN_IN_MESSAGE.matcher(String.valueOf(e.getOriginalMessage()));
        if (named.find()) {
            try {
                token = JsonToken.valueOf(named.group(1));
            } catch (IllegalArgumentException unknown) {
                token = null;
            }
        }
        if (token == null && e.getProcessor() instanceof JsonParser) {
            token = ((JsonParser) e.getProcessor()).currentToken();
        }
        if (token == null) {
            return "";
        }
        switch (token) {
            case START_OBJECT:
            case END_OBJECT:
            case FIELD_NAME:
                return "an object";
            case START_ARRAY:
            case END_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            default:
                return "";
        }
    }

    /** Builds {@code $.a.b[2].c} from the exception's reference chain or parser context. */
    private static String pathOf(JsonProcessingException e) {
        StringBuilder path = new StringBuilder("$");
        if (e instanceof JsonMappingException && !((JsonMappingException) e).getPath().isEmpty()) {
            List<JsonMappingException.Reference> references = ((JsonMappingException) e).getPath();
            for (JsonMappingException.Reference reference : references) {
                appendStep(path, reference.getFieldName(), reference.getIndex());
            }
        } else if (e.getProcessor() instanceof JsonParser) {
            Deque<JsonStreamContext> chain = new ArrayDeque<>();
            for (JsonStreamContext context = ((JsonParser) e.getProcessor()).getParsingContext();
                    context != null && !context.inRoot(); context = context.getParent()) {
                chain.push(context);
            }
            for (JsonStreamContext context : chain) {
                if (context.inArray()) {
                    appendStep(path, null, Math.max(context.getCurrentIndex(), 0));
                } else {
                    String name = context.getCurrentName();
                    if (name != null) {
                        appendStep(path, name, -1);
                    }
                }
            }
        }
        return path.toString();
    }

    private static void appendStep(StringBuilder path, @Nullable String fieldName, int index) {
        if (fieldName != null) {
            String name = Masking.maskText(fieldName);
            if (PLAIN_NAME.matcher(name).matches()) {
                path.append('.').append(name);
            } else {
                path.append("['").append(name.replace("'", "\\'")).append("']");
            }
        } else if (index >= 0) {
            path.append('[').append(index).append(']');
        }
    }

    /** Jackson's own wording without anything it quoted from the document. */
    private static String sanitise(@Nullable String message) {
        if (message == null || message.isBlank()) {
            return "malformed";
        }
        String firstLine = message.lines().findFirst().orElse("").strip();
        String withoutQuotes = QUOTED.matcher(firstLine).replaceAll("'…'");
        return shorten(Masking.maskText(withoutQuotes));
    }

    /** A validation message from the SDK's own types: already masked, masked again to be sure. */
    private static String sanitiseReason(String message) {
        return shorten(Masking.maskText(message.lines().findFirst().orElse("").strip()));
    }

    private static String shorten(String text) {
        return text.length() <= MAX_PROBLEM_LENGTH ? text : text.substring(0, MAX_PROBLEM_LENGTH) + "…";
    }

    private static String typeName(@Nullable Type type) {
        if (type == null) {
            return "value";
        }
        if (type instanceof Class<?>) {
            Class<?> raw = (Class<?>) type;
            return raw.isArray() ? typeName(raw.getComponentType()) + "[]" : raw.getSimpleName();
        }
        return PACKAGE_PREFIX.matcher(type.getTypeName()).replaceAll("");
    }
}

package dev.aihq.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import javax.annotation.Nullable;

/**
 * Reads the fields of one element of a marketplace's response leniently, as a report or export row is read: a
 * missing, {@code null} or blank field is {@code null}; a field of the wrong kind is reported to the caller's
 * {@link Problems} (naming the field's path and what was found) and read as {@code null}, so that one bad row is
 * reported and the rest of a page is kept. Numbers may come as JSON numbers or numeric strings. Not thread-safe: one
 * per element.
 */
public final class JsonFields {

    /** Where a reader reports a field it cannot read. */
    @FunctionalInterface
    public interface Problems {

        /**
         * Reports a field.
         *
         * @param path the field's path, e.g. {@code posting.order_date}
         * @param message what is wrong, with an excerpt of what was found
         */
        void report(String path, String message);
    }

    private static final int SHOWN = 40;

    private final Problems problems;

    /**
     * Creates a reader.
     *
     * @param problems where unreadable fields are reported
     */
    public JsonFields(Problems problems) {
        this.problems = Objects.requireNonNull(problems, "problems");
    }

    /**
     * Returns a field's value, or {@code null} when it is missing, {@code null} or a blank string.
     *
     * @param object the element
     * @param field the field's name
     * @return the value, or {@code null}
     */
    public static @Nullable JsonNode value(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull() || value.isTextual() && value.asText().isBlank()) {
            return null;
        }
        return value;
    }

    /**
     * Reads a text field; a number or boolean is read as its text, an object or array is reported.
     *
     * @param object the element
     * @param field the field's name
     * @param path the path reported
     * @return the text as sent, or {@code null}
     */
    public @Nullable String text(JsonNode object, String field, String path) {
        JsonNode value = value(object, field);
        if (value == null) {
            return null;
        }
        if (value.isContainerNode()) {
            problems.report(path, "expected text, got a JSON " + kind(value));
            return null;
        }
        return value.asText();
    }

    /**
     * Reads an exact number from a JSON number or a numeric string.
     *
     * @param object the element
     * @param field the field's name
     * @param path the path reported
     * @return the number, or {@code null}
     */
    public @Nullable BigDecimal number(JsonNode object, String field, String path) {
        JsonNode value = value(object, field);
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isTextual()) {
            try {
                return new BigDecimal(value.asText().strip());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problems.report(path, "not a number: " + shown(value));
        return null;
    }

    /**
     * Reads a whole number.
     *
     * @param object the element
     * @param field the field's name
     * @param path the path reported
     * @return the number, or {@code null}
     */
    public @Nullable Long integer(JsonNode object, String field, String path) {
        BigDecimal number = number(object, field, path);
        if (number == null) {
            return null;
        }
        try {
            return number.longValueExact();
        } catch (ArithmeticException e) {
            problems.report(path, "not a whole number: " + number.toPlainString());
            return null;
        }
    }

    /**
     * Reads a moment written as text, in the marketplace's own format.
     *
     * @param object the element
     * @param field the field's name
     * @param path the path reported
     * @param parse reads the text; throws {@link DateTimeException} for one it cannot read
     * @return the moment, or {@code null}
     */
    public @Nullable Instant instant(JsonNode object, String field, String path, Function<String, Instant> parse) {
        String text = text(object, field, path);
        if (text == null) {
            return null;
        }
        try {
            return parse.apply(text.strip());
        } catch (DateTimeException e) {
            problems.report(path, "not a date: " + shown(object.get(field)));
            return null;
        }
    }

    /**
     * Names a value's JSON kind for a message.
     *
     * @param value the value
     * @return e.g. {@code object}, {@code array}
     */
    public static String kind(JsonNode value) {
        return value.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /**
     * Shows a value in a message, cut at 40 characters.
     *
     * @param value the value
     * @return its JSON text, cut with an ellipsis
     */
    public static String shown(JsonNode value) {
        String text = value.toString();
        return text.length() > SHOWN ? text.substring(0, SHOWN) + "…" : text;
    }
}

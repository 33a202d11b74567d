package dev.aihq.pipeline.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.aihq.api.error.FieldError;
import dev.aihq.api.event.EventDate;
import dev.aihq.http.Masking;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * Reads the fields of a JSON body and collects every problem instead of stopping at the first, so a
 * sender fixes all of them in one round. Each read returns {@code null} after recording a problem (or
 * for an absent optional field); the caller checks {@link #errors()} once at the end.
 *
 * <p>Problems quote the offending value only when it is short (at most {@value #MAX_QUOTED} characters)
 * and the field is not sensitive, and the quote goes through {@link Masking#maskText(String)}, so a phone
 * number or a secret never comes back in an error.
 */
final class FieldReader {

    /** The longest value a problem quotes. */
    static final int MAX_QUOTED = 40;

    /** At most this many digits before the decimal point: no amount or figure needs more. */
    private static final int MAX_INTEGER_DIGITS = 18;
    /** At most this many digits after the decimal point. */
    private static final int MAX_FRACTION_DIGITS = 9;
    private static final Pattern DECIMAL_TEXT = Pattern.compile("[+-]?\\d{1,40}(\\.\\d{1,40})?");
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Za-z]{3}");
    private static final Pattern INTEGER_TEXT = Pattern.compile("[+-]?\\d{1,12}");

    private final List<FieldError> errors = new ArrayList<>();

    /**
     * Returns the problems found so far.
     *
     * @return the field errors, in the order found
     */
    List<FieldError> errors() {
        return errors;
    }

    /**
     * Records a problem.
     *
     * @param field the field's path
     * @param problem what is wrong
     */
    void error(String field, String problem) {
        errors.add(new FieldError(Masking.maskText(field), Masking.maskText(problem)));
    }

    /**
     * Shortens a sender's object key for a field path.
     *
     * @param key the key as sent
     * @return the key, cut after {@value #MAX_QUOTED} characters
     */
    static String key(String key) {
        return key.length() <= MAX_QUOTED ? key : key.substring(0, MAX_QUOTED) + "…";
    }

    /**
     * Joins a parent path and a field name: {@code items[1]} and {@code price} give {@code items[1].price}.
     *
     * @param parent the parent's path, empty for the root
     * @param name the field
     * @return the path
     */
    static String path(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    /**
     * Returns a field's value, or {@code null} when it is absent or JSON {@code null}.
     *
     * @param parent the object
     * @param name the field
     * @return the value, or {@code null}
     */
    static @Nullable JsonNode optional(JsonNode parent, String name) {
        JsonNode value = parent.get(name);
        return value == null || value.isNull() ? null : value;
    }

    /**
     * Returns a field's value, recording a problem when it is absent or {@code null}.
     *
     * @param parent the object
     * @param name the field
     * @param field the field's path for the problem
     * @return the value, or {@code null} after a problem
     */
    @Nullable JsonNode required(JsonNode parent, String name, String field) {
        JsonNode value = parent.get(name);
        if (value == null) {
            error(field, "is required");
            return null;
        }
        if (value.isNull()) {
            error(field, "must not be null");
            return null;
        }
        return value;
    }

    /**
     * Reads a string.
     *
     * @param value the value
     * @param field the field's path
     * @return the text, or {@code null} after a problem
     */
    @Nullable String string(JsonNode value, String field) {
        if (!value.isTextual()) {
            error(field, "must be a string, got " + describe(value));
            return null;
        }
        return value.textValue();
    }

    /**
     * Reads a string that is not blank.
     *
     * @param value the value
     * @param field the field's path
     * @return the text, or {@code null} after a problem
     */
    @Nullable String nonBlankString(JsonNode value, String field) {
        String text = string(value, field);
        if (text != null && text.isBlank()) {
            error(field, "must not be blank");
            return null;
        }
        return text;
    }

    /**
     * Reads an identifier written as a string or an integer ({@code "KSP-1"} or {@code 512345678}).
     *
     * @param value the value
     * @param field the field's path
     * @param sensitive whether the value must never be quoted (a phone number)
     * @return the identifier as text, or {@code null} after a problem
     */
    @Nullable String stringOrInteger(JsonNode value, String field, boolean sensitive) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        error(field, "must be a string or an integer, got " + (sensitive ? kind(value) : describe(value)));
        return null;
    }

    /**
     * Reads an ISO 4217 currency code, case-insensitively.
     *
     * @return the currency, or {@code null} after recording the problem
     */
    @Nullable Currency currency(JsonNode value, String field) {
        String code = string(value, field);
        if (code == null) {
            return null;
        }
        String upper = code.strip().toUpperCase(Locale.ROOT);
        if (CURRENCY_CODE.matcher(upper).matches()) {
            try {
                return Currency.getInstance(upper);
            } catch (IllegalArgumentException e) {
                // not a currency the JDK knows: reported below
            }
        }
        error(field, "must be an ISO 4217 currency code such as KZT or RUB, got " + describe(value));
        return null;
    }

    /**
     * Reads an exact decimal written as a JSON number or a numeric string ({@code 1499.50} or
     * {@code "1499.50"}).
     *
     * @param value the value
     * @param field the field's path
     * @return the number, or {@code null} after a problem
     */
    @Nullable BigDecimal decimal(JsonNode value, String field) {
        BigDecimal number;
        if (value.isNumber() && !value.isFloat() && !value.isDouble()) {
            number = value.isIntegralNumber() ? new BigDecimal(value.bigIntegerValue()) : value.decimalValue();
        } else if (value.isNumber()) {
            // Only reachable with a mapper that reads floats as doubles; keep the written digits.
            number = new BigDecimal(value.asText());
        } else if (value.isTextual() && DECIMAL_TEXT.matcher(value.textValue().strip()).matches()) {
            number = new BigDecimal(value.textValue().strip());
        } else {
            error(field, "must be a number, got " + describe(value));
            return null;
        }
        if (number.precision() - number.scale() > MAX_INTEGER_DIGITS || number.scale() > MAX_FRACTION_DIGITS) {
            error(field, "must have at most " + MAX_INTEGER_DIGITS + " digits before and " + MAX_FRACTION_DIGITS
                    + " after the decimal point");
            return null;
        }
        return number;
    }

    /**
     * Reads an integer written as a JSON number without a fraction or a string of digits.
     *
     * @param value the value
     * @param field the field's path
     * @param min the smallest accepted value
     * @return the integer, or {@code null} after a problem
     */
    @Nullable Integer integer(JsonNode value, String field, int min) {
        BigDecimal number = null;
        if (value.isIntegralNumber()) {
            number = new BigDecimal(value.bigIntegerValue());
        } else if (value.isNumber() && !value.isFloat() && !value.isDouble()) {
            BigDecimal d = value.decimalValue();
            if (d.signum() == 0 || d.stripTrailingZeros().scale() <= 0) {
                number = d;
            }
        } else if (value.isTextual() && INTEGER_TEXT.matcher(value.textValue().strip()).matches()) {
            number = new BigDecimal(value.textValue().strip());
        }
        if (number == null) {
            error(field, "must be an integer, got " + describe(value));
            return null;
        }
        if (number.compareTo(BigDecimal.valueOf(min)) < 0) {
            error(field, "must be at least " + min + ", got " + number.stripTrailingZeros().toPlainString());
            return null;
        }
        if (number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            error(field, "must be at most " + Integer.MAX_VALUE);
            return null;
        }
        return number.intValueExact();
    }

    /**
     * Reads a boolean.
     *
     * @param value the value
     * @param field the field's path
     * @return the boolean, or {@code null} after a problem
     */
    @Nullable Boolean bool(JsonNode value, String field) {
        if (!value.isBoolean()) {
            error(field, "must be true or false, got " + describe(value));
            return null;
        }
        return value.booleanValue();
    }

    /**
     * Reads an object.
     *
     * @param value the value
     * @param field the field's path
     * @param expected what the object should hold, for the problem, e.g. {@code an object {type, days}}
     * @return the object, or {@code null} after a problem
     */
    @Nullable ObjectNode object(JsonNode value, String field, String expected) {
        if (!value.isObject()) {
            error(field, "must be " + expected + ", got " + describe(value));
            return null;
        }
        return (ObjectNode) value;
    }

    /**
     * Reads an array.
     *
     * @param value the value
     * @param field the field's path
     * @param expected what the array should hold, for the problem
     * @return the array, or {@code null} after a problem
     */
    @Nullable ArrayNode array(JsonNode value, String field, String expected) {
        if (!value.isArray()) {
            error(field, "must be " + expected + ", got " + describe(value));
            return null;
        }
        return (ArrayNode) value;
    }

    /**
     * Reads an ISO-8601 date-time with an offset, e.g. {@code 2026-03-02T11:00:00+05:00} or
     * {@code 2026-03-02T06:00:00Z}.
     *
     * @param value the value
     * @param field the field's path
     * @return the instant, or {@code null} after a problem
     */
    @Nullable Instant instant(JsonNode value, String field) {
        String text = string(value, field);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            error(field, "must be an ISO-8601 date-time with an offset, e.g. 2026-03-02T11:00:00+05:00, got "
                    + describe(value));
            return null;
        }
    }

    /**
     * Reads a calendar day {@code yyyy-MM-dd}.
     *
     * @param value the value
     * @param field the field's path
     * @return the day, or {@code null} after a problem
     */
    @Nullable LocalDate localDate(JsonNode value, String field) {
        String text = string(value, field);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            error(field, "must be a date yyyy-MM-dd, got " + describe(value));
            return null;
        }
    }

    /**
     * Reads a day ({@code yyyy-MM-dd}) or a moment with its offset ({@code 2026-03-10T09:00+05:00}).
     *
     * @param value the value
     * @param field the field's path
     * @return the date, or {@code null} after a problem
     */
    @Nullable EventDate eventDate(JsonNode value, String field) {
        String text = string(value, field);
        if (text == null) {
            return null;
        }
        try {
            return EventDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            error(field, "must be a date yyyy-MM-dd or an ISO-8601 date-time with an offset"
                    + " (2026-03-10T09:00+05:00), got " + describe(value));
            return null;
        }
    }

    /**
     * Describes a value for a problem: its JSON type and, when short, the value itself, e.g.
     * {@code string "abc"}, {@code number -5}, {@code array}.
     *
     * @param value the value
     * @return the description, masked
     */
    static String describe(JsonNode value) {
        switch (value.getNodeType()) {
            case STRING:
                String text = value.textValue();
                return text.length() <= MAX_QUOTED
                        ? "string " + Masking.maskText(new TextNode(text).toString())
                        : "a string of " + text.length() + " characters";
            case NUMBER:
                String number = value.asText();
                return number.length() <= MAX_QUOTED ? "number " + Masking.maskText(number) : "a long number";
            case BOOLEAN:
                return "boolean " + value.booleanValue();
            default:
                return kind(value);
        }
    }

    /**
     * Names a value's JSON type without its content, for sensitive fields.
     *
     * @param value the value
     * @return e.g. {@code string}, {@code object}
     */
    static String kind(JsonNode value) {
        JsonNodeType type = value.getNodeType();
        switch (type) {
            case STRING:
                return "string";
            case NUMBER:
                return "number";
            case BOOLEAN:
                return "boolean";
            case ARRAY:
                return "array";
            case OBJECT:
            case POJO:
                return "object";
            case NULL:
            case MISSING:
                return "null";
            default:
                return type.name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}

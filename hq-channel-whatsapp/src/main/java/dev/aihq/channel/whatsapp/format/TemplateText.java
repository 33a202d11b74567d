package dev.aihq.channel.whatsapp.format;

import java.util.Objects;

/**
 * Template parameter values the way WhatsApp accepts them. Meta refuses a parameter that holds a line
 * break, a tab or more than {@value #MAX_CONSECUTIVE_SPACES} consecutive spaces (an invalid-parameter
 * error), and limits its length: {@value #HEADER_PARAMETER_MAX_LENGTH} characters in a header,
 * {@value #BODY_PARAMETER_MAX_LENGTH} in a body. Pure functions; thread-safe.
 *
 * <p>Lengths are counted in UTF-16 units ({@link String#length()}), which is never less than the count
 * of code points: whichever way Meta counts, a value that passes here passes there. An emoji counts 2.
 */
public final class TemplateText {

    /** The longest value of a header parameter. */
    public static final int HEADER_PARAMETER_MAX_LENGTH = 60;

    /** The longest value of a body parameter (of a template that also has a header, footer or buttons). */
    public static final int BODY_PARAMETER_MAX_LENGTH = 1024;

    /** The most consecutive spaces Meta accepts inside a parameter. */
    public static final int MAX_CONSECUTIVE_SPACES = 4;

    private TemplateText() {}

    /**
     * Flattens a value to one line: every line break ({@code \r\n}, {@code \n}, {@code \r}, U+0085,
     * U+2028, U+2029), tab, vertical tab and form feed becomes a space; every run of spaces becomes one
     * space; leading and trailing spaces are removed. Other characters (Cyrillic, Kazakh letters, emoji,
     * no-break spaces) are kept as they are.
     *
     * @param value the raw value
     * @return the flat value, possibly empty
     */
    public static String flatten(String value) {
        Objects.requireNonNull(value, "value");
        StringBuilder out = new StringBuilder(value.length());
        boolean pendingSpace = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isBreakOrSpace(c)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * Checks a flattened value against WhatsApp's rules.
     *
     * @param label the parameter's name for the message, e.g. {@code body parameter 2 (customer_name)}
     * @param value the value
     * @param maxLength the limit, e.g. {@link #BODY_PARAMETER_MAX_LENGTH}
     * @return the value
     * @throws IllegalArgumentException naming the parameter when the value is blank, too long, or holds a
     *     line break, a tab or too many consecutive spaces
     */
    public static String requireParameter(String label, String value, int maxLength) {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException(label + " must not be blank");
        }
        int spaces = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ') {
                if (++spaces > MAX_CONSECUTIVE_SPACES) {
                    throw new IllegalArgumentException(label + " has more than " + MAX_CONSECUTIVE_SPACES
                            + " consecutive spaces; flatten it with TemplateText.flatten");
                }
            } else {
                spaces = 0;
                if (isBreakOrSpace(c)) {
                    throw new IllegalArgumentException(label + " contains a line break or tab at position " + i
                            + "; flatten it with TemplateText.flatten");
                }
            }
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(label + " has " + value.length() + " characters; the limit is "
                    + maxLength);
        }
        return value;
    }

    /**
     * Flattens a value and checks it; see {@link #flatten(String)} and
     * {@link #requireParameter(String, String, int)}.
     *
     * @param label the parameter's name for the message
     * @param value the raw value
     * @param maxLength the limit
     * @return the flat value
     * @throws IllegalArgumentException naming the parameter when the flat value is blank or too long
     */
    public static String parameter(String label, String value, int maxLength) {
        return requireParameter(label, flatten(value), maxLength);
    }

    private static boolean isBreakOrSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f'
                || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}

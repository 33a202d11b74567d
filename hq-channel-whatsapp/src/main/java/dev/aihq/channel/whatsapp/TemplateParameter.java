package dev.aihq.channel.whatsapp;

import dev.aihq.channel.whatsapp.format.TemplateText;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * One text value for a variable of a template's header or body: positional ({@code {{1}}}, filled in
 * order) or named ({@code {{customer_name}}}).
 *
 * <p>The text is flattened on creation with {@link TemplateText#flatten(String)} (line breaks and tabs
 * become spaces, runs of spaces one space, ends trimmed), because Meta refuses parameters with line
 * breaks, tabs or more than four consecutive spaces. Length limits depend on where the value goes and
 * are checked by {@link TemplateMessage}. Escape customer-supplied text with
 * {@link dev.aihq.channel.whatsapp.format.WhatsAppText#escape(String)} before, if it must not render as
 * markup.
 *
 * @param parameterName the variable's name for a named template, or {@code null} for a positional one;
 *     a lowercase letter or {@code _} first, then lowercase letters, digits and {@code _}, at most
 *     {@value #MAX_NAME_LENGTH} characters
 * @param text the value, flattened, not blank
 */
public record TemplateParameter(@Nullable String parameterName, String text) {

    /** The longest variable name Meta accepts. */
    public static final int MAX_NAME_LENGTH = 20;

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    /**
     * Flattens the text and validates the name.
     *
     * @throws IllegalArgumentException if the text is blank after flattening or the name is malformed
     */
    public TemplateParameter {
        Objects.requireNonNull(text, "text");
        if (parameterName != null) {
            if (parameterName.length() > MAX_NAME_LENGTH || !NAME.matcher(parameterName).matches()) {
                throw new IllegalArgumentException("parameterName '" + parameterName + "' must be lowercase letters,"
                        + " digits and '_', starting with a letter or '_', at most " + MAX_NAME_LENGTH
                        + " characters");
            }
        }
        text = TemplateText.flatten(text);
        if (text.isEmpty()) {
            throw new IllegalArgumentException("template parameter"
                    + (parameterName == null ? "" : " '" + parameterName + "'")
                    + " must not be blank: WhatsApp refuses an empty value");
        }
    }

    /**
     * Creates a positional value.
     *
     * @param text the value
     * @return the parameter
     */
    public static TemplateParameter text(String text) {
        return new TemplateParameter(null, text);
    }

    /**
     * Creates a named value.
     *
     * @param name the variable's name, e.g. {@code customer_name}
     * @param text the value
     * @return the parameter
     */
    public static TemplateParameter named(String name, String text) {
        return new TemplateParameter(Objects.requireNonNull(name, "name"), text);
    }

    /**
     * Tells whether this value is for a named variable.
     *
     * @return {@code true} when {@link #parameterName()} is set
     */
    public boolean isNamed() {
        return parameterName != null;
    }

    String label() {
        return parameterName == null ? "" : " (" + parameterName + ")";
    }
}

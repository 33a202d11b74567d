package dev.aihq.agents;

import dev.aihq.api.error.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text with {@code {{name}}} placeholders: a prompt or a customer message template. The defaults ship
 * as classpath resources ({@link #resource(String)}); a shop's own text from its settings overrides them
 * ({@link #of(String)}).
 *
 * <p>Placeholder names are letters, digits, {@code _} and {@code .}, starting with a letter; spaces
 * inside the braces are allowed ({@code {{ shop_name }}}). {@link #render(Map)} inserts values verbatim
 * in one pass: a value that itself contains {@code {{...}}} is not expanded again, so customer or model
 * text can never inject a placeholder. Immutable and thread-safe.
 */
public final class PromptTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_.]*)\\s*}}");

    private final String source;
    private final String text;
    private final List<String> placeholders;
    /** The text split once: literal parts at even indexes, placeholder names at odd ones. */
    private final String[] parts;

    private PromptTemplate(String source, String text) {
        this.source = source;
        this.text = text;
        Set<String> names = new LinkedHashSet<>();
        List<String> split = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        int last = 0;
        while (m.find()) {
            names.add(m.group(1));
            split.add(text.substring(last, m.start()));
            split.add(m.group(1));
            last = m.end();
        }
        split.add(text.substring(last));
        this.placeholders = List.copyOf(names);
        this.parts = split.toArray(new String[0]);
    }

    /**
     * Loads a template from a classpath resource, read as UTF-8.
     *
     * @param path the absolute resource path, e.g. {@code /dev/aihq/agents/prompts/sales-system.txt}
     * @return the template
     * @throws ConfigurationException when there is no such resource
     */
    public static PromptTemplate resource(String path) {
        Objects.requireNonNull(path, "path");
        String absolute = path.startsWith("/") ? path : "/" + path;
        try (InputStream in = PromptTemplate.class.getResourceAsStream(absolute)) {
            if (in == null) {
                throw new ConfigurationException("no template resource at " + absolute + " on the classpath");
            }
            return new PromptTemplate(absolute, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template resource " + absolute, e);
        }
    }

    /**
     * Loads a set of templates from a classpath {@code .properties} resource read as UTF-8, one template per
     * key, each named {@code <path>#<key>} in error messages.
     *
     * @param path the absolute resource path, e.g. {@code /dev/aihq/agents/finance/texts.properties}
     * @return the templates by key
     * @throws ConfigurationException when there is no such resource or it cannot be read
     */
    public static Map<String, PromptTemplate> bundle(String path) {
        Objects.requireNonNull(path, "path");
        String absolute = path.startsWith("/") ? path : "/" + path;
        Properties properties = new Properties();
        try (InputStream in = PromptTemplate.class.getResourceAsStream(absolute)) {
            if (in == null) {
                throw new ConfigurationException("resource " + absolute + " is missing from the classpath");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        } catch (IOException e) {
            throw new ConfigurationException("resource " + absolute + " cannot be read: " + e.getMessage(), e);
        }
        Map<String, PromptTemplate> templates = new HashMap<>();
        for (String key : properties.stringPropertyNames()) {
            templates.put(key, named(absolute + "#" + key, properties.getProperty(key)));
        }
        return Map.copyOf(templates);
    }

    /**
     * Creates a template from text, e.g. a shop's own template from its settings.
     *
     * @param text the template text
     * @return the template
     */
    public static PromptTemplate of(String text) {
        return named("inline template", text);
    }

    /**
     * Creates a template from text with a name used in error messages.
     *
     * @param name where the text comes from, e.g. {@code shop template 'upsell'}
     * @param text the template text
     * @return the template
     */
    public static PromptTemplate named(String name, String text) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        return new PromptTemplate(name, text);
    }

    /**
     * Fills the placeholders.
     *
     * @param values the values by placeholder name; extra values are ignored
     * @return the text with every placeholder replaced by its value, verbatim
     * @throws IllegalArgumentException naming every placeholder that has no value
     */
    public String render(Map<String, String> values) {
        Objects.requireNonNull(values, "values");
        List<String> missing = new ArrayList<>();
        for (String name : placeholders) {
            if (values.get(name) == null) {
                missing.add("{{" + name + "}}");
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(source + " has no value for " + String.join(", ", missing));
        }
        // Rendered from the parts split at construction: prompts are rendered once per run.
        StringBuilder out = new StringBuilder(text.length() + 64);
        for (int i = 0; i < parts.length; i++) {
            out.append(i % 2 == 0 ? parts[i] : values.get(parts[i]));
        }
        return out.toString();
    }

    /**
     * Returns the placeholder names in order of first appearance.
     *
     * @return the names, without braces
     */
    public List<String> placeholders() {
        return placeholders;
    }

    /**
     * Tells whether the template uses a placeholder.
     *
     * @param name the placeholder name
     * @return {@code true} when {@code {{name}}} occurs
     */
    public boolean uses(String name) {
        return placeholders.contains(name);
    }

    /**
     * Returns the raw template text.
     *
     * @return the text with its placeholders
     */
    public String text() {
        return text;
    }

    /** Names the template's source, never its text. */
    @Override
    public String toString() {
        return "PromptTemplate(" + source + ")";
    }
}

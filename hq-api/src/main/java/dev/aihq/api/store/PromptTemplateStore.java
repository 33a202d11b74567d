package dev.aihq.api.store;

import dev.aihq.api.ShopId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A shop's own prompt templates, each overriding the shipped default of the same name for that shop
 * (for example {@code sales-system}). A shop without a template of a name uses the default. Thread-safe.
 */
public interface PromptTemplateStore {

    /** The longest template name, in characters. */
    int MAX_NAME_LENGTH = 100;

    /** The longest template text, in characters. */
    int MAX_TEXT_LENGTH = 20_000;

    /**
     * Finds a shop's template.
     *
     * @param shopId the shop
     * @param name the template's name
     * @return the template's text, or empty when the shop has none of that name
     */
    Optional<String> find(ShopId shopId, String name);

    /**
     * Saves a shop's template, replacing the one of the same name.
     *
     * @param shopId the shop
     * @param name the name: 1–{@value #MAX_NAME_LENGTH} characters of lower-case letters, digits, {@code _},
     *     {@code .} or {@code -}
     * @param text the text: 1–{@value #MAX_TEXT_LENGTH} characters
     * @throws IllegalArgumentException naming the problem when the name or the text is invalid
     */
    void save(ShopId shopId, String name, String text);

    /**
     * Deletes a shop's template, so that the shipped default applies again.
     *
     * @param shopId the shop
     * @param name the template's name
     * @return {@code true} when there was one
     */
    boolean delete(ShopId shopId, String name);

    /**
     * Returns every template of a shop.
     *
     * @param shopId the shop
     * @return the texts by name, sorted by name; empty when the shop has none
     */
    Map<String, String> list(ShopId shopId);

    /**
     * Checks a template's name and text as {@link #save(ShopId, String, String)} requires; for
     * implementations.
     *
     * @param name the name
     * @param text the text
     * @throws IllegalArgumentException naming the problem
     */
    static void validate(String name, String text) {
        validateName(name);
        Objects.requireNonNull(text, "text");
        if (text.isEmpty() || text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("template text must be 1-" + MAX_TEXT_LENGTH + " characters, got "
                    + text.length());
        }
    }

    /**
     * Checks a template's name as {@link #save(ShopId, String, String)} requires; for implementations.
     *
     * @param name the name
     * @throws IllegalArgumentException naming the problem
     */
    static void validateName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("template name must be 1-" + MAX_NAME_LENGTH + " characters, got "
                    + name.length());
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-')) {
                throw new IllegalArgumentException("template name must be lower-case letters, digits, '_', '.' or"
                        + " '-', got '" + (name.length() <= 40 ? name : name.substring(0, 40) + "…") + "'");
            }
        }
    }
}

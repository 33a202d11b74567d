package dev.aihq.agents.sales;

import dev.aihq.agents.PromptTemplate;
import dev.aihq.api.error.ConfigurationException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The short texts the sales prompts are filled with (how a customer or a candidate is described, the task,
 * the promo line), per {@link SalesLanguage}, from the resource {@code sales-fragments.properties} beside
 * the prompts. Loaded once per language; every fragment the code asks for must exist in every language,
 * which a test checks. Thread-safe.
 */
public final class SalesFragments {

    private static final String BASE = "/dev/aihq/agents/prompts/";
    private static final String FILE = "sales-fragments.properties";
    private static final Map<SalesLanguage, SalesFragments> LOADED = new EnumMap<>(SalesLanguage.class);

    private final SalesLanguage language;
    private final Map<String, PromptTemplate> fragments;

    private SalesFragments(SalesLanguage language, Map<String, PromptTemplate> fragments) {
        this.language = language;
        this.fragments = Map.copyOf(fragments);
    }

    /**
     * Returns the fragments of a language.
     *
     * @param language the language
     * @return the fragments
     * @throws ConfigurationException when the resource is missing or unreadable
     */
    public static SalesFragments of(SalesLanguage language) {
        Objects.requireNonNull(language, "language");
        synchronized (LOADED) {
            return LOADED.computeIfAbsent(language, SalesFragments::load);
        }
    }

    /**
     * Renders a fragment.
     *
     * @param key the fragment's key, e.g. {@code customer.first}
     * @param values the placeholders' values
     * @return the text
     * @throws ConfigurationException when the language has no such fragment
     */
    public String text(String key, Map<String, String> values) {
        PromptTemplate fragment = fragments.get(key);
        if (fragment == null) {
            throw new ConfigurationException("sales fragment '" + key + "' is missing from " + BASE
                    + language.resourceFolder() + FILE);
        }
        return fragment.render(values);
    }

    /**
     * Renders a fragment without placeholders.
     *
     * @param key the fragment's key
     * @return the text
     */
    public String text(String key) {
        return text(key, Map.of());
    }

    /**
     * Tells whether the language has a fragment.
     *
     * @param key the key
     * @return {@code true} when it has
     */
    public boolean has(String key) {
        return fragments.containsKey(key);
    }

    /**
     * Returns the keys of every fragment, for checks that the languages have the same.
     *
     * @return the keys
     */
    public java.util.Set<String> keys() {
        return fragments.keySet();
    }

    private static SalesFragments load(SalesLanguage language) {
        return new SalesFragments(language, PromptTemplate.bundle(BASE + language.resourceFolder() + FILE));
    }
}

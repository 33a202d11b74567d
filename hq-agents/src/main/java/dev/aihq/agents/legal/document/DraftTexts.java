package dev.aihq.agents.legal.document;

import dev.aihq.agents.PromptTemplate;
import dev.aihq.agents.sales.SalesLanguage;
import dev.aihq.api.error.ConfigurationException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * The wording of the legal document layer per language, from {@code /dev/aihq/agents/legal/templates/draft-texts.properties}
 * (Russian) and {@code kk/draft-texts.properties} (Kazakh), read as UTF-8. Loaded once per language; thread-safe.
 */
final class DraftTexts {

    static final String BASE = "/dev/aihq/agents/legal/templates/";
    static final String FILE = "draft-texts.properties";
    private static final Map<SalesLanguage, DraftTexts> LOADED = new EnumMap<>(SalesLanguage.class);

    private final SalesLanguage language;
    private final Map<String, PromptTemplate> texts;

    private DraftTexts(SalesLanguage language, Map<String, PromptTemplate> texts) {
        this.language = language;
        this.texts = Map.copyOf(texts);
    }

    static DraftTexts of(SalesLanguage language) {
        Objects.requireNonNull(language, "language");
        synchronized (LOADED) {
            return LOADED.computeIfAbsent(language,
                    l -> new DraftTexts(l, PromptTemplate.bundle(BASE + l.resourceFolder() + FILE)));
        }
    }

    /** Renders a text with named values given as pairs: name, value, name, value… */
    String text(String key, String... pairs) {
        PromptTemplate text = texts.get(key);
        if (text == null) {
            throw new ConfigurationException("legal draft text '" + key + "' is missing from " + BASE
                    + language.resourceFolder() + FILE);
        }
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("values come in name/value pairs");
        }
        Map<String, String> values = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return text.render(values).strip();
    }

    /** Renders a text if the language has it, for open sets of names (measure types, stats, dates). */
    @Nullable String optional(String key) {
        PromptTemplate text = texts.get(key);
        return text == null ? null : text.render(Map.of()).strip();
    }

    Set<String> keys() {
        return texts.keySet();
    }
}

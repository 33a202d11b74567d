package dev.aihq.agents.finance;

import dev.aihq.agents.PromptTemplate;
import dev.aihq.agents.sales.SalesLanguage;
import dev.aihq.agents.sales.SalesMessages;
import dev.aihq.api.Money;
import dev.aihq.api.error.ConfigurationException;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The accountant's sentences (loss reasons and recommendations) per language, from the resource
 * {@code /dev/aihq/agents/finance/texts.properties} (Russian) and {@code kk/texts.properties} (Kazakh),
 * filled in with numbers the code computed. The language is the shop's, chosen as for the sales agent
 * ({@link SalesLanguage#of(dev.aihq.api.shop.Shop)}). Loaded once per language; thread-safe.
 */
public final class FinanceTexts {

    private static final String BASE = "/dev/aihq/agents/finance/";
    private static final String FILE = "texts.properties";
    private static final Map<SalesLanguage, FinanceTexts> LOADED = new EnumMap<>(SalesLanguage.class);

    private final SalesLanguage language;
    private final Map<String, PromptTemplate> texts;

    private FinanceTexts(SalesLanguage language, Map<String, PromptTemplate> texts) {
        this.language = language;
        this.texts = Map.copyOf(texts);
    }

    /**
     * Returns the texts of a language.
     *
     * @param language the language
     * @return the texts
     * @throws ConfigurationException when the resource is missing or unreadable
     */
    public static FinanceTexts of(SalesLanguage language) {
        Objects.requireNonNull(language, "language");
        synchronized (LOADED) {
            return LOADED.computeIfAbsent(language, FinanceTexts::load);
        }
    }

    /**
     * Renders a text.
     *
     * @param key e.g. {@code reason.COMMISSION_ABOVE_MARGIN}
     * @param values the placeholders' values
     * @return the sentence
     * @throws ConfigurationException when the language has no such text
     * @throws IllegalArgumentException when a placeholder has no value
     */
    public String text(String key, Map<String, String> values) {
        PromptTemplate text = texts.get(key);
        if (text == null) {
            throw new ConfigurationException("finance text '" + key + "' is missing from " + BASE
                    + language.resourceFolder() + FILE);
        }
        return text.render(values).strip();
    }

    /**
     * Returns the keys of every text, for checks that the languages have the same.
     *
     * @return the keys
     */
    public Set<String> keys() {
        return texts.keySet();
    }

    /**
     * Formats an amount for a sentence: rounded half-up to the currency's minor units, thousands separated
     * by spaces, the sign after it ({@code 4 308 ₸}, {@code 1 499,50 ₽}).
     *
     * @param amount the exact amount
     * @return the text
     */
    public static String money(Money amount) {
        return SalesMessages.formatPrice(ProfitAndLoss.present(amount));
    }

    /**
     * Formats a percent for a sentence: as computed, without trailing zeros, with a decimal comma
     * ({@code 7}, {@code 12,5}).
     *
     * @param percent the percent, already rounded
     * @return the text
     */
    public static String percent(BigDecimal percent) {
        BigDecimal stripped = percent.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString().replace('.', ',');
    }

    private static FinanceTexts load(SalesLanguage language) {
        return new FinanceTexts(language, PromptTemplate.bundle(BASE + language.resourceFolder() + FILE));
    }
}

package dev.aihq.agents.sales;

import dev.aihq.api.shop.Shop;
import java.util.Locale;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * The languages the sales agent writes in, and how one is chosen: the customer's own when their message is
 * in Kazakh, otherwise the shop's ({@link Shop#locale()}): Kazakh for {@code kk}, Russian for everything
 * else (the marketplaces' lingua franca in Kazakhstan and Russia).
 */
public enum SalesLanguage {
    /** Russian. */
    RU("ru", ""),
    /** Kazakh. */
    KK("kk", "kk/");

    /** Letters of the Kazakh alphabet that Russian does not have. */
    private static final String KAZAKH_LETTERS = "әғқңөұүһіӘҒҚҢӨҰҮҺІ";

    private final String code;
    private final String resourceFolder;

    SalesLanguage(String code, String resourceFolder) {
        this.code = code;
        this.resourceFolder = resourceFolder;
    }

    /**
     * Returns the ISO 639-1 code.
     *
     * @return {@code ru} or {@code kk}
     */
    public String code() {
        return code;
    }

    /**
     * Returns the folder of this language's resources under a base path: empty for Russian (the shipped
     * default), {@code kk/} for Kazakh.
     *
     * @return the folder, with its trailing slash
     */
    public String resourceFolder() {
        return resourceFolder;
    }

    /**
     * Returns a locale for this language.
     *
     * @return the locale
     */
    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    /**
     * Chooses the language of a shop's messages.
     *
     * @param shop the shop
     * @return Kazakh for a {@code kk} shop, Russian otherwise
     */
    public static SalesLanguage of(Shop shop) {
        Objects.requireNonNull(shop, "shop");
        return "kk".equals(shop.locale().getLanguage()) ? KK : RU;
    }

    /**
     * Chooses the language of an answer to a customer: Kazakh when they wrote with Kazakh letters, else the
     * shop's.
     *
     * @param shop the shop
     * @param customerText what the customer wrote, or {@code null}
     * @return the language
     */
    public static SalesLanguage of(Shop shop, @Nullable String customerText) {
        if (customerText != null && customerText.codePoints().anyMatch(c -> KAZAKH_LETTERS.indexOf(c) >= 0)) {
            return KK;
        }
        return of(shop);
    }
}

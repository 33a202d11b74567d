package dev.aihq.api;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A marketplace. Open: the three built-in constants plus any code a third-party connector brings.
 *
 * @param code lower-case code, e.g. {@code kaspi}
 */
public record Marketplace(String code) {

    // Declared before the constants below, which are validated against it.
    private static final Pattern FORMAT = Pattern.compile("[a-z][a-z0-9_-]{1,31}");

    /** Kaspi.kz (Kazakhstan). */
    public static final Marketplace KASPI = new Marketplace("kaspi");
    /** Wildberries (Russia). */
    public static final Marketplace WILDBERRIES = new Marketplace("wildberries");
    /** Ozon (Russia). */
    public static final Marketplace OZON = new Marketplace("ozon");


    /** Validates the code: 2–32 lower-case letters, digits, {@code _} or {@code -}. */
    public Marketplace {
        Objects.requireNonNull(code, "marketplace code");
        if (!FORMAT.matcher(code).matches()) {
            throw new IllegalArgumentException("marketplace code must be 2-32 lower-case letters, digits, '_' or '-',"
                    + " got '" + ShopId.abbreviate(code) + "'");
        }
    }

    /**
     * Returns the marketplace for a code, case-insensitively; {@code wb} is accepted for Wildberries.
     *
     * @param code the code
     * @return the marketplace
     */
    public static Marketplace of(String code) {
        String c = code.trim().toLowerCase(Locale.ROOT);
        return c.equals("wb") ? WILDBERRIES : new Marketplace(c);
    }

    @Override
    public String toString() {
        return code;
    }
}

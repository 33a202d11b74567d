package dev.aihq.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identifies a shop (a seller account on one marketplace) across every store, event and log line.
 *
 * <p>Values are 1–64 characters of letters, digits, {@code _}, {@code -}, {@code .} or {@code :}, for
 * example {@code kaspi_123} from the seed's examples.
 *
 * @param value the identifier as the integrator chose it
 */
public record ShopId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    /** Validates the format; see the type's description. */
    public ShopId {
        Objects.requireNonNull(value, "shop id");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "shop id must be 1-64 characters of letters, digits, '_', '-', '.' or ':', got '"
                            + abbreviate(value) + "'");
        }
    }

    /**
     * Creates a shop id.
     *
     * @param value the identifier
     * @return the shop id
     */
    public static ShopId of(String value) {
        return new ShopId(value);
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    @Override
    public String toString() {
        return value;
    }
}

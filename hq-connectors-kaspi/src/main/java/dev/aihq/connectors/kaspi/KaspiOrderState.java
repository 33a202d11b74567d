package dev.aihq.connectors.kaspi;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a Kaspi order is ({@code filter[orders][state]}), the filter Kaspi requires on every orders
 * request. Open: Kaspi owns these values, so the known ones are constants and any other value Kaspi sends is carried as written, never thrown.
 *
 * @param code the value as Kaspi writes it, e.g. {@code NEW}
 */
public record KaspiOrderState(String code) {

    // Declared before the constants below, which are validated against it.
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_]{1,64}");

    /** New: paid or approved by the bank, waiting for the seller to accept it. */
    public static final KaspiOrderState NEW = new KaspiOrderState("NEW");
    /** The buyer still has to sign the credit agreement. */
    public static final KaspiOrderState SIGN_REQUIRED = new KaspiOrderState("SIGN_REQUIRED");
    /** To be picked up by the buyer at the seller's point. */
    public static final KaspiOrderState PICKUP = new KaspiOrderState("PICKUP");
    /** Delivered by the seller. */
    public static final KaspiOrderState DELIVERY = new KaspiOrderState("DELIVERY");
    /** Delivered by Kaspi Delivery. */
    public static final KaspiOrderState KASPI_DELIVERY = new KaspiOrderState("KASPI_DELIVERY");
    /** Finished: completed, cancelled or returned. */
    public static final KaspiOrderState ARCHIVE = new KaspiOrderState("ARCHIVE");

    private static final Set<KaspiOrderState> KNOWN = Set.of(NEW, SIGN_REQUIRED, PICKUP, DELIVERY, KASPI_DELIVERY, ARCHIVE);

    /**
     * Validates the code: letters, digits and underscores, at most 64.
     *
     * @throws IllegalArgumentException for anything else
     */
    public KaspiOrderState {
        Objects.requireNonNull(code, "code");
        if (!FORMAT.matcher(code).matches()) {
            throw new IllegalArgumentException("Kaspi value must be 1-64 letters, digits or '_', got '"
                    + (code.length() > 40 ? code.substring(0, 40) + "…" : code) + "'");
        }
    }

    /**
     * Returns the value for a code as Kaspi sends it, upper-cased; unknown codes are kept.
     *
     * @param code the code
     * @return the value
     */
    public static KaspiOrderState of(String code) {
        return new KaspiOrderState(code.strip().toUpperCase(Locale.ROOT));
    }

    /**
     * Tells whether this is one of the values the connector knows.
     *
     * @return {@code false} for a value Kaspi added since
     */
    public boolean isKnown() {
        return KNOWN.contains(this);
    }

    @Override
    public String toString() {
        return code;
    }
}

package dev.aihq.connectors.kaspi;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An order's status ({@code filter[orders][status]}), finer than its state. Open: Kaspi owns these
 * values, so the known ones are constants and any other value Kaspi sends is carried as written, never thrown.
 *
 * @param code the value as Kaspi writes it, e.g. {@code APPROVED_BY_BANK}
 */
public record KaspiOrderStatus(String code) {

    // Declared before the constants below, which are validated against it.
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_]{1,64}");

    /** Approved by the bank; the seller must accept it. */
    public static final KaspiOrderStatus APPROVED_BY_BANK = new KaspiOrderStatus("APPROVED_BY_BANK");
    /** Accepted by the seller. */
    public static final KaspiOrderStatus ACCEPTED_BY_MERCHANT = new KaspiOrderStatus("ACCEPTED_BY_MERCHANT");
    /** Handed to the buyer. */
    public static final KaspiOrderStatus COMPLETED = new KaspiOrderStatus("COMPLETED");
    /** Cancelled. */
    public static final KaspiOrderStatus CANCELLED = new KaspiOrderStatus("CANCELLED");
    /** Being cancelled. */
    public static final KaspiOrderStatus CANCELLING = new KaspiOrderStatus("CANCELLING");
    /** The buyer asked to return a Kaspi Delivery order. */
    public static final KaspiOrderStatus KASPI_DELIVERY_RETURN_REQUESTED = new KaspiOrderStatus("KASPI_DELIVERY_RETURN_REQUESTED");
    /** Returned. */
    public static final KaspiOrderStatus RETURNED = new KaspiOrderStatus("RETURNED");

    private static final Set<KaspiOrderStatus> KNOWN = Set.of(APPROVED_BY_BANK, ACCEPTED_BY_MERCHANT, COMPLETED, CANCELLED, CANCELLING, KASPI_DELIVERY_RETURN_REQUESTED, RETURNED);

    /**
     * Validates the code: letters, digits and underscores, at most 64.
     *
     * @throws IllegalArgumentException for anything else
     */
    public KaspiOrderStatus {
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
    public static KaspiOrderStatus of(String code) {
        return new KaspiOrderStatus(code.strip().toUpperCase(Locale.ROOT));
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

package dev.aihq.api.event;

import java.util.Locale;

/** What happened that the legal agent is asked about. Wire values are the lower-case names. */
public enum LegalEventType {
    /** A fine or restrictive measure from the marketplace. */
    FINE,
    /** A product was blocked or its card restricted. */
    PRODUCT_BLOCK,
    /** A buyer's return. */
    RETURN,
    /** A dispute with a customer (a claim, a demand for a refund). */
    CUSTOMER_DISPUTE,
    /** The seller asked a question by hand; never deduplicated unless keyed. */
    MANUAL_REQUEST;

    /**
     * Returns the wire value.
     *
     * @return e.g. {@code product_block}
     */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a wire value.
     *
     * @param value e.g. {@code fine}
     * @return the type
     * @throws IllegalArgumentException naming the accepted values
     */
    public static LegalEventType fromWire(String value) {
        for (LegalEventType t : values()) {
            if (t.wireValue().equals(value)) {
                return t;
            }
        }
        throw new IllegalArgumentException(
                "must be one of fine, product_block, return, customer_dispute, manual_request");
    }
}

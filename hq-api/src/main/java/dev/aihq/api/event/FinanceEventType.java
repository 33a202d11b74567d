package dev.aihq.api.event;

import java.util.Locale;

/** What asks the accounting agent for a report. Wire values are the lower-case names. */
public enum FinanceEventType {
    /** A new sale was made. */
    NEW_SALE,
    /** The month is closed. */
    MONTHLY_REPORT,
    /** The seller asked by hand; never deduplicated unless keyed. */
    MANUAL_REQUEST;

    /**
     * Returns the wire value.
     *
     * @return e.g. {@code monthly_report}
     */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a wire value.
     *
     * @param value e.g. {@code new_sale}
     * @return the type
     * @throws IllegalArgumentException naming the accepted values
     */
    public static FinanceEventType fromWire(String value) {
        for (FinanceEventType t : values()) {
            if (t.wireValue().equals(value)) {
                return t;
            }
        }
        throw new IllegalArgumentException("must be one of new_sale, monthly_report, manual_request");
    }
}

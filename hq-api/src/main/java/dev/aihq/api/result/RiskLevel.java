package dev.aihq.api.result;

import java.util.Locale;

/** The seller's exposure if it does nothing or loses. Wire values are lower case. */
public enum RiskLevel {
    /** Small amount, clear law in the seller's favour, no account-level effect. */
    LOW,
    /** A single-order fine or measure with evidence on both sides. */
    MEDIUM,
    /** An account-level consequence is possible, or the deadline is under 48 hours. */
    HIGH;

    /**
     * Returns the wire value.
     *
     * @return e.g. {@code medium}
     */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}

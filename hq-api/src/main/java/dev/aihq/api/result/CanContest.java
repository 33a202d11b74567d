package dev.aihq.api.result;

import java.util.Locale;

/** Whether the seller can contest the event in principle. Wire values are lower case. */
public enum CanContest {
    /** The seller has a defensible position. */
    YES,
    /** The seller has none, or must comply by law. */
    NO,
    /** The ground is valid, but the amount, the measure or the classification can be challenged. */
    PARTIAL,
    /** The rule layer cannot tell without a fact it does not have, or the combination is not supported. */
    NOT_DETERMINED;

    /**
     * Returns the wire value.
     *
     * @return e.g. {@code partial}
     */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package dev.aihq.agents.legal.rules;

import java.util.Locale;

/** How a legal rule is sourced, with the tags of the legal reference the data comes from. */
public enum SourceStatus {
    /** {@code [OK]}: a primary or official source. Its periods are official deadlines. */
    OFFICIAL,
    /** {@code [SEC]}: a secondary source only. Its periods are deadlines with {@code deadline_official=false}. */
    SECONDARY,
    /** {@code [UNCONF]}: no source found. Context only, never a deadline, always flagged. */
    UNCONFIRMED,
    /** Not a rule at all: the shop's configurable internal target stands where no source gives a period. */
    INTERNAL;

    /**
     * Returns the wire value.
     *
     * @return e.g. {@code secondary}
     */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SourceStatus fromWire(String value) {
        for (SourceStatus s : values()) {
            if (s.wireValue().equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("status must be official, secondary, unconfirmed or internal, got '"
                + value + "'");
    }
}

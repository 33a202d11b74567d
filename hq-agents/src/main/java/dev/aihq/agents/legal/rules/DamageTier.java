package dev.aihq.agents.legal.rules;

import java.util.Locale;

/** How badly an item came back from Kaspi Delivery, which decides the share of its price Kaspi compensates. */
public enum DamageTier {
    /** The item still looks sellable, but its branded packaging is damaged or missing. */
    PACKAGING,
    /**
     * One side has chips, scratches, dents, cracks or scuffs with the corners intact and the item still looks
     * sellable, or the remote or accessories are lost.
     */
    ONE_SIDE,
    /** All sides are damaged, the corners deformed, the item no longer looks sellable, or main parts are missing. */
    TOTAL;

    /**
     * Returns the wire value, the key of the tier in the rule data.
     *
     * @return e.g. {@code one_side}
     */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package dev.aihq.api.inbox;

import java.util.Locale;

/** Where an interaction stands. Wire values are the lower-case names. */
public enum InteractionStatus {
    /** The buyer's last message waits for our answer; the SLA clock runs. */
    OPEN,
    /** Our answer is the last word; no clock runs. */
    ANSWERED,
    /** Passed to a person: the escalation rule fired or the priority called for the manager; the clock runs. */
    ESCALATED,
    /** Closed by the shop or the marketplace; nothing more is expected. */
    CLOSED;

    /**
     * Tells whether the interaction waits for the shop.
     *
     * @return {@code true} for {@link #OPEN} and {@link #ESCALATED}
     */
    public boolean awaitsShop() {
        return this == OPEN || this == ESCALATED;
    }

    /**
     * Returns the wire value.
     *
     * @return e.g. {@code open}
     */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a wire value.
     *
     * @param value e.g. {@code escalated}, in any case
     * @return the status
     * @throws IllegalArgumentException naming the allowed values when the value is none of them
     */
    public static InteractionStatus fromWire(String value) {
        return Wire.read(InteractionStatus.class, value, "status");
    }
}

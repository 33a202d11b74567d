package dev.aihq.api.inbox;

import java.time.Duration;
import java.util.Locale;

/**
 * How soon a message must be answered. The defaults are the seed's: critical within 1 hour, high within 4, normal
 * within 24; a shop's SLA policy may set others. Wire values are the lower-case names.
 */
public enum InboxPriority {
    /** Within an hour by default: a furious buyer, a threat to leave or complain, a safety problem. */
    CRITICAL(Duration.ofHours(1)),
    /** Within four hours by default: questions before buying, returns, defects, delivery problems. */
    HIGH(Duration.ofHours(4)),
    /** Within a day by default: thanks and other low-stakes messages. */
    NORMAL(Duration.ofHours(24));

    private final Duration defaultSla;

    InboxPriority(Duration defaultSla) {
        this.defaultSla = defaultSla;
    }

    /**
     * Returns the seed's answer time for this priority.
     *
     * @return 1, 4 or 24 hours
     */
    public Duration defaultSla() {
        return defaultSla;
    }

    /**
     * Tells whether this priority is more urgent than another.
     *
     * @param other the other priority
     * @return {@code true} when this one must be answered sooner by default
     */
    public boolean isMoreUrgentThan(InboxPriority other) {
        return ordinal() < other.ordinal();
    }

    /**
     * Returns the wire value.
     *
     * @return e.g. {@code critical}
     */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a wire value.
     *
     * @param value e.g. {@code high}, in any case
     * @return the priority
     * @throws IllegalArgumentException naming the allowed values when the value is none of them
     */
    public static InboxPriority fromWire(String value) {
        return Wire.read(InboxPriority.class, value, "priority");
    }
}

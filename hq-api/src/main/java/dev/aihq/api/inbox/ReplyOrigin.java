package dev.aihq.api.inbox;

import java.util.Locale;

/**
 * How one of our replies was written, for the automation rate. Wire values are the lower-case names.
 */
public enum ReplyOrigin {
    /** The draft was sent as written (approved unchanged, or published automatically). */
    DRAFT_AS_IS,
    /** A person edited the draft before it went out. */
    DRAFT_EDITED,
    /** Written by a person: no draft, a rejected draft, or an answer typed in the marketplace's cabinet. */
    BY_HAND;

    /**
     * Returns the wire value.
     *
     * @return e.g. {@code draft_edited}
     */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a wire value.
     *
     * @param value e.g. {@code by_hand}, in any case
     * @return the origin
     * @throws IllegalArgumentException naming the allowed values when the value is none of them
     */
    public static ReplyOrigin fromWire(String value) {
        return Wire.read(ReplyOrigin.class, value, "reply origin");
    }
}

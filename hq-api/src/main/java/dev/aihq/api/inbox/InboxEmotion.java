package dev.aihq.api.inbox;

import java.util.Locale;

/** How the buyer feels in a message, as the seed names it. Wire values are the lower-case names. */
public enum InboxEmotion {
    /** Angry: insults, caps, threats. */
    ANGRY,
    /** Frustrated: disappointed, tired of waiting, but not hostile. */
    FRUSTRATED,
    /** Neutral: a plain question or statement. */
    NEUTRAL,
    /** Happy: thanks, pleased. */
    HAPPY;

    /**
     * Returns the wire value.
     *
     * @return e.g. {@code frustrated}
     */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a wire value.
     *
     * @param value e.g. {@code angry}, in any case
     * @return the emotion
     * @throws IllegalArgumentException naming the allowed values when the value is none of them
     */
    public static InboxEmotion fromWire(String value) {
        return Wire.read(InboxEmotion.class, value, "emotion");
    }
}

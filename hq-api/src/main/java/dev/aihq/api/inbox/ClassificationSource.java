package dev.aihq.api.inbox;

import java.util.Locale;

/** Who classified a message. Wire values are the lower-case names. */
public enum ClassificationSource {
    /** A language model, its answer checked against the schema. */
    MODEL,
    /** The deterministic keyword and rating rules, which work without a model. */
    RULES,
    /** A person of the shop, correcting the classification. */
    HUMAN;

    /**
     * Returns the wire value.
     *
     * @return e.g. {@code rules}
     */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a wire value.
     *
     * @param value e.g. {@code model}, in any case
     * @return the source
     * @throws IllegalArgumentException naming the allowed values when the value is none of them
     */
    public static ClassificationSource fromWire(String value) {
        return Wire.read(ClassificationSource.class, value, "classification source");
    }
}

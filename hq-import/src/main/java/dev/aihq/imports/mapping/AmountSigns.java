package dev.aihq.imports.mapping;

/** What a negative amount in a file means. */
public enum AmountSigns {
    /**
     * Amounts must not be negative: a negative one is reported as a problem of its row (the seller's own sheets,
     * where the kind column gives the direction and a minus is a typing error).
     */
    POSITIVE_ONLY,
    /**
     * The amount's size is taken and its sign ignored (marketplace reports, which write deductions such as the
     * commission as negative numbers while the kind already says which way the money went).
     */
    ABSOLUTE
}

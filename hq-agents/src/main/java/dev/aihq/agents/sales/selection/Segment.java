package dev.aihq.agents.sales.selection;

/** A customer's segment, from the shop's own purchase history (see {@link CustomerScorer}). */
public enum Segment {
    /** No earlier purchase in the shop: this order is the first. */
    NEW,
    /** Bought before, fewer times than a loyal customer, and recently. */
    REPEAT,
    /** Bought before often enough to count as loyal, and recently. */
    LOYAL,
    /** Bought before, but the last earlier purchase is long ago: the customer is drifting away. */
    AT_RISK,
    /** The source gives no contact, so the shop cannot know the customer's history. */
    UNKNOWN
}

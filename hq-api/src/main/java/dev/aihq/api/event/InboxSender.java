package dev.aihq.api.event;

/** Who wrote an inbox item's message. */
public enum InboxSender {
    /** The buyer. */
    BUYER,
    /** The shop (an answer written elsewhere, e.g. in the seller cabinet). */
    SELLER,
    /** The marketplace itself (a system message in a chat). */
    MARKETPLACE
}

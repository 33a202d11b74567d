package dev.aihq.api.event;

import java.util.Locale;

/** What a buyer wrote on a marketplace that the shop may answer. Wire values are the lower-case names. */
public enum InboxItemKind {
    /** A product review (feedback) with a rating. */
    REVIEW,
    /** A public question on a product card. */
    QUESTION,
    /** A message in a buyer chat. */
    CHAT_MESSAGE;

    /**
     * Returns the wire value.
     *
     * @return e.g. {@code chat_message}
     */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package dev.aihq.api.channel;

import java.util.Objects;

/**
 * A button the customer can tap to answer. Channels that render buttons send {@link #id()} back with the
 * answer ({@link dev.aihq.api.event.CustomerReplyEvent#buttonId()}); channels without buttons list the
 * titles in the text and the answer arrives as typed text.
 *
 * @param id what comes back when the button is tapped, 1–{@value #MAX_ID_LENGTH} characters, e.g.
 *     {@code consent:yes}
 * @param title the button's label, 1–{@value #MAX_TITLE_LENGTH} characters (WhatsApp's limit)
 */
public record QuickReply(String id, String title) {

    /** The longest id, in characters. */
    public static final int MAX_ID_LENGTH = 256;

    /** The longest title, in characters. */
    public static final int MAX_TITLE_LENGTH = 20;

    /** Checks both parts. */
    public QuickReply {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        if (id.isBlank() || id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("quick reply id must be 1-" + MAX_ID_LENGTH
                    + " characters and not blank, got " + id.length());
        }
        if (title.isBlank() || title.length() > MAX_TITLE_LENGTH) {
            throw new IllegalArgumentException("quick reply title must be 1-" + MAX_TITLE_LENGTH
                    + " characters and not blank, got " + title.length() + ": " + title);
        }
    }
}

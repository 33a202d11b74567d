package dev.aihq.connectors.wb;

import java.util.Objects;

/**
 * The message of a chat event.
 *
 * @param text what was written, {@code ""} for a message of attachments only
 * @param attachments the attachments, {@link WbChatAttachments#NONE} when none
 */
public record WbChatMessage(String text, WbChatAttachments attachments) {

    /** Requires both parts. */
    public WbChatMessage {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(attachments, "attachments");
    }

    /** Shows lengths and counts, never the buyer's words. */
    @Override
    public String toString() {
        return "WbChatMessage[" + text.length() + " chars, " + attachments.files().size() + " files, "
                + attachments.images().size() + " images" + (attachments.goodCard() == null ? "" : ", goodCard")
                + "]";
    }
}

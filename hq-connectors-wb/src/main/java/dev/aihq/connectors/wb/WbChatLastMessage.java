package dev.aihq.connectors.wb;

import java.time.Instant;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A chat's latest message as the chat list shows it.
 *
 * @param text the text, {@code ""} when none
 * @param addTimestamp when it was written, or {@code null}
 */
public record WbChatLastMessage(String text, @Nullable Instant addTimestamp) {

    /** Requires the text. */
    public WbChatLastMessage {
        Objects.requireNonNull(text, "text");
    }

    /** Shows the text's length, never the buyer's words. */
    @Override
    public String toString() {
        return "WbChatLastMessage[" + text.length() + " chars, " + addTimestamp + "]";
    }
}

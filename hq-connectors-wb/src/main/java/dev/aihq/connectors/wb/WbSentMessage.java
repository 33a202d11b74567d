package dev.aihq.connectors.wb;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * WB's answer to a sent chat message: {@code {result:{addTime, chatID}, errors}}.
 *
 * @param addTime when WB took the message
 * @param chatId the chat it went to
 * @param fileErrors WB's errors about files it could not take ({@code errors}), empty when none
 */
public record WbSentMessage(Instant addTime, String chatId, List<String> fileErrors) {

    /** Requires the time and the chat; copies the errors. */
    public WbSentMessage {
        Objects.requireNonNull(addTime, "add time");
        Objects.requireNonNull(chatId, "chat id");
        fileErrors = List.copyOf(fileErrors);
    }
}

package dev.aihq.connectors.ozon;

import java.util.List;

/**
 * One page of {@code /v3/chat/history} (reference §3.7), in the order Ozon sent it (newest first for
 * {@link OzonChatDirection#BACKWARD}).
 *
 * @param messages the messages
 * @param hasNext whether more follow in the direction read (boolean or string on the wire)
 */
public record OzonChatHistoryPage(List<OzonChatMessage> messages, boolean hasNext) {

    /** Copies the messages. */
    public OzonChatHistoryPage {
        messages = List.copyOf(messages);
    }
}

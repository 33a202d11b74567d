package dev.aihq.connectors.ozon;

import java.util.List;
import javax.annotation.Nullable;

/**
 * One page of {@code /v3/chat/list} (reference §3.7).
 *
 * @param chats the chats of the page
 * @param totalUnreadCount unread messages over all the shop's chats
 * @param cursor where the next page starts, or {@code null}
 * @param hasNext whether more follow (Ozon's example sends the string {@code "true"}; both forms are read)
 */
public record OzonChatPage(List<OzonChat> chats, long totalUnreadCount, @Nullable String cursor, boolean hasNext) {

    /** Copies the chats. */
    public OzonChatPage {
        chats = List.copyOf(chats);
    }
}

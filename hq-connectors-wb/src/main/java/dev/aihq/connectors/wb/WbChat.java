package dev.aihq.connectors.wb;

import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A buyer chat of {@code GET /api/v1/seller/chats}. Only the buyer opens a chat; the seller answers with the chat's
 * {@link #replySign()} ({@link WbChats#send}). The deprecated {@code clientID} is not read.
 *
 * @param chatId WB's id of the chat, e.g. {@code 1:4019cd7d-…}
 * @param replySign the chat's signature, needed to send into it; a credential-like value, never in a
 *     {@code toString}
 * @param clientName the buyer's first name, or {@code null}
 * @param goodCard the order the buyer wrote from, or {@code null}
 * @param lastMessage the latest message, or {@code null}
 */
public record WbChat(String chatId, String replySign, @Nullable String clientName, @Nullable WbGoodCard goodCard,
        @Nullable WbChatLastMessage lastMessage) {

    /** Requires the id and the signature. */
    public WbChat {
        Objects.requireNonNull(chatId, "chat id");
        Objects.requireNonNull(replySign, "reply sign");
    }

    /** Shows the chat's id and the order, masking the signature and leaving out the buyer's name and text. */
    @Override
    public String toString() {
        return "WbChat[" + chatId + ", replySign=****" + (goodCard == null || goodCard.rid() == null ? ""
                : ", rid " + goodCard.rid()) + "]";
    }
}

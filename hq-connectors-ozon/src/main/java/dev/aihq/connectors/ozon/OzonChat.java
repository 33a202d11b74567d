package dev.aihq.connectors.ozon;

import dev.aihq.connectors.ozon.internal.mapper.OzonChatNormalizer;
import java.time.Instant;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A chat from {@code /v3/chat/list} (reference §3.7).
 *
 * @param chatId Ozon's id of the chat
 * @param status {@code Opened} or {@code Closed} as sent, {@code ""} when absent
 * @param type the chat type as sent ({@code Buyer_Seller}, {@code Seller_Support}, {@code BUYER_SELLER}, …),
 *     {@code ""} when absent
 * @param createdAt when it was created, or {@code null}
 * @param firstUnreadMessageId the first unread message, or {@code null}
 * @param lastMessageId the newest message, or {@code null}
 * @param unreadCount how many messages are unread
 */
public record OzonChat(String chatId, String status, String type, @Nullable Instant createdAt,
        @Nullable String firstUnreadMessageId, @Nullable String lastMessageId, long unreadCount) {

    /** Requires the id, status and type. */
    public OzonChat {
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(type, "type");
    }

    /**
     * Tells whether it is a chat between a buyer and the seller ({@code Buyer_Seller} or
     * {@code Buyer_Seller_Select}, any letter case), not a support or notification chat.
     *
     * @return {@code true} for a buyer chat
     */
    public boolean buyerChat() {
        return OzonChatNormalizer.isBuyerChat(type);
    }
}

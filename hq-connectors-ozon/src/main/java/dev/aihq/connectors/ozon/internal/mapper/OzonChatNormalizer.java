package dev.aihq.connectors.ozon.internal.mapper;

import dev.aihq.api.event.InboxSender;
import java.util.Locale;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * How this module reads Ozon's chat vocabulary, written once for the chat methods, the inbox poller and the push
 * route: chat types in any letter case (live data shows {@code BUYER_SELLER} as well as {@code Buyer_Seller},
 * reference §3.7, integrator-reported) and user types spelled with a Cyrillic "С" ({@code "Сustomer"} in Ozon's own
 * examples, §3.7 and §3.9).
 */
public final class OzonChatNormalizer {

    /** Chat types (lower case) whose messages are between a buyer and the seller. */
    public static final Set<String> BUYER_CHAT_TYPES = Set.of("buyer_seller", "buyer_seller_select");

    private OzonChatNormalizer() {}

    /**
     * Reads a Cyrillic "С"/"с" (U+0421/U+0441) as the Latin letter and lowers the case.
     *
     * @param value a chat or user type as Ozon sent it
     * @return e.g. {@code customer} for {@code "Сustomer"}
     */
    public static String normalize(String value) {
        return value.strip().replace('\u0421', 'C').replace('\u0441', 'c').toLowerCase(Locale.ROOT);
    }

    /**
     * Tells whether a chat type is a buyer chat ({@code Buyer_Seller}, {@code Buyer_Seller_Select}, any case).
     *
     * @param chatType the type, or {@code null}
     * @return {@code false} for support, notification and unknown chats
     */
    public static boolean isBuyerChat(@Nullable String chatType) {
        return chatType != null && BUYER_CHAT_TYPES.contains(normalize(chatType));
    }

    /**
     * Tells who wrote a message from its {@code user.type}: {@code customer} the buyer, {@code seller} the shop,
     * anything else ({@code crm}, {@code courier}, {@code support}, {@code NotificationUser}) Ozon.
     *
     * @param userType the type as sent (any case, maybe a Cyrillic "С"), or {@code null} when Ozon sent none
     * @return the sender; the buyer when the type is absent, Ozon when it is blank or unknown
     */
    public static InboxSender sender(@Nullable String userType) {
        if (userType == null) {
            return InboxSender.BUYER;
        }
        return switch (normalize(userType)) {
            case "customer" -> InboxSender.BUYER;
            case "seller" -> InboxSender.SELLER;
            default -> InboxSender.MARKETPLACE;
        };
    }
}

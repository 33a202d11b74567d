package dev.aihq.connectors.wb.internal.mapper;

import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import dev.aihq.api.event.InboxEvent;
import dev.aihq.api.event.InboxItemKind;
import dev.aihq.api.event.InboxSender;
import dev.aihq.api.store.IndexedOrder;
import dev.aihq.connectors.wb.WbChatAttachedFile;
import dev.aihq.connectors.wb.WbChatEvent;
import dev.aihq.connectors.wb.WbChatImage;
import dev.aihq.connectors.wb.WbChatMessage;
import dev.aihq.connectors.wb.WbGoodCard;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * A chat message event as the inbox's {@link InboxEvent} {@link InboxItemKind#CHAT_MESSAGE}: thread id = WB's
 * {@code chatID}, message id = {@code eventID} (so the journal's key de-duplicates by event), the text, the
 * attachments by name (a file's name, {@code image} for an image), {@code goodCard.rid} as the order reference and
 * {@code nmID} as the product id, the chat's {@code replySign} as the reply handle, the buyer's first name as the
 * author (on the buyer's messages), {@code addTimestamp} as the time. A found order of the local index adds the
 * seller's article and the product's name (and the product id when WB gave none). Stateless.
 */
public final class WbChatInboxMapper {

    /** The attachment name of an image, which WB sends without a name. */
    public static final String IMAGE = "image";

    /** The attachment name of a file WB sent without a name. */
    public static final String FILE = "file";

    private WbChatInboxMapper() {}

    /**
     * Tells who wrote an event, as the inbox names it.
     *
     * @param event the event
     * @return {@code client} the buyer, {@code seller} the seller, {@code wb} the marketplace; empty for another or
     *     no value
     */
    public static Optional<InboxSender> sender(WbChatEvent event) {
        if (event.sender() == null) {
            return Optional.empty();
        }
        return switch (event.sender()) {
            case WbChatEvent.SENDER_CLIENT -> Optional.of(InboxSender.BUYER);
            case WbChatEvent.SENDER_SELLER -> Optional.of(InboxSender.SELLER);
            case WbChatEvent.SENDER_WB -> Optional.of(InboxSender.MARKETPLACE);
            default -> Optional.empty();
        };
    }

    /**
     * Maps a message event.
     *
     * @param shopId the shop
     * @param event a message event with a message and a known sender
     * @param replySign the chat's signature, or {@code null} when not known
     * @param order the order of the index {@code goodCard.rid} names, or {@code null}
     * @return the event
     * @throws IllegalArgumentException when the event has no message or an unknown sender
     */
    public static InboxEvent chatMessage(ShopId shopId, WbChatEvent event, @Nullable String replySign,
            @Nullable IndexedOrder order) {
        WbChatMessage message = event.message();
        InboxSender sender = sender(event).orElse(null);
        if (message == null || sender == null) {
            throw new IllegalArgumentException("chat event " + event.eventId() + " has no message or an unknown"
                    + " sender");
        }
        InboxEvent.Builder inbox = InboxEvent.builder()
                .shopId(shopId)
                .marketplace(Marketplace.WILDBERRIES)
                .kind(InboxItemKind.CHAT_MESSAGE)
                .threadId(event.chatId())
                .messageId(event.eventId())
                .sender(sender)
                .text(message.text().strip())
                .authorName(sender == InboxSender.BUYER ? event.clientName() : null)
                .replyHandle(replySign)
                .occurredAt(event.addTimestamp());
        for (WbChatAttachedFile file : message.attachments().files()) {
            inbox.attachment(file.name() == null || file.name().isBlank() ? FILE : file.name());
        }
        for (WbChatImage ignored : message.attachments().images()) {
            inbox.attachment(IMAGE);
        }
        WbGoodCard card = message.attachments().goodCard();
        String productId = card == null || card.nmId() == null ? null : Long.toString(card.nmId());
        if (order != null) {
            inbox.sellerSku(order.sellerSku()).productName(order.productName());
            if (productId == null) {
                productId = order.productId();
            }
        }
        return inbox.orderRef(card == null ? null : card.rid()).productId(productId).build();
    }
}

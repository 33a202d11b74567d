package dev.aihq.connectors.ozon;

import dev.aihq.api.event.InboxSender;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A message from {@code /v3/chat/history} (reference §3.7). {@link #orderNumber()} is Ozon's chat ↔ order link
 * ({@code context.order_number}); push messages do not carry it.
 *
 * @param messageId Ozon's id of the message, as text (Ozon sends a number or a string)
 * @param userId the author's id, or {@code null}
 * @param userType the author's type as sent ({@code customer}, {@code seller}, {@code crm}, {@code courier},
 *     {@code support}, or {@code "Сustomer"} with a Cyrillic "С"), {@code ""} when absent
 * @param sender who wrote it, from the normalised type: the buyer, the seller or Ozon
 * @param createdAt when it was written, or {@code null}
 * @param read whether it was read
 * @param image whether it is an image
 * @param moderateImageStatus {@code SUCCESS}, {@code MODERATION} or {@code FAILED} for an image, or {@code null}
 * @param data the text parts (Markdown), possibly empty
 * @param orderNumber {@code context.order_number}, or {@code null}
 * @param sku {@code context.sku} (Ozon's SKU), or {@code null}
 */
public record OzonChatMessage(String messageId, @Nullable String userId, String userType, InboxSender sender,
        @Nullable Instant createdAt, boolean read, boolean image, @Nullable String moderateImageStatus,
        List<String> data, @Nullable String orderNumber, @Nullable String sku) {

    /** Requires the id, type and sender; copies the data. */
    public OzonChatMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(userType, "userType");
        Objects.requireNonNull(sender, "sender");
        data = List.copyOf(data);
    }

    /**
     * Returns the text: the data parts joined by new lines.
     *
     * @return the text, possibly empty
     */
    public String text() {
        return String.join("\n", data);
    }

    /** Keeps the buyer's words out of logs. */
    @Override
    public String toString() {
        return "OzonChatMessage[" + messageId + ", " + sender + ", " + createdAt + ", " + text().length() + " chars"
                + (orderNumber == null ? "" : ", order " + orderNumber) + "]";
    }
}

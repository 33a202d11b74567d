package dev.aihq.connectors.wb;

import java.time.Instant;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * One event of the chat events feed ({@code GET /api/v1/seller/events}). WB documents one event type,
 * {@value #TYPE_MESSAGE}, and an older client also knew {@code refund}: other values are kept as sent. WB's values
 * of {@code sender} and {@code source} are kept as sent too, with constants for the documented ones.
 *
 * @param chatId the chat
 * @param eventId the event's id, unique in the feed (the de-duplication key)
 * @param eventType {@value #TYPE_MESSAGE}, or a value the connector does not know
 * @param newChat whether this event opened the chat ({@code isNewChat})
 * @param message the message, or {@code null} when WB sent none
 * @param source where it was written ({@code seller-portal}, {@code seller-public-api}, {@code rusite},
 *     {@code global}, {@code ios}, {@code android}), or {@code null}
 * @param addTimestamp when the event reached WB ({@code addTimestamp}, ms)
 * @param addTime WB's UTC text of the same time, or {@code null}
 * @param replySign the chat's signature, only when {@code newChat}; never in a {@code toString}
 * @param sender {@value #SENDER_CLIENT}, {@value #SENDER_SELLER}, {@value #SENDER_WB}, or another value; or
 *     {@code null}
 * @param clientName the buyer's first name, or {@code null}
 */
public record WbChatEvent(String chatId, String eventId, String eventType, boolean newChat,
        @Nullable WbChatMessage message, @Nullable String source, Instant addTimestamp, @Nullable String addTime,
        @Nullable String replySign, @Nullable String sender, @Nullable String clientName) {

    /** The event type of a message. */
    public static final String TYPE_MESSAGE = "message";

    /** A message of the buyer. */
    public static final String SENDER_CLIENT = "client";

    /** A message of the seller (cabinet or API). */
    public static final String SENDER_SELLER = "seller";

    /** A message of Wildberries. */
    public static final String SENDER_WB = "wb";

    /** Requires the ids, the type and the time. */
    public WbChatEvent {
        Objects.requireNonNull(chatId, "chat id");
        Objects.requireNonNull(eventId, "event id");
        Objects.requireNonNull(eventType, "event type");
        Objects.requireNonNull(addTimestamp, "add timestamp");
    }

    /**
     * Tells whether this is a message event.
     *
     * @return {@code true} for {@value #TYPE_MESSAGE}
     */
    public boolean isMessage() {
        return TYPE_MESSAGE.equals(eventType);
    }

    /**
     * Returns the order the message is about.
     *
     * @return the message's {@code goodCard}, or {@code null}
     */
    public @Nullable WbGoodCard goodCard() {
        return message == null ? null : message.attachments().goodCard();
    }

    /** Shows ids, type, sender and time; masks the signature and leaves out the buyer's name and text. */
    @Override
    public String toString() {
        return "WbChatEvent[" + chatId + ", " + eventId + ", " + eventType + ", " + sender
                + (newChat ? ", new chat, replySign=" + (replySign == null ? "none" : "****") : "") + ", " + message
                + ", " + addTimestamp + "]";
    }
}

package dev.aihq.connectors.wb.internal.dto;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import javax.annotation.Nullable;

/**
 * The buyer-chat API's wire shapes (reference §2.7), only the fields the connector reads; every field may be
 * missing, the mapper checks what it needs.
 */
public final class ChatDtos {

    private ChatDtos() {}

    /**
     * {@code {result, errors}}, the envelope of every chat response.
     *
     * @param result the payload
     * @param errors WB's errors, {@code null} or {@code []} when none
     * @param <T> the payload type
     */
    public record Envelope<T>(@Nullable T result, @Nullable JsonNode errors) {}

    /**
     * A chat of {@code GET /api/v1/seller/chats}.
     *
     * @param chatID the chat's id
     * @param replySign the chat's reply signature
     * @param clientName the buyer's first name
     * @param goodCard the order the buyer wrote from
     * @param lastMessage the latest message
     */
    public record ChatDto(@Nullable String chatID, @Nullable String replySign, @Nullable String clientName,
            @Nullable GoodCardDto goodCard, @Nullable LastMessageDto lastMessage) {}

    /**
     * {@code goodCard}.
     *
     * @param date the order's date
     * @param nmID WB's article
     * @param price the price the buyer paid
     * @param priceCurrency the currency
     * @param rid the unique order id
     * @param size the size
     */
    public record GoodCardDto(@Nullable String date, @Nullable Long nmID, @Nullable Long price,
            @Nullable String priceCurrency, @Nullable String rid, @Nullable String size) {}

    /**
     * {@code lastMessage}.
     *
     * @param text the text
     * @param addTimestamp unix ms
     */
    public record LastMessageDto(@Nullable String text, @Nullable Long addTimestamp) {}

    /**
     * The result of {@code GET /api/v1/seller/events}.
     *
     * @param next the cursor of the next call
     * @param newestEventTime RFC 3339
     * @param oldestEventTime RFC 3339
     * @param totalEvents how many events this page has
     * @param events the events
     */
    public record EventsDto(@Nullable Long next, @Nullable String newestEventTime, @Nullable String oldestEventTime,
            @Nullable Integer totalEvents, @Nullable List<EventDto> events) {}

    /**
     * One event.
     *
     * @param chatID the chat
     * @param eventID the event
     * @param eventType {@code message}, or a value the connector does not know
     * @param isNewChat whether the event opened the chat
     * @param message the message, absent on some events
     * @param source where it was written
     * @param addTimestamp unix ms
     * @param addTime UTC
     * @param replySign the chat's signature, only on a new chat
     * @param sender {@code client}, {@code seller} or {@code wb}
     * @param clientName the buyer's first name
     */
    public record EventDto(@Nullable String chatID, @Nullable String eventID, @Nullable String eventType,
            @Nullable Boolean isNewChat, @Nullable MessageDto message, @Nullable String source,
            @Nullable Long addTimestamp, @Nullable String addTime, @Nullable String replySign,
            @Nullable String sender, @Nullable String clientName) {}

    /**
     * {@code message}.
     *
     * @param text the text, absent for files only
     * @param attachments the attachments
     */
    public record MessageDto(@Nullable String text, @Nullable AttachmentsDto attachments) {}

    /**
     * {@code attachments}.
     *
     * @param goodCard the order
     * @param files the files
     * @param images the images
     */
    public record AttachmentsDto(@Nullable GoodCardDto goodCard, @Nullable List<FileDto> files,
            @Nullable List<ImageDto> images) {}

    /**
     * A file.
     *
     * @param contentType its media type
     * @param date when it was uploaded
     * @param downloadID its id for the download method
     * @param name its name
     * @param url its URL
     * @param size its size in bytes
     */
    public record FileDto(@Nullable String contentType, @Nullable String date, @Nullable String downloadID,
            @Nullable String name, @Nullable String url, @Nullable Long size) {}

    /**
     * An image.
     *
     * @param date when it was uploaded
     * @param downloadID its id for the download method
     * @param url its URL
     */
    public record ImageDto(@Nullable String date, @Nullable String downloadID, @Nullable String url) {}

    /**
     * The result of {@code POST /api/v1/seller/message}.
     *
     * @param addTime unix ms
     * @param chatID the chat
     */
    public record SentDto(@Nullable Long addTime, @Nullable String chatID) {}

    /**
     * A 202 of the download: the file is under moderation.
     *
     * @param moderationState {@code pending}
     * @param retrySeconds when to ask again
     */
    public record PendingDto(@Nullable String moderationState, @Nullable Long retrySeconds) {}
}

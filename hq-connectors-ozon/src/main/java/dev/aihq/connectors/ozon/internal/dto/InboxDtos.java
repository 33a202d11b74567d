package dev.aihq.connectors.ozon.internal.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import javax.annotation.Nullable;

/**
 * The wire shapes of Ozon's review (reference §3.5), question (§3.6) and chat (§3.7) methods. Answers: only the
 * fields the connector reads, everything nullable, unknown fields ignored; fields Ozon sends in more than one type
 * ({@code has_next} a boolean or the string {@code "true"}, ids as numbers or strings) are read as {@link JsonNode}.
 * Requests: {@code null} fields are left out.
 */
public final class InboxDtos {

    private InboxDtos() {}

    // ------------------------------------------------------------------ reviews

    /**
     * {@code /v1/review/list} body.
     *
     * @param lastId the previous page's {@code last_id}, {@code null} for the first page
     * @param limit 20–100
     * @param sortDir {@code ASC} or {@code DESC}
     * @param status {@code ALL}, {@code UNPROCESSED} or {@code PROCESSED}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReviewListRequest(
            @JsonProperty("last_id") @Nullable String lastId,
            int limit,
            @JsonProperty("sort_dir") String sortDir,
            String status) {}

    /**
     * {@code /v1/review/list} answer.
     *
     * @param hasNext whether more follow
     * @param lastId where the next page starts
     * @param reviews the reviews
     */
    public record ReviewListResponse(
            @JsonProperty("has_next") @Nullable JsonNode hasNext,
            @JsonProperty("last_id") @Nullable String lastId,
            @Nullable List<ReviewDto> reviews) {}

    /**
     * A review, as the list and {@code /v1/review/info} send it (the info adds photos, videos, likes).
     *
     * @param id the id
     * @param sku Ozon's SKU
     * @param text the text
     * @param rating 1–5
     * @param status {@code UNPROCESSED} or {@code PROCESSED}
     * @param orderStatus {@code DELIVERED} or {@code CANCELLED}
     * @param publishedAt when published
     * @param commentsAmount comments
     * @param photosAmount photos
     * @param videosAmount videos
     * @param ratingParticipant whether it counts in the rating
     * @param photos the photos (info only)
     * @param videos the videos (info only)
     * @param likesAmount likes (info only)
     * @param dislikesAmount dislikes (info only)
     */
    public record ReviewDto(
            @Nullable String id,
            @Nullable JsonNode sku,
            @Nullable String text,
            @Nullable JsonNode rating,
            @Nullable String status,
            @JsonProperty("order_status") @Nullable String orderStatus,
            @JsonProperty("published_at") @Nullable String publishedAt,
            @JsonProperty("comments_amount") @Nullable Integer commentsAmount,
            @JsonProperty("photos_amount") @Nullable Integer photosAmount,
            @JsonProperty("videos_amount") @Nullable Integer videosAmount,
            @JsonProperty("is_rating_participant") @Nullable Boolean ratingParticipant,
            @Nullable List<MediaDto> photos,
            @Nullable List<MediaDto> videos,
            @JsonProperty("likes_amount") @Nullable Integer likesAmount,
            @JsonProperty("dislikes_amount") @Nullable Integer dislikesAmount) {}

    /**
     * A review's photo or video.
     *
     * @param url the file
     * @param previewUrl a video's preview
     * @param shortVideoPreviewUrl a video's short preview
     * @param width width
     * @param height height
     */
    public record MediaDto(
            @Nullable String url,
            @JsonProperty("preview_url") @Nullable String previewUrl,
            @JsonProperty("short_video_preview_url") @Nullable String shortVideoPreviewUrl,
            @Nullable Long width,
            @Nullable Long height) {}

    /**
     * {@code /v1/review/info} body.
     *
     * @param reviewId the review
     */
    public record ReviewInfoRequest(@JsonProperty("review_id") String reviewId) {}

    /**
     * {@code /v1/review/comment/create} body.
     *
     * @param reviewId the review
     * @param text the comment
     * @param markReviewAsProcessed whether the review becomes {@code PROCESSED}
     * @param parentCommentId the comment answered, or {@code null}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CommentCreateRequest(
            @JsonProperty("review_id") String reviewId,
            String text,
            @JsonProperty("mark_review_as_processed") boolean markReviewAsProcessed,
            @JsonProperty("parent_comment_id") @Nullable String parentCommentId) {}

    /**
     * {@code /v1/review/comment/create} answer.
     *
     * @param commentId the new comment
     */
    public record CommentCreateResponse(@JsonProperty("comment_id") @Nullable String commentId) {}

    /**
     * {@code /v1/review/comment/delete} body.
     *
     * @param commentId the comment
     */
    public record CommentDeleteRequest(@JsonProperty("comment_id") String commentId) {}

    /**
     * {@code /v1/review/comment/list} body.
     *
     * @param reviewId the review
     * @param limit 20–100
     * @param offset how many to skip
     * @param sortDir {@code ASC} or {@code DESC}
     */
    public record CommentListRequest(
            @JsonProperty("review_id") String reviewId,
            int limit,
            int offset,
            @JsonProperty("sort_dir") String sortDir) {}

    /**
     * {@code /v1/review/comment/list} answer.
     *
     * @param comments the comments
     * @param offset the count in the answer
     */
    public record CommentListResponse(@Nullable List<CommentDto> comments, @Nullable Integer offset) {}

    /**
     * A comment on a review.
     *
     * @param id the id
     * @param text the text
     * @param publishedAt when published
     * @param owner whether the seller wrote it
     * @param official whether an official wrote it
     * @param parentCommentId the comment it answers
     */
    public record CommentDto(
            @Nullable String id,
            @Nullable String text,
            @JsonProperty("published_at") @Nullable String publishedAt,
            @JsonProperty("is_owner") @Nullable Boolean owner,
            @JsonProperty("is_official") @Nullable Boolean official,
            @JsonProperty("parent_comment_id") @Nullable String parentCommentId) {}

    /**
     * {@code /v1/review/change-status} body.
     *
     * @param reviewIds 1–100 ids
     * @param status {@code PROCESSED} or {@code UNPROCESSED}
     */
    public record ReviewChangeStatusRequest(@JsonProperty("review_ids") List<String> reviewIds, String status) {}

    /**
     * {@code /v1/review/count} answer.
     *
     * @param total all
     * @param processed processed
     * @param unprocessed unprocessed
     */
    public record ReviewCountResponse(@Nullable Long total, @Nullable Long processed, @Nullable Long unprocessed) {}

    // ------------------------------------------------------------------ questions

    /**
     * {@code /v1/question/list} body.
     *
     * @param filter the period and status
     * @param lastId the previous page's {@code last_id}, {@code null} for the first
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuestionListRequest(QuestionFilter filter, @JsonProperty("last_id") @Nullable String lastId) {}

    /**
     * The filter of {@code /v1/question/list}.
     *
     * @param dateFrom from, RFC 3339, or {@code null}
     * @param dateTo to, RFC 3339, or {@code null}
     * @param status {@code NEW}, {@code ALL}, {@code VIEWED}, {@code PROCESSED} or {@code UNPROCESSED}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuestionFilter(
            @JsonProperty("date_from") @Nullable String dateFrom,
            @JsonProperty("date_to") @Nullable String dateTo,
            String status) {}

    /**
     * {@code /v1/question/list} answer.
     *
     * @param questions the questions
     * @param lastId where the next page starts
     */
    public record QuestionListResponse(
            @Nullable List<QuestionDto> questions,
            @JsonProperty("last_id") @Nullable String lastId) {}

    /**
     * A question.
     *
     * @param id the id
     * @param sku Ozon's SKU
     * @param text the text
     * @param authorName the author's name
     * @param answersCount answers
     * @param productUrl the product's page
     * @param questionLink the question's page
     * @param publishedAt when published
     * @param status its status
     */
    public record QuestionDto(
            @Nullable String id,
            @Nullable JsonNode sku,
            @Nullable String text,
            @JsonProperty("author_name") @Nullable String authorName,
            @JsonProperty("answers_count") @Nullable Long answersCount,
            @JsonProperty("product_url") @Nullable String productUrl,
            @JsonProperty("question_link") @Nullable String questionLink,
            @JsonProperty("published_at") @Nullable String publishedAt,
            @Nullable String status) {}

    /**
     * {@code /v1/question/answer/create} body.
     *
     * @param questionId the question
     * @param sku Ozon's SKU of the question's product
     * @param text 2–3000 characters
     */
    public record AnswerCreateRequest(@JsonProperty("question_id") String questionId, long sku, String text) {}

    /**
     * {@code /v1/question/answer/create} answer.
     *
     * @param answerId the new answer
     */
    public record AnswerCreateResponse(@JsonProperty("answer_id") @Nullable String answerId) {}

    /**
     * {@code /v1/question/answer/delete} body.
     *
     * @param answerId the answer
     * @param sku Ozon's SKU
     */
    public record AnswerDeleteRequest(@JsonProperty("answer_id") String answerId, long sku) {}

    /**
     * {@code /v1/question/answer/list} body.
     *
     * @param questionId the question
     * @param sku Ozon's SKU
     * @param lastId the previous page's {@code last_id}, or {@code null}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AnswerListRequest(
            @JsonProperty("question_id") String questionId,
            long sku,
            @JsonProperty("last_id") @Nullable String lastId) {}

    /**
     * {@code /v1/question/answer/list} answer.
     *
     * @param answers the answers
     * @param lastId where the next page starts
     */
    public record AnswerListResponse(@Nullable List<AnswerDto> answers, @JsonProperty("last_id") @Nullable String lastId) {}

    /**
     * An answer to a question.
     *
     * @param id the id
     * @param questionId the question
     * @param sku Ozon's SKU
     * @param text the text
     * @param authorName who answered
     * @param publishedAt when published
     */
    public record AnswerDto(
            @Nullable String id,
            @JsonProperty("question_id") @Nullable String questionId,
            @Nullable JsonNode sku,
            @Nullable String text,
            @JsonProperty("author_name") @Nullable String authorName,
            @JsonProperty("published_at") @Nullable String publishedAt) {}

    /**
     * {@code /v1/question/change-status} body.
     *
     * @param questionIds the questions
     * @param status {@code NEW}, {@code VIEWED} or {@code PROCESSED}
     */
    public record QuestionChangeStatusRequest(@JsonProperty("question_ids") List<String> questionIds, String status) {}

    /**
     * {@code /v1/question/count} answer.
     *
     * @param all all
     * @param newCount new
     * @param viewed viewed
     * @param processed processed
     * @param unprocessed unprocessed
     */
    public record QuestionCountResponse(
            @Nullable Long all,
            @JsonProperty("new") @Nullable Long newCount,
            @Nullable Long viewed,
            @Nullable Long processed,
            @Nullable Long unprocessed) {}

    // ------------------------------------------------------------------ chats

    /**
     * {@code /v3/chat/list} body.
     *
     * @param filter status and unread
     * @param limit 1–1000
     * @param cursor the previous page's cursor, or {@code null}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChatListRequest(ChatFilter filter, int limit, @Nullable String cursor) {}

    /**
     * The filter of {@code /v3/chat/list}.
     *
     * @param chatStatus {@code All}, {@code Opened} or {@code Closed}
     * @param unreadOnly only chats with unread messages
     */
    public record ChatFilter(
            @JsonProperty("chat_status") String chatStatus,
            @JsonProperty("unread_only") boolean unreadOnly) {}

    /**
     * {@code /v3/chat/list} answer.
     *
     * @param chats the chats
     * @param totalUnreadCount unread messages over all chats
     * @param cursor where the next page starts
     * @param hasNext a boolean, or the string {@code "true"} as in Ozon's example
     */
    public record ChatListResponse(
            @Nullable List<ChatItemDto> chats,
            @JsonProperty("total_unread_count") @Nullable Long totalUnreadCount,
            @Nullable String cursor,
            @JsonProperty("has_next") @Nullable JsonNode hasNext) {}

    /**
     * One element of the chat list.
     *
     * @param chat the chat
     * @param firstUnreadMessageId the first unread message
     * @param lastMessageId the newest message
     * @param unreadCount unread messages
     */
    public record ChatItemDto(
            @Nullable ChatDto chat,
            @JsonProperty("first_unread_message_id") @Nullable JsonNode firstUnreadMessageId,
            @JsonProperty("last_message_id") @Nullable JsonNode lastMessageId,
            @JsonProperty("unread_count") @Nullable Long unreadCount) {}

    /**
     * A chat.
     *
     * @param chatId the id
     * @param chatStatus {@code Opened}, {@code Closed}
     * @param chatType {@code Buyer_Seller}, {@code Seller_Support}, … in any case
     * @param createdAt when created
     */
    public record ChatDto(
            @JsonProperty("chat_id") @Nullable JsonNode chatId,
            @JsonProperty("chat_status") @Nullable String chatStatus,
            @JsonProperty("chat_type") @Nullable String chatType,
            @JsonProperty("created_at") @Nullable String createdAt) {}

    /**
     * {@code /v3/chat/history} body.
     *
     * @param chatId the chat
     * @param direction {@code Forward} or {@code Backward}
     * @param fromMessageId where to start, or {@code null} for the end the direction starts at
     * @param limit 1–1000
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChatHistoryRequest(
            @JsonProperty("chat_id") String chatId,
            String direction,
            @JsonProperty("from_message_id") @Nullable String fromMessageId,
            int limit) {}

    /**
     * {@code /v3/chat/history} answer.
     *
     * @param hasNext whether more follow (boolean or string)
     * @param messages the messages
     */
    public record ChatHistoryResponse(
            @JsonProperty("has_next") @Nullable JsonNode hasNext,
            @Nullable List<ChatMessageDto> messages) {}

    /**
     * A chat message.
     *
     * @param messageId the id (a number or a string)
     * @param user who wrote it
     * @param createdAt when
     * @param read whether read
     * @param image whether it is an image
     * @param moderateImageStatus an image's moderation
     * @param data the text parts (Markdown)
     * @param context the order it is about
     */
    public record ChatMessageDto(
            @JsonProperty("message_id") @Nullable JsonNode messageId,
            @Nullable UserDto user,
            @JsonProperty("created_at") @Nullable String createdAt,
            @JsonProperty("is_read") @Nullable Boolean read,
            @JsonProperty("is_image") @Nullable Boolean image,
            @JsonProperty("moderate_image_status") @Nullable String moderateImageStatus,
            @Nullable List<String> data,
            @Nullable ContextDto context) {}

    /**
     * A message's author.
     *
     * @param id the id
     * @param type {@code customer}, {@code seller}, {@code crm}, {@code courier}, {@code support} (any case, maybe a
     *     Cyrillic "С")
     */
    public record UserDto(@Nullable JsonNode id, @Nullable String type) {}

    /**
     * A message's order context.
     *
     * @param orderNumber the order number
     * @param sku Ozon's SKU
     */
    public record ContextDto(
            @JsonProperty("order_number") @Nullable String orderNumber,
            @Nullable JsonNode sku) {}

    /**
     * {@code /v1/chat/send/message} body.
     *
     * @param chatId the chat
     * @param text 1–1000 characters
     */
    public record SendMessageRequest(@JsonProperty("chat_id") String chatId, String text) {}

    /**
     * {@code /v1/chat/send/message} answer.
     *
     * @param result {@code success}
     */
    public record SendMessageResponse(@Nullable String result) {}

    /**
     * {@code /v1/chat/start} body.
     *
     * @param postingNumber the posting
     */
    public record ChatStartRequest(@JsonProperty("posting_number") String postingNumber) {}

    /**
     * {@code /v1/chat/start} answer.
     *
     * @param result the chat
     */
    public record ChatStartResponse(@Nullable ChatStartResult result) {}

    /**
     * The started chat.
     *
     * @param chatId its id
     */
    public record ChatStartResult(@JsonProperty("chat_id") @Nullable JsonNode chatId) {}

    /**
     * {@code /v2/chat/read} body.
     *
     * @param chatId the chat
     * @param fromMessageId the message up to which all are read, or {@code null}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChatReadRequest(
            @JsonProperty("chat_id") String chatId,
            @JsonProperty("from_message_id") @Nullable String fromMessageId) {}

    /**
     * {@code /v2/chat/read} answer.
     *
     * @param unreadCount messages still unread
     */
    public record ChatReadResponse(@JsonProperty("unread_count") @Nullable Long unreadCount) {}
}

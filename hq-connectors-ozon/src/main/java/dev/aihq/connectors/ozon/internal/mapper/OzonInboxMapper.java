package dev.aihq.connectors.ozon.internal.mapper;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.connectors.ozon.OzonChat;
import dev.aihq.connectors.ozon.OzonChatMessage;
import dev.aihq.connectors.ozon.OzonQuestion;
import dev.aihq.connectors.ozon.OzonQuestionAnswer;
import dev.aihq.connectors.ozon.OzonResponseException;
import dev.aihq.connectors.ozon.OzonReview;
import dev.aihq.connectors.ozon.OzonReviewComment;
import dev.aihq.connectors.ozon.OzonReviewMedia;
import dev.aihq.connectors.ozon.internal.dto.InboxDtos;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.annotation.Nullable;

/**
 * Turns Ozon's review, question and chat DTOs into this module's records, leniently: a time that does not parse is
 * {@code null}, a rating outside 1–5 is {@code null}, a missing count is 0. Only an element without its id is an
 * error ({@link OzonResponseException} naming the field).
 */
public final class OzonInboxMapper {

    private OzonInboxMapper() {}

    /**
     * Maps a review.
     *
     * @param dto the wire review
     * @param field its path, for the error
     * @param request the request, for the error
     * @return the review
     */
    public static OzonReview review(InboxDtos.ReviewDto dto, String field, String request) {
        String id = required(dto.id(), field + ".id", request);
        Long rating = number(dto.rating());
        return new OzonReview(id, number(dto.sku()), text(dto.text()),
                rating != null && rating >= 1 && rating <= 5 ? rating.intValue() : null, text(dto.status()),
                blankToNull(dto.orderStatus()), instant(dto.publishedAt()), count(dto.commentsAmount()),
                count(dto.photosAmount()), count(dto.videosAmount()), Boolean.TRUE.equals(dto.ratingParticipant()),
                media(dto.photos()), media(dto.videos()), dto.likesAmount(), dto.dislikesAmount());
    }

    /**
     * Maps a comment on a review.
     *
     * @param dto the wire comment
     * @param field its path
     * @param request the request
     * @return the comment
     */
    public static OzonReviewComment comment(InboxDtos.CommentDto dto, String field, String request) {
        return new OzonReviewComment(required(dto.id(), field + ".id", request), text(dto.text()),
                instant(dto.publishedAt()), Boolean.TRUE.equals(dto.owner()), Boolean.TRUE.equals(dto.official()),
                blankToNull(dto.parentCommentId()));
    }

    /**
     * Maps a question.
     *
     * @param dto the wire question
     * @param field its path
     * @param request the request
     * @return the question
     */
    public static OzonQuestion question(InboxDtos.QuestionDto dto, String field, String request) {
        return new OzonQuestion(required(dto.id(), field + ".id", request), number(dto.sku()), text(dto.text()),
                blankToNull(dto.authorName()), dto.answersCount() == null ? 0 : dto.answersCount(),
                blankToNull(dto.productUrl()), blankToNull(dto.questionLink()), instant(dto.publishedAt()),
                text(dto.status()));
    }

    /**
     * Maps an answer to a question.
     *
     * @param dto the wire answer
     * @param questionId the question asked for, when the answer does not name it
     * @param field its path
     * @param request the request
     * @return the answer
     */
    public static OzonQuestionAnswer answer(InboxDtos.AnswerDto dto, String questionId, String field,
            String request) {
        String question = dto.questionId() == null || dto.questionId().isBlank() ? questionId : dto.questionId();
        return new OzonQuestionAnswer(required(dto.id(), field + ".id", request), question, number(dto.sku()),
                text(dto.text()), blankToNull(dto.authorName()), instant(dto.publishedAt()));
    }

    /**
     * Maps an element of the chat list.
     *
     * @param dto the wire element
     * @param field its path
     * @param request the request
     * @return the chat
     */
    public static OzonChat chat(InboxDtos.ChatItemDto dto, String field, String request) {
        InboxDtos.ChatDto chat = dto.chat();
        if (chat == null) {
            throw malformed(field + ".chat", request);
        }
        String chatId = id(chat.chatId());
        if (chatId == null) {
            throw malformed(field + ".chat.chat_id", request);
        }
        return new OzonChat(chatId, text(chat.chatStatus()), text(chat.chatType()), instant(chat.createdAt()),
                id(dto.firstUnreadMessageId()), id(dto.lastMessageId()),
                dto.unreadCount() == null ? 0 : Math.max(0, dto.unreadCount()));
    }

    /**
     * Maps a chat message.
     *
     * @param dto the wire message
     * @param field its path
     * @param request the request
     * @return the message
     */
    public static OzonChatMessage message(InboxDtos.ChatMessageDto dto, String field, String request) {
        String messageId = id(dto.messageId());
        if (messageId == null) {
            throw malformed(field + ".message_id", request);
        }
        InboxDtos.UserDto user = dto.user();
        String type = user == null ? null : user.type();
        InboxDtos.ContextDto context = dto.context();
        List<String> data = new ArrayList<>();
        if (dto.data() != null) {
            dto.data().stream().filter(part -> part != null).forEach(data::add);
        }
        return new OzonChatMessage(messageId, user == null ? null : id(user.id()), type == null ? "" : type,
                OzonChatNormalizer.sender(type), instant(dto.createdAt()), Boolean.TRUE.equals(dto.read()),
                Boolean.TRUE.equals(dto.image()), blankToNull(dto.moderateImageStatus()), data,
                context == null ? null : blankToNull(context.orderNumber()),
                context == null ? null : id(context.sku()));
    }

    /**
     * Reads a flag Ozon sends as a boolean or as the string {@code "true"}/{@code "false"}.
     *
     * @param node the value, or {@code null}
     * @return {@code true} only for {@code true} or {@code "true"} (any case)
     */
    public static boolean flag(@Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isTextual() && node.asText().strip().toLowerCase(Locale.ROOT).equals("true");
    }

    /**
     * Reads an id Ozon sends as a number or a string, as the push route does: a number's digits, a string
     * stripped.
     *
     * @param node the value, or {@code null}
     * @return the id, or {@code null} when absent, blank, zero or not a scalar
     */
    public static @Nullable String id(@Nullable JsonNode node) {
        if (node == null || node.isNull() || !node.isValueNode()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().signum() == 0 ? null : node.bigIntegerValue().toString();
        }
        String text = node.asText().strip();
        return text.isEmpty() || text.equals("0") ? null : text;
    }

    /**
     * Reads a time as Ozon writes it: RFC 3339 with an offset, or without one (UTC).
     *
     * @param text the time, or {@code null}
     * @return the instant, or {@code null} when absent or not readable
     */
    public static @Nullable Instant instant(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static @Nullable Long number(@Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isTextual() && node.asText().strip().matches("-?\\d{1,18}")) {
            return Long.parseLong(node.asText().strip());
        }
        return null;
    }

    private static List<OzonReviewMedia> media(@Nullable List<InboxDtos.MediaDto> dtos) {
        if (dtos == null) {
            return List.of();
        }
        List<OzonReviewMedia> media = new ArrayList<>();
        for (InboxDtos.MediaDto dto : dtos) {
            if (dto != null && dto.url() != null && !dto.url().isBlank()) {
                media.add(new OzonReviewMedia(dto.url(), blankToNull(dto.previewUrl()),
                        blankToNull(dto.shortVideoPreviewUrl()), dto.width(), dto.height()));
            }
        }
        return media;
    }

    private static String required(@Nullable String value, String field, String request) {
        if (value == null || value.isBlank()) {
            throw malformed(field, request);
        }
        return value.strip();
    }

    private static OzonResponseException malformed(String field, String request) {
        return new OzonResponseException(200, field, request + ": malformed response: " + field + " is missing",
                null);
    }

    private static int count(@Nullable Integer value) {
        return value == null ? 0 : Math.max(0, value);
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

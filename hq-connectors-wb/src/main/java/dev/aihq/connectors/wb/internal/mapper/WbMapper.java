package dev.aihq.connectors.wb.internal.mapper;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.connectors.wb.WbFeedback;
import dev.aihq.connectors.wb.WbFeedbackAnswer;
import dev.aihq.connectors.wb.WbProductDetails;
import dev.aihq.connectors.wb.WbQuestion;
import dev.aihq.connectors.wb.WbQuestionAnswer;
import dev.aihq.connectors.wb.WbResponseException;
import dev.aihq.connectors.wb.WbUnansweredCount;
import dev.aihq.connectors.wb.internal.dto.FeedbackDto;
import dev.aihq.connectors.wb.internal.dto.ProductDetailsDto;
import dev.aihq.connectors.wb.internal.dto.QuestionDto;
import dev.aihq.connectors.wb.internal.dto.UnansweredCountDto;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import javax.annotation.Nullable;

/**
 * Wildberries' wire records to the connector's public records, tolerantly: optional fields may be absent, unknown
 * values are carried as sent; only what the record cannot do without (an id, a date) fails, as a
 * {@link WbResponseException} naming the request and the field. Stateless.
 */
public final class WbMapper {

    /** Moscow, the zone WB means when a date comes without an offset. */
    public static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private WbMapper() {}

    /**
     * Maps a feedback.
     *
     * @param request the request, for messages
     * @param dto the wire record
     * @param path its JSON path, e.g. {@code data.feedbacks[3]}
     * @return the feedback
     * @throws WbResponseException when the id or the date is missing or unreadable
     */
    public static WbFeedback feedback(String request, FeedbackDto dto, String path) {
        String id = requireText(request, path + ".id", dto.id());
        Instant created = requireDate(request, path + ".createdDate", dto.createdDate());
        FeedbackDto.Answer a = dto.answer();
        WbFeedbackAnswer answer = a == null || a.text() == null ? null
                : new WbFeedbackAnswer(a.text(), nz(a.state()), Boolean.TRUE.equals(a.editable()));
        Integer rating = dto.productValuation();
        if (rating != null && (rating < 1 || rating > 5)) {
            rating = null;
        }
        int photos = dto.photoLinks() == null ? 0 : dto.photoLinks().size();
        JsonNode video = dto.video();
        boolean hasVideo = video != null && !video.isNull() && !video.isMissingNode()
                && !(video.isObject() && video.isEmpty());
        List<String> tags = dto.bables() == null ? List.of()
                : dto.bables().stream().filter(t -> t != null && !t.isBlank()).toList();
        return new WbFeedback(id, nz(dto.text()), nz(dto.pros()), nz(dto.cons()), rating, created, nz(dto.state()),
                Boolean.TRUE.equals(dto.wasViewed()), answer, product(dto.productDetails()), photos, hasVideo,
                blankToNull(dto.userName()), blankToNull(dto.orderStatus()),
                optionalDate(dto.lastOrderCreatedAt()), dto.matchingSize(), tags,
                blankToNull(dto.parentFeedbackId()), blankToNull(dto.childFeedbackId()));
    }

    /**
     * Maps a question.
     *
     * @param request the request, for messages
     * @param dto the wire record
     * @param path its JSON path
     * @return the question
     * @throws WbResponseException when the id or the date is missing or unreadable
     */
    public static WbQuestion question(String request, QuestionDto dto, String path) {
        String id = requireText(request, path + ".id", dto.id());
        Instant created = requireDate(request, path + ".createdDate", dto.createdDate());
        QuestionDto.Answer a = dto.answer();
        WbQuestionAnswer answer = a == null || a.text() == null ? null
                : new WbQuestionAnswer(a.text(), Boolean.TRUE.equals(a.editable()), optionalDate(a.createDate()));
        return new WbQuestion(id, nz(dto.text()), created, nz(dto.state()), Boolean.TRUE.equals(dto.wasViewed()),
                Boolean.TRUE.equals(dto.isWarned()), answer, product(dto.productDetails()));
    }

    /**
     * Maps an unanswered count.
     *
     * @param dto the wire record
     * @return the count, zeros for absent numbers
     */
    public static WbUnansweredCount unansweredCount(UnansweredCountDto dto) {
        JsonNode valuation = dto.valuation();
        String text = valuation == null || valuation.isNull() || !valuation.isValueNode() ? null : valuation.asText();
        return new WbUnansweredCount(dto.countUnanswered() == null ? 0 : dto.countUnanswered(),
                dto.countUnansweredToday() == null ? 0 : dto.countUnansweredToday(), blankToNull(text));
    }

    /**
     * Reads a WB date: ISO with an offset, an instant, or a local date-time taken as Moscow time.
     *
     * @param text the date
     * @return the instant, or {@code null} when blank or unreadable
     */
    public static @Nullable Instant optionalDate(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(value).atZone(MOSCOW).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static @Nullable WbProductDetails product(@Nullable ProductDetailsDto dto) {
        if (dto == null) {
            return null;
        }
        return new WbProductDetails(dto.nmId(), dto.imtId(), blankToNull(dto.productName()),
                blankToNull(dto.supplierArticle()), blankToNull(dto.supplierName()), blankToNull(dto.brandName()),
                blankToNull(dto.size()));
    }

    private static String requireText(String request, String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new WbResponseException(200, field, request + ": malformed response, " + field + " is missing", null);
        }
        return value;
    }

    private static Instant requireDate(String request, String field, @Nullable String value) {
        Instant instant = optionalDate(value);
        if (instant == null) {
            throw new WbResponseException(200, field, request + ": malformed response, " + field
                    + (value == null || value.isBlank() ? " is missing" : " is not a date"), null);
        }
        return instant;
    }

    private static String nz(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

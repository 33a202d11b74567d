package dev.aihq.connectors.wb;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.aihq.api.ShopId;
import dev.aihq.api.error.CapabilityNotSupportedException;
import dev.aihq.api.error.MarketplaceException;
import dev.aihq.api.error.ResourceNotFoundException;
import dev.aihq.connectors.wb.internal.client.SkipTakePager;
import dev.aihq.connectors.wb.internal.client.WbHttp;
import dev.aihq.connectors.wb.internal.dto.FeedbackDto;
import dev.aihq.connectors.wb.internal.dto.FeedbackList;
import dev.aihq.connectors.wb.internal.dto.NewItemsDto;
import dev.aihq.connectors.wb.internal.dto.UnansweredCountDto;
import dev.aihq.connectors.wb.internal.dto.WbEnvelope;
import dev.aihq.connectors.wb.internal.mapper.WbMapper;
import dev.aihq.http.HttpResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * A shop's Wildberries feedbacks (reviews), on {@code feedbacks-api.wildberries.ru} under the feedbacks-and-questions
 * rate limit (3 a second, burst 6, shared with {@link WbQuestions}). Get it from {@link WbClient#feedbacks()}.
 *
 * <pre>{@code
 * List<WbFeedback> open = wb.feedbacks().list(shop, WbListQuery.unanswered());
 * WbFeedback answered = wb.feedbacks().answer(shop, open.get(0).id(), "Спасибо за отзыв!");
 * }</pre>
 *
 * <p><b>Listing</b> walks {@code take}/{@code skip} pages to the end ({@code take ≤ 5000}, {@code skip ≤ 199 990};
 * past that the date window moves on, see {@link WbClient}). Note that WB may list a feedback under
 * {@code isAnswered=true} with {@code answer: null} (forum report); it is returned as WB sent it.
 *
 * <p><b>Answering.</b> WB does not check the feedback id of an answer: a wrong id gets 204 too. So
 * {@link #answer} reads the feedback back and fails with a {@link WbResponseException} naming the id when the answer
 * is not there. The text must be {@value #MIN_ANSWER}–{@value #MAX_ANSWER} characters (UTF-16 units, the stricter
 * count for emoji), checked before sending. Answers are public and moderated. An answer can be edited once within
 * 60 days; {@link #editAnswer} refuses locally when WB says it is no longer {@code editable}.
 *
 * <p>Thread-safe.
 */
public final class WbFeedbacks {

    /** The shortest answer WB takes, in characters. */
    public static final int MIN_ANSWER = 2;

    /** The longest answer WB takes, in characters. */
    public static final int MAX_ANSWER = 5000;

    /** The largest {@code skip} WB accepts on the feedback lists. */
    public static final int MAX_SKIP = 199_990;

    private static final String LIST = "/api/v1/feedbacks";
    private static final String ARCHIVE = "/api/v1/feedbacks/archive";
    private static final String ONE = "/api/v1/feedback";
    private static final String ANSWER = "/api/v1/feedbacks/answer";
    private static final TypeReference<WbEnvelope<FeedbackList>> LIST_TYPE = new TypeReference<>() {};
    private static final TypeReference<WbEnvelope<FeedbackDto>> ONE_TYPE = new TypeReference<>() {};
    private static final TypeReference<WbEnvelope<UnansweredCountDto>> UNANSWERED_TYPE = new TypeReference<>() {};
    private static final TypeReference<WbEnvelope<Integer>> COUNT_TYPE = new TypeReference<>() {};
    private static final TypeReference<WbEnvelope<NewItemsDto>> NEW_TYPE = new TypeReference<>() {};

    private final WbHttp http;
    private final int pageSize;

    WbFeedbacks(WbHttp http, int pageSize) {
        this.http = Objects.requireNonNull(http, "http");
        this.pageSize = pageSize;
    }

    /**
     * Lists a shop's feedbacks, answered or not, every page to the end.
     *
     * @param shopId the shop
     * @param query answered or not, product, window and order
     * @return the feedbacks in WB's order, each once
     * @throws CapabilityNotSupportedException if the shop has no token
     * @throws MarketplaceException if WB refuses, fails or answers what cannot be read
     */
    public List<WbFeedback> list(ShopId shopId, WbListQuery query) {
        return readAll(shopId, LIST, query, true);
    }

    /**
     * Lists a shop's archived feedbacks (answered, 30 days without an answer, or without text and photo), every
     * page to the end; {@code isAnswered} is not sent.
     *
     * @param shopId the shop
     * @param query product, window and order
     * @return the feedbacks in WB's order, each once
     * @throws CapabilityNotSupportedException if the shop has no token
     * @throws MarketplaceException if WB refuses, fails or answers what cannot be read
     */
    public List<WbFeedback> listArchive(ShopId shopId, WbListQuery query) {
        return readAll(shopId, ARCHIVE, query, false);
    }

    /**
     * Reads one feedback ({@code GET /api/v1/feedback?id=}).
     *
     * @param shopId the shop
     * @param feedbackId the feedback's id
     * @return the feedback, or empty when WB has none by that id
     * @throws CapabilityNotSupportedException if the shop has no token
     * @throws MarketplaceException if WB refuses, fails or answers what cannot be read
     */
    public Optional<WbFeedback> get(ShopId shopId, String feedbackId) {
        requireId(feedbackId);
        String request = "GET " + ONE;
        WbEnvelope<FeedbackDto> envelope;
        try {
            envelope = http.get(shopId, WbMethodGroup.FEEDBACKS_QUESTIONS, WbApi.FEEDBACKS, ONE,
                    Map.of("id", feedbackId), ONE_TYPE);
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
        envelope.requireNoError(http.service(), request, 200);
        FeedbackDto dto = envelope.data();
        if (dto == null || dto.id() == null || dto.id().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(WbMapper.feedback(request, dto, "data"));
    }

    /**
     * Counts a shop's unanswered feedbacks ({@code GET /api/v1/feedbacks/count-unanswered}).
     *
     * @param shopId the shop
     * @return the counts and the average rating
     * @throws CapabilityNotSupportedException if the shop has no token
     * @throws MarketplaceException if WB refuses, fails or answers what cannot be read
     */
    public WbUnansweredCount unansweredCount(ShopId shopId) {
        String path = LIST + "/count-unanswered";
        WbEnvelope<UnansweredCountDto> envelope = http.get(shopId, WbMethodGroup.FEEDBACKS_QUESTIONS, WbApi.FEEDBACKS,
                path, Map.of(), UNANSWERED_TYPE);
        return WbMapper.unansweredCount(envelope.requireData(http.service(), "GET " + path, 200));
    }

    /**
     * Counts a shop's feedbacks ({@code GET /api/v1/feedbacks/count}).
     *
     * @param shopId the shop
     * @param answered only answered ({@code true}) or unanswered ({@code false}) ones, or {@code null} for all
     * @param dateFrom created at or after, or {@code null}
     * @param dateTo created at or before, or {@code null}
     * @return the count
     * @throws CapabilityNotSupportedException if the shop has no token
     * @throws MarketplaceException if WB refuses, fails or answers what cannot be read
     */
    public int count(ShopId shopId, @Nullable Boolean answered, @Nullable Instant dateFrom, @Nullable Instant dateTo) {
        String path = LIST + "/count";
        Map<String, String> query = new LinkedHashMap<>();
        if (dateFrom != null) {
            query.put("dateFrom", Long.toString(dateFrom.getEpochSecond()));
        }
        if (dateTo != null) {
            query.put("dateTo", Long.toString(dateTo.getEpochSecond()));
        }
        if (answered != null) {
            query.put("isAnswered", answered.toString());
        }
        WbEnvelope<Integer> envelope = http.get(shopId, WbMethodGroup.FEEDBACKS_QUESTIONS, WbApi.FEEDBACKS, path,
                query, COUNT_TYPE);
        return envelope.requireData(http.service(), "GET " + path, 200);
    }

    /**
     * Tells whether the shop has feedbacks or questions it has not viewed
     * ({@code GET /api/v1/new-feedbacks-questions}).
     *
     * @param shopId the shop
     * @return the two flags
     * @throws CapabilityNotSupportedException if the shop has no token
     * @throws MarketplaceException if WB refuses, fails or answers what cannot be read
     */
    public WbNewItems newItems(ShopId shopId) {
        String path = "/api/v1/new-feedbacks-questions";
        NewItemsDto dto = http.get(shopId, WbMethodGroup.FEEDBACKS_QUESTIONS, WbApi.FEEDBACKS, path, Map.of(),
                NEW_TYPE).requireData(http.service(), "GET " + path, 200);
        return new WbNewItems(Boolean.TRUE.equals(dto.hasNewFeedbacks()), Boolean.TRUE.equals(dto.hasNewQuestions()));
    }

    /**
     * Answers a feedback publicly ({@code POST /api/v1/feedbacks/answer}), then reads it back to check that WB
     * holds the answer, since WB does not check the id.
     *
     * @param shopId the shop
     * @param feedbackId the feedback's id
     * @param text the answer, {@value #MIN_ANSWER}–{@value #MAX_ANSWER} characters once stripped
     * @return the feedback as read back, with the answer
     * @throws WbValidationException before sending, when the text is too short or too long
     * @throws WbResponseException when the read-back does not show the answer (naming the feedback id)
     * @throws CapabilityNotSupportedException if the shop has no token
     * @throws MarketplaceException if WB refuses or fails
     */
    public WbFeedback answer(ShopId shopId, String feedbackId, String text) {
        requireId(feedbackId);
        String answer = checkAnswer(text);
        send(shopId, "POST", feedbackId, answer);
        return verify(shopId, "POST " + ANSWER, feedbackId, answer);
    }

    /**
     * Edits the answer to a feedback ({@code PATCH /api/v1/feedbacks/answer}); WB allows it once, within 60 days.
     * Reads the feedback first and refuses locally when it has no answer or WB says the answer is not
     * {@code editable}; reads it back after.
     *
     * @param shopId the shop
     * @param feedbackId the feedback's id
     * @param text the new answer, {@value #MIN_ANSWER}–{@value #MAX_ANSWER} characters once stripped
     * @return the feedback as read back, with the new answer
     * @throws WbValidationException before sending, when the text is too short or too long, the feedback is not
     *     found, has no answer, or its answer is no longer editable
     * @throws WbResponseException when the read-back does not show the new answer
     * @throws CapabilityNotSupportedException if the shop has no token
     * @throws MarketplaceException if WB refuses or fails
     */
    public WbFeedback editAnswer(ShopId shopId, String feedbackId, String text) {
        requireId(feedbackId);
        String answer = checkAnswer(text);
        WbFeedback current = get(shopId, feedbackId).orElseThrow(() -> new WbValidationException("id",
                "feedback " + feedbackId + " was not found: nothing to edit"));
        WbFeedbackAnswer existing = current.answer();
        if (existing == null) {
            throw new WbValidationException("answer", "feedback " + feedbackId
                    + " has no answer to edit; answer it with answer() first");
        }
        if (!existing.editable()) {
            throw new WbValidationException("answer.editable", "the answer to feedback " + feedbackId
                    + " can no longer be edited: WB allows one edit within 60 days of answering (editable=false)");
        }
        send(shopId, "PATCH", feedbackId, answer);
        return verify(shopId, "PATCH " + ANSWER, feedbackId, answer);
    }

    @Override
    public String toString() {
        return "WbFeedbacks[pageSize=" + pageSize + "]";
    }

    /**
     * Checks an answer's length before it is sent.
     *
     * @param text the answer
     * @return the stripped answer
     * @throws WbValidationException naming the field {@code text} and the limit
     */
    static String checkAnswer(String text) {
        Objects.requireNonNull(text, "text");
        String stripped = text.strip();
        if (stripped.length() < MIN_ANSWER) {
            throw new WbValidationException("text", "text of a feedback answer must be at least " + MIN_ANSWER
                    + " characters, got " + stripped.length());
        }
        if (stripped.length() > MAX_ANSWER) {
            throw new WbValidationException("text", "text of a feedback answer must be at most " + MAX_ANSWER
                    + " characters, got " + stripped.length());
        }
        return stripped;
    }

    private void send(ShopId shopId, String method, String feedbackId, String answer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", feedbackId);
        body.put("text", answer);
        HttpResult result = http.sendJson(shopId, WbMethodGroup.FEEDBACKS_QUESTIONS, WbApi.FEEDBACKS, method, ANSWER,
                body);
        if (result.body().length > 0) {
            WbEnvelope<Object> envelope = http.read(result, method + " " + ANSWER, new TypeReference<>() {});
            envelope.requireNoError(http.service(), method + " " + ANSWER, result.status());
        }
    }

    private WbFeedback verify(ShopId shopId, String request, String feedbackId, String answer) {
        WbFeedback back = get(shopId, feedbackId).orElseThrow(() -> new WbResponseException(200, "id", request
                + ": WB accepted the answer, but feedback " + feedbackId + " cannot be read back: WB does not check"
                + " the id of an answer, so it is probably wrong", null));
        WbFeedbackAnswer held = back.answer();
        if (held == null || !held.text().strip().equals(answer)) {
            throw new WbResponseException(200, "answer", request + ": WB accepted the answer, but feedback "
                    + feedbackId + " read back shows " + (held == null ? "no answer" : "a different answer")
                    + "; the answer was not saved", null);
        }
        return back;
    }

    private List<WbFeedback> readAll(ShopId shopId, String path, WbListQuery query, boolean withAnswered) {
        String request = "GET " + path;
        SkipTakePager<WbFeedback> pager = new SkipTakePager<>(request, (take, skip, from, to) -> {
            Map<String, String> params = new LinkedHashMap<>();
            if (withAnswered) {
                params.put("isAnswered", Boolean.toString(query.answered()));
            }
            params.put("take", Integer.toString(take));
            params.put("skip", Integer.toString(skip));
            if (query.nmId() != null) {
                params.put("nmId", query.nmId().toString());
            }
            params.put("order", query.order().wireValue());
            if (from != null) {
                params.put("dateFrom", Long.toString(from.getEpochSecond()));
            }
            if (to != null) {
                params.put("dateTo", Long.toString(to.getEpochSecond()));
            }
            WbEnvelope<FeedbackList> envelope = http.get(shopId, WbMethodGroup.FEEDBACKS_QUESTIONS, WbApi.FEEDBACKS,
                    path, params, LIST_TYPE);
            FeedbackList data = envelope.requireData(http.service(), request, 200);
            List<FeedbackDto> feedbacks = data.feedbacks();
            if (feedbacks == null) {
                throw new WbResponseException(200, "data.feedbacks", request
                        + ": malformed response, data.feedbacks is missing", null);
            }
            List<WbFeedback> page = new ArrayList<>(feedbacks.size());
            for (int i = 0; i < feedbacks.size(); i++) {
                page.add(WbMapper.feedback(request, feedbacks.get(i), "data.feedbacks[" + i + "]"));
            }
            return page;
        }, WbFeedback::id, WbFeedback::createdDate, pageSize, MAX_SKIP, Integer.MAX_VALUE);
        return List.copyOf(pager.readAll(query.order(), query.dateFrom(), query.dateTo()));
    }

    private static void requireId(String feedbackId) {
        Objects.requireNonNull(feedbackId, "feedbackId");
        if (feedbackId.isBlank()) {
            throw new WbValidationException("id", "feedback id is blank");
        }
    }
}

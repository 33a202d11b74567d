package dev.aihq.connectors.wb;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.aihq.api.ShopId;
import dev.aihq.api.error.CapabilityNotSupportedException;
import dev.aihq.api.error.MarketplaceException;
import dev.aihq.api.error.ResourceNotFoundException;
import dev.aihq.connectors.wb.internal.client.SkipTakePager;
import dev.aihq.connectors.wb.internal.client.WbHttp;
import dev.aihq.connectors.wb.internal.dto.QuestionDto;
import dev.aihq.connectors.wb.internal.dto.QuestionList;
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
 * A shop's Wildberries product questions, on {@code feedbacks-api.wildberries.ru} under the feedbacks-and-questions
 * rate limit (shared with {@link WbFeedbacks}). Get it from {@link WbClient#questions()}.
 *
 * <p><b>Listing</b> walks {@code take}/{@code skip} pages to the end; WB serves at most {@code take + skip ≤ 10 000}
 * per window, so past that the window moves on (see {@link WbClient}).
 *
 * <p><b>Answering</b> is one {@code PATCH /api/v1/questions}: {@code {id, answer:{text}, state:"wbRu"}} answers
 * or edits (WB allows one edit within 60 days; an answer WB no longer calls {@code editable} is refused locally),
 * {@code state:"none"} rejects, {@code {id, wasViewed:true}} marks viewed. Answers are public and moderated.
 * Thread-safe.
 */
public final class WbQuestions {

    /** The largest {@code take + skip} WB accepts on the question list. */
    public static final int MAX_SKIP_PLUS_TAKE = 10_000;

    private static final String LIST = "/api/v1/questions";
    private static final String ONE = "/api/v1/question";
    private static final TypeReference<WbEnvelope<QuestionList>> LIST_TYPE = new TypeReference<>() {};
    private static final TypeReference<WbEnvelope<QuestionDto>> ONE_TYPE = new TypeReference<>() {};
    private static final TypeReference<WbEnvelope<UnansweredCountDto>> UNANSWERED_TYPE = new TypeReference<>() {};
    private static final TypeReference<WbEnvelope<Integer>> COUNT_TYPE = new TypeReference<>() {};

    private final WbHttp http;
    private final int pageSize;

    WbQuestions(WbHttp http, int pageSize) {
        this.http = Objects.requireNonNull(http, "http");
        this.pageSize = pageSize;
    }

    /**
     * Lists a shop's questions, answered or not, every page to the end.
     *
     * @param shopId the shop
     * @param query answered or not, product, window and order
     * @return the questions in WB's order, each once
     * @throws CapabilityNotSupportedException if the shop has no token
     * @throws MarketplaceException if WB refuses, fails or answers what cannot be read
     */
    public List<WbQuestion> list(ShopId shopId, WbListQuery query) {
        String request = "GET " + LIST;
        SkipTakePager<WbQuestion> pager = new SkipTakePager<>(request, (take, skip, from, to) -> {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("isAnswered", Boolean.toString(query.answered()));
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
            QuestionList data = http.get(shopId, WbMethodGroup.FEEDBACKS_QUESTIONS, WbApi.FEEDBACKS, LIST, params,
                    LIST_TYPE).requireData(http.service(), request, 200);
            List<QuestionDto> questions = data.questions();
            if (questions == null) {
                throw new WbResponseException(200, "data.questions", request
                        + ": malformed response, data.questions is missing", null);
            }
            List<WbQuestion> page = new ArrayList<>(questions.size());
            for (int i = 0; i < questions.size(); i++) {
                page.add(WbMapper.question(request, questions.get(i), "data.questions[" + i + "]"));
            }
            return page;
        }, WbQuestion::id, WbQuestion::createdDate, pageSize, MAX_SKIP_PLUS_TAKE, MAX_SKIP_PLUS_TAKE);
        return List.copyOf(pager.readAll(query.order(), query.dateFrom(), query.dateTo()));
    }

    /**
     * Reads one question ({@code GET /api/v1/question?id=}).
     *
     * @param shopId the shop
     * @param questionId the question's id
     * @return the question, or empty when WB has none by that id
     * @throws CapabilityNotSupportedException if the shop has no token
     * @throws MarketplaceException if WB refuses, fails or answers what cannot be read
     */
    public Optional<WbQuestion> get(ShopId shopId, String questionId) {
        requireId(questionId);
        String request = "GET " + ONE;
        WbEnvelope<QuestionDto> envelope;
        try {
            envelope = http.get(shopId, WbMethodGroup.FEEDBACKS_QUESTIONS, WbApi.FEEDBACKS, ONE,
                    Map.of("id", questionId), ONE_TYPE);
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
        envelope.requireNoError(http.service(), request, 200);
        QuestionDto dto = envelope.data();
        if (dto == null || dto.id() == null || dto.id().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(WbMapper.question(request, dto, "data"));
    }

    /**
     * Counts a shop's unanswered questions ({@code GET /api/v1/questions/count-unanswered}).
     *
     * @param shopId the shop
     * @return the counts
     * @throws CapabilityNotSupportedException if the shop has no token
     * @throws MarketplaceException if WB refuses, fails or answers what cannot be read
     */
    public WbUnansweredCount unansweredCount(ShopId shopId) {
        String path = LIST + "/count-unanswered";
        return WbMapper.unansweredCount(http.get(shopId, WbMethodGroup.FEEDBACKS_QUESTIONS, WbApi.FEEDBACKS, path,
                Map.of(), UNANSWERED_TYPE).requireData(http.service(), "GET " + path, 200));
    }

    /**
     * Counts a shop's questions ({@code GET /api/v1/questions/count}).
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
        return http.get(shopId, WbMethodGroup.FEEDBACKS_QUESTIONS, WbApi.FEEDBACKS, path, query, COUNT_TYPE)
                .requireData(http.service(), "GET " + path, 200);
    }

    /**
     * Answers a question publicly, or edits its answer: {@code PATCH {id, answer:{text}, state:"wbRu"}}. When the
     * question already has an answer WB says is not {@code editable}, refuses locally without sending.
     *
     * @param shopId the shop
     * @param questionId the question's id
     * @param text the answer, not blank
     * @throws WbValidationException before sending, when the text is blank, the question is not found, or its
     *     answer can no longer be edited
     * @throws CapabilityNotSupportedException if the shop has no token
     * @throws MarketplaceException if WB refuses or fails
     */
    public void answer(ShopId shopId, String questionId, String text) {
        requireId(questionId);
        String answer = requireText(text);
        WbQuestion current = get(shopId, questionId).orElseThrow(() -> new WbValidationException("id",
                "question " + questionId + " was not found"));
        if (current.answer() != null && !current.answer().editable()) {
            throw new WbValidationException("answer.editable", "the answer to question " + questionId
                    + " can no longer be edited: WB allows one edit within 60 days of answering (editable=false)");
        }
        patch(shopId, body(questionId, answer, WbQuestion.STATE_ANSWERED));
    }

    /**
     * Rejects a question ({@code state:"none"}), with the text WB keeps as the reason.
     *
     * @param shopId the shop
     * @param questionId the question's id
     * @param text why, not blank
     * @throws WbValidationException before sending, when the text is blank
     * @throws CapabilityNotSupportedException if the shop has no token
     * @throws MarketplaceException if WB refuses or fails
     */
    public void reject(ShopId shopId, String questionId, String text) {
        requireId(questionId);
        patch(shopId, body(questionId, requireText(text), WbQuestion.STATE_REJECTED));
    }

    /**
     * Marks a question viewed ({@code {id, wasViewed:true}}).
     *
     * @param shopId the shop
     * @param questionId the question's id
     * @throws CapabilityNotSupportedException if the shop has no token
     * @throws MarketplaceException if WB refuses or fails
     */
    public void markViewed(ShopId shopId, String questionId) {
        requireId(questionId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", questionId);
        body.put("wasViewed", true);
        patch(shopId, body);
    }

    @Override
    public String toString() {
        return "WbQuestions[pageSize=" + pageSize + "]";
    }

    private static Map<String, Object> body(String questionId, String text, String state) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", questionId);
        body.put("answer", Map.of("text", text));
        body.put("state", state);
        return body;
    }

    private void patch(ShopId shopId, Map<String, Object> body) {
        String request = "PATCH " + LIST;
        HttpResult result = http.sendJson(shopId, WbMethodGroup.FEEDBACKS_QUESTIONS, WbApi.FEEDBACKS, "PATCH", LIST,
                body);
        if (result.body().length > 0) {
            WbEnvelope<Object> envelope = http.read(result, request, new TypeReference<>() {});
            envelope.requireNoError(http.service(), request, result.status());
        }
    }

    private static String requireText(String text) {
        Objects.requireNonNull(text, "text");
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            throw new WbValidationException("text", "text of a question answer must not be blank");
        }
        return stripped;
    }

    private static void requireId(String questionId) {
        Objects.requireNonNull(questionId, "questionId");
        if (questionId.isBlank()) {
            throw new WbValidationException("id", "question id is blank");
        }
    }
}

package dev.aihq.connectors.ozon;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.api.ShopId;
import dev.aihq.api.connector.Capability;
import dev.aihq.api.error.CapabilityNotSupportedException;
import dev.aihq.api.error.MarketplaceException;
import dev.aihq.connectors.ozon.internal.client.OzonHttp;
import dev.aihq.connectors.ozon.internal.dto.InboxDtos;
import dev.aihq.connectors.ozon.internal.mapper.OzonInboxMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * Buyers' questions on a shop's Ozon product cards (reference §3.6): beta methods, <b>Premium Plus only</b>
 * ({@link Capability#QUESTIONS}; a shop without it is refused with a {@link CapabilityNotSupportedException} before
 * any request). Get it from {@link OzonClient#questions()}.
 *
 * <pre>{@code
 * List<OzonQuestion> open = ozon.questions().list(shop, since, now, OzonQuestionStatus.UNPROCESSED);
 * String answerId = ozon.questions().answer(shop, open.get(0).id(), open.get(0).sku(), "Да, подходит.");
 * }</pre>
 *
 * <p><b>Paging.</b> {@code /v1/question/list} pages by {@code last_id} and sends no {@code has_next}: the list ends
 * with an empty page, a blank {@code last_id}, or one that does not move. An answer must be
 * {@value #MIN_ANSWER}–{@value #MAX_ANSWER} characters (UTF-16 units, the stricter count for emoji), checked before
 * anything is sent ({@link OzonValidationException} naming {@code text}). Ozon's Q&amp;A errors carry
 * {@code details} as a string; it is quoted in the exception text. Reads are retried, writes are not. Thread-safe.
 */
public final class OzonQuestions {

    /** The question list. */
    public static final String LIST_PATH = "/v1/question/list";
    /** Answering a question. */
    public static final String ANSWER_CREATE_PATH = "/v1/question/answer/create";
    /** A question's answers. */
    public static final String ANSWER_LIST_PATH = "/v1/question/answer/list";
    /** Deleting an answer. */
    public static final String ANSWER_DELETE_PATH = "/v1/question/answer/delete";
    /** Changing questions' status. */
    public static final String CHANGE_STATUS_PATH = "/v1/question/change-status";
    /** The counts by status. */
    public static final String COUNT_PATH = "/v1/question/count";

    /** The shortest answer Ozon takes. */
    public static final int MIN_ANSWER = 2;
    /** The longest answer Ozon takes. */
    public static final int MAX_ANSWER = 3000;
    /** The most pages a walk reads before it gives up, a guard against a list that never ends. */
    public static final int MAX_PAGES = 10_000;

    private final OzonHttp http;

    OzonQuestions(OzonHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /**
     * Reads one page of the question list.
     *
     * @param shopId the shop
     * @param from published from, or {@code null} for no bound
     * @param to published up to, or {@code null} for no bound
     * @param status which questions
     * @param lastId the previous page's {@link OzonQuestionPage#lastId()}, or {@code null} for the first
     * @return the page
     * @throws CapabilityNotSupportedException if the shop has no credentials or no Premium Plus, before any request
     * @throws MarketplaceException if Ozon refuses, fails or answers what cannot be read
     */
    public OzonQuestionPage page(ShopId shopId, @Nullable Instant from, @Nullable Instant to,
            OzonQuestionStatus status, @Nullable String lastId) {
        Objects.requireNonNull(status, "status");
        if (from != null && to != null && to.isBefore(from)) {
            throw new OzonValidationException("filter.date_to", "filter.date_to " + to + " is before date_from "
                    + from);
        }
        String request = "POST " + LIST_PATH;
        InboxDtos.QuestionListResponse response = http.query(shopId, Capability.QUESTIONS, LIST_PATH,
                new InboxDtos.QuestionListRequest(new InboxDtos.QuestionFilter(time(from), time(to), status.name()),
                        lastId == null || lastId.isBlank() ? null : lastId),
                new TypeReference<InboxDtos.QuestionListResponse>() {});
        List<OzonQuestion> questions = new ArrayList<>();
        List<InboxDtos.QuestionDto> dtos = response.questions() == null ? List.of() : response.questions();
        for (int i = 0; i < dtos.size(); i++) {
            questions.add(OzonInboxMapper.question(dtos.get(i), "questions[" + i + "]", request));
        }
        String next = response.lastId() == null || response.lastId().isBlank() ? null : response.lastId().strip();
        return new OzonQuestionPage(questions, next);
    }

    /**
     * Lists a shop's questions in a period, every page to the end.
     *
     * @param shopId the shop
     * @param from published from, or {@code null}
     * @param to published up to, or {@code null}
     * @param status which questions
     * @return the questions in Ozon's order, each once
     * @throws CapabilityNotSupportedException if the shop has no credentials or no Premium Plus, before any request
     * @throws OzonResponseException after {@value #MAX_PAGES} pages
     * @throws MarketplaceException if Ozon refuses, fails or answers what cannot be read
     */
    public List<OzonQuestion> list(ShopId shopId, @Nullable Instant from, @Nullable Instant to,
            OzonQuestionStatus status) {
        List<OzonQuestion> questions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String lastId = null;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            OzonQuestionPage page = page(shopId, from, to, status, lastId);
            page.questions().stream().filter(q -> seen.add(q.id())).forEach(questions::add);
            if (page.questions().isEmpty() || page.lastId() == null || page.lastId().equals(lastId)) {
                return List.copyOf(questions);
            }
            lastId = page.lastId();
        }
        throw new OzonResponseException(200, "last_id", "POST " + LIST_PATH + ": more than " + MAX_PAGES
                + " pages; stopped", null);
    }

    /**
     * Answers a question, publicly; not retried.
     *
     * @param shopId the shop
     * @param questionId the question
     * @param sku Ozon's SKU of the question's product ({@link OzonQuestion#sku()})
     * @param text {@value #MIN_ANSWER}–{@value #MAX_ANSWER} characters
     * @return Ozon's id of the answer
     * @throws OzonValidationException when the text is out of range or the SKU not positive, before any request
     * @throws CapabilityNotSupportedException if the shop has no credentials or no Premium Plus, before any request
     * @throws MarketplaceException if Ozon refuses, fails or answers what cannot be read
     */
    public String answer(ShopId shopId, String questionId, long sku, String text) {
        String id = OzonReviews.requireId(questionId, "question_id");
        requireSku(sku);
        String body = Objects.requireNonNull(text, "text").strip();
        if (body.length() < MIN_ANSWER || body.length() > MAX_ANSWER) {
            throw new OzonValidationException("text", "text of an answer must be " + MIN_ANSWER + "-" + MAX_ANSWER
                    + " characters, got " + body.length());
        }
        InboxDtos.AnswerCreateResponse response = http.command(shopId, Capability.QUESTIONS, ANSWER_CREATE_PATH,
                new InboxDtos.AnswerCreateRequest(id, sku, body),
                new TypeReference<InboxDtos.AnswerCreateResponse>() {});
        if (response.answerId() == null || response.answerId().isBlank()) {
            throw new OzonResponseException(200, "answer_id", "POST " + ANSWER_CREATE_PATH
                    + ": malformed response: answer_id is missing", null);
        }
        return response.answerId().strip();
    }

    /**
     * Lists a question's answers, every page ({@code last_id} paging).
     *
     * @param shopId the shop
     * @param questionId the question
     * @param sku Ozon's SKU of its product
     * @return the answers, each once
     * @throws CapabilityNotSupportedException if the shop has no credentials or no Premium Plus, before any request
     * @throws MarketplaceException if Ozon refuses, fails or answers what cannot be read
     */
    public List<OzonQuestionAnswer> answers(ShopId shopId, String questionId, long sku) {
        String id = OzonReviews.requireId(questionId, "question_id");
        requireSku(sku);
        String request = "POST " + ANSWER_LIST_PATH;
        List<OzonQuestionAnswer> answers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String lastId = null;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            InboxDtos.AnswerListResponse response = http.query(shopId, Capability.QUESTIONS, ANSWER_LIST_PATH,
                    new InboxDtos.AnswerListRequest(id, sku, lastId),
                    new TypeReference<InboxDtos.AnswerListResponse>() {});
            List<InboxDtos.AnswerDto> dtos = response.answers() == null ? List.of() : response.answers();
            for (int i = 0; i < dtos.size(); i++) {
                OzonQuestionAnswer answer = OzonInboxMapper.answer(dtos.get(i), id, "answers[" + i + "]", request);
                if (seen.add(answer.id())) {
                    answers.add(answer);
                }
            }
            String next = response.lastId() == null || response.lastId().isBlank() ? null : response.lastId().strip();
            if (dtos.isEmpty() || next == null || next.equals(lastId)) {
                return List.copyOf(answers);
            }
            lastId = next;
        }
        throw new OzonResponseException(200, "last_id", request + ": more than " + MAX_PAGES + " pages; stopped",
                null);
    }

    /**
     * Deletes one of the seller's answers; not retried.
     *
     * @param shopId the shop
     * @param answerId the answer
     * @param sku Ozon's SKU of the question's product
     * @throws CapabilityNotSupportedException if the shop has no credentials or no Premium Plus, before any request
     * @throws MarketplaceException if Ozon refuses or fails
     */
    public void deleteAnswer(ShopId shopId, String answerId, long sku) {
        String id = OzonReviews.requireId(answerId, "answer_id");
        requireSku(sku);
        http.command(shopId, Capability.QUESTIONS, ANSWER_DELETE_PATH, new InboxDtos.AnswerDeleteRequest(id, sku),
                new TypeReference<JsonNode>() {});
    }

    /**
     * Sets questions {@code NEW}, {@code VIEWED} or {@code PROCESSED}; not retried.
     *
     * @param shopId the shop
     * @param questionIds at least one question
     * @param status {@link OzonQuestionStatus#NEW}, {@link OzonQuestionStatus#VIEWED} or
     *     {@link OzonQuestionStatus#PROCESSED}
     * @throws OzonValidationException for no ids, a blank id or a status Ozon does not set, before any request
     * @throws CapabilityNotSupportedException if the shop has no credentials or no Premium Plus, before any request
     * @throws MarketplaceException if Ozon refuses or fails
     */
    public void changeStatus(ShopId shopId, List<String> questionIds, OzonQuestionStatus status) {
        Objects.requireNonNull(status, "status");
        if (status == OzonQuestionStatus.ALL || status == OzonQuestionStatus.UNPROCESSED) {
            throw new OzonValidationException("status", "status must be NEW, VIEWED or PROCESSED, got " + status);
        }
        if (questionIds.isEmpty()) {
            throw new OzonValidationException("question_ids", "question_ids must hold at least one id");
        }
        List<String> ids = new ArrayList<>();
        for (String id : questionIds) {
            ids.add(OzonReviews.requireId(id, "question_ids"));
        }
        http.command(shopId, Capability.QUESTIONS, CHANGE_STATUS_PATH,
                new InboxDtos.QuestionChangeStatusRequest(ids, status.name()), new TypeReference<JsonNode>() {});
    }

    /**
     * Counts a shop's questions by status.
     *
     * @param shopId the shop
     * @return the counts
     * @throws CapabilityNotSupportedException if the shop has no credentials or no Premium Plus, before any request
     * @throws MarketplaceException if Ozon refuses, fails or answers what cannot be read
     */
    public OzonQuestionCount count(ShopId shopId) {
        InboxDtos.QuestionCountResponse r = http.query(shopId, Capability.QUESTIONS, COUNT_PATH, Map.of(),
                new TypeReference<InboxDtos.QuestionCountResponse>() {});
        return new OzonQuestionCount(OzonReviews.orZero(r.all()), OzonReviews.orZero(r.newCount()),
                OzonReviews.orZero(r.viewed()), OzonReviews.orZero(r.processed()), OzonReviews.orZero(r.unprocessed()));
    }

    /** Describes the API. */
    @Override
    public String toString() {
        return "OzonQuestions";
    }

    private static void requireSku(long sku) {
        if (sku <= 0) {
            throw new OzonValidationException("sku", "sku must be Ozon's positive SKU of the product, got " + sku);
        }
    }

    private static @Nullable String time(@Nullable Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}

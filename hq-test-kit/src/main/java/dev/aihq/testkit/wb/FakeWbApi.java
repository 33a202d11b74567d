package dev.aihq.testkit.wb;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.annotation.Nullable;

/**
 * A fake Wildberries seller API on one WireMock server, standing in for every WB host (point each API category's
 * base URL at {@link #baseUrl()}). It answers in WB's exact wire shapes (research reference §2.2, §2.5, §2.6):
 *
 * <ul>
 *   <li><b>feedbacks</b>: {@code GET /api/v1/feedbacks} ({@code isAnswered}, {@code take ≤ 5000}, {@code skip ≤
 *       199990} required; {@code nmId}, {@code order}, {@code dateFrom}/{@code dateTo} in unix seconds), the
 *       {@code /archive}, {@code GET /api/v1/feedback?id=}, {@code /count-unanswered}, {@code /count},
 *       {@code GET /api/v1/new-feedbacks-questions}, and {@code POST}/{@code PATCH /api/v1/feedbacks/answer} (204;
 *       text 2–5000 characters; an unknown id is accepted and changes nothing, as on WB; an edit of an answer that
 *       is not {@code editable} is refused), all inside WB's envelope
 *       {@code {data, error:false, errorText:"", additionalErrors:null}};</li>
 *   <li><b>questions</b>: {@code GET /api/v1/questions} ({@code take + skip ≤ 10000}), {@code GET
 *       /api/v1/question?id=}, the counts and {@code PATCH /api/v1/questions} (answer, reject, mark viewed).</li>
 * </ul>
 *
 * <p>Every request needs {@code Authorization: <token>} with the raw token (a {@code Bearer} prefix is refused,
 * as WB does): otherwise 401 in WB's {@code application/problem+json}. Any request can be made to fail with
 * {@link #failNext(String, int, ErrorShape, Integer)}, in each of WB's error shapes ({@link ErrorShape}), a 429
 * with {@code X-Ratelimit-Retry} included. Feedbacks can be rating-only ({@code text ""}), hold emoji or 5000
 * characters, and be listed as answered with {@code answer: null} ({@link Feedback#answeredWithoutAnswer()}), as a
 * WB forum thread reports.
 *
 * <pre>{@code
 * try (FakeWbApi wb = FakeWbApi.start("token")) {
 *     wb.putFeedback(FakeWbApi.feedback("fb-1", 5, "Отличная футболка 👍", createdAt));
 *     WbConfig config = WbConfig.builder().baseUrlForAll(wb.baseUrl()).build();
 *     ...
 * }
 * }</pre>
 *
 * <p><b>Extending.</b> The class is one section per WB API: state, then the answering method, each reached from
 * {@code answer(...)} by path. Add buyer chat, orders or reports as a new section and a branch there. For tests
 * and demos only. Thread-safe.
 */
public final class FakeWbApi implements AutoCloseable {

    /** The most feedbacks one list request may ask for. */
    public static final int MAX_FEEDBACK_TAKE = 5000;
    /** The largest {@code skip} of the feedback lists. */
    public static final int MAX_FEEDBACK_SKIP = 199_990;
    /** The largest {@code take + skip} of the question list. */
    public static final int MAX_QUESTION_WINDOW = 10_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json";
    private static final String PROBLEM_TYPE = "application/problem+json";

    private final String token;
    private final WireMockServer server;
    private final Map<String, Deque<Failure>> failures = new HashMap<>();
    private final Map<String, AtomicInteger> requests = new HashMap<>();
    private final Map<String, List<Map<String, String>>> queries = new HashMap<>();
    private final Map<String, List<String>> bodies = new HashMap<>();

    // ---- feedbacks section state
    private final Map<String, Feedback> feedbacks = new LinkedHashMap<>();
    // ---- questions section state
    private final Map<String, Question> questions = new LinkedHashMap<>();

    private FakeWbApi(String token, int port) {
        this.token = Objects.requireNonNull(token, "token");
        this.server = new WireMockServer(wireMockConfig().port(port).extensions(new Responder()));
    }

    /**
     * Starts a fake on a free port.
     *
     * @param token the only token it accepts
     * @return the running fake
     */
    public static FakeWbApi start(String token) {
        return start(token, 0);
    }

    /**
     * Starts a fake on a port.
     *
     * @param token the only token it accepts
     * @param port the port, or 0 for a free one
     * @return the running fake
     */
    public static FakeWbApi start(String token, int port) {
        FakeWbApi api = new FakeWbApi(token, port);
        api.server.start();
        api.server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));
        return api;
    }

    /**
     * Returns the base URL of every WB API category on this fake.
     *
     * @return e.g. {@code http://localhost:53121}
     */
    public String baseUrl() {
        return server.baseUrl();
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop();
    }

    // ================================================================== common: failures and journal

    /** Each WB API's error body shape (reference §2.2). */
    public enum ErrorShape {
        /** Feedbacks and questions: {@code {data:null, error:true, errorText, additionalErrors, requestId}}. */
        FEEDBACKS_ENVELOPE,
        /** Feedback answer: {@code {title, requestId, origin:"fbapi", detail}}. */
        FEEDBACK_ANSWER,
        /** Buyer chat: {@code {status, title, origin:"proxy-chats", detail, requestId, error}}. */
        CHAT,
        /** Marketplace (FBS/DBS): {@code {code:"IncorrectParameter", message, data}}. */
        MARKETPLACE,
        /** {@code application/problem+json} of 401, 402, 429: {@code {title, detail, code, requestId, origin,
         * status, statusText, timestamp}}. */
        PROBLEM_JSON,
        /** An HTML page, as a proxy in front of WB sends on 502/503. */
        HTML;

        /**
         * Writes this shape's body.
         *
         * @param status the HTTP status
         * @param text WB's text (errorText, detail or message)
         * @return the body
         */
        public String body(int status, String text) {
            String requestId = "req-" + UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8));
            ObjectNode node = JSON.createObjectNode();
            switch (this) {
                case FEEDBACKS_ENVELOPE -> node.putNull("data").put("error", true).put("errorText", text)
                        .putNull("additionalErrors").put("requestId", requestId);
                case FEEDBACK_ANSWER -> node.put("title", "Bad request").put("requestId", requestId)
                        .put("origin", "fbapi").put("detail", text);
                case CHAT -> node.put("status", status).put("title", "Bad request").put("origin", "proxy-chats")
                        .put("detail", text).put("requestId", requestId).put("error", text);
                case MARKETPLACE -> node.put("code", "IncorrectParameter").put("message", text).putNull("data");
                case PROBLEM_JSON -> node.put("title", titleOf(status)).put("detail", text).put("code", "c-" + status)
                        .put("requestId", requestId).put("origin", "s2s-api-auth-catalog").put("status", status)
                        .put("statusText", titleOf(status)).put("timestamp", "2025-10-21T07:28:00Z");
                case HTML -> {
                    return "<html><body><h1>" + status + "</h1>" + text + "</body></html>";
                }
                default -> throw new IllegalStateException(name());
            }
            return node.toString();
        }

        String contentType() {
            return this == PROBLEM_JSON ? PROBLEM_TYPE : this == HTML ? "text/html" : JSON_TYPE;
        }

        private static String titleOf(int status) {
            return switch (status) {
                case 401 -> "unauthorized";
                case 402 -> "payment required";
                case 429 -> "too many requests";
                default -> "error";
            };
        }
    }

    /**
     * Makes the next {@code times} requests to a path fail with a status and an error shape.
     *
     * @param path the exact path, e.g. {@code /api/v1/feedbacks}
     * @param status the HTTP status, e.g. 429
     * @param shape the body's shape
     * @param ratelimitRetrySeconds the {@code X-Ratelimit-Retry} header, or {@code null} for none
     * @return this fake
     */
    public FakeWbApi failNext(String path, int status, ErrorShape shape, @Nullable Integer ratelimitRetrySeconds) {
        return failNext(path, 1, status, shape, "injected failure " + status, ratelimitRetrySeconds);
    }

    /**
     * Makes the next {@code times} requests to a path fail.
     *
     * @param path the exact path
     * @param times how many requests in a row fail, at least 1
     * @param status the HTTP status
     * @param shape the body's shape
     * @param text WB's text in the body
     * @param ratelimitRetrySeconds the {@code X-Ratelimit-Retry} header, or {@code null} for none
     * @return this fake
     */
    public synchronized FakeWbApi failNext(String path, int times, int status, ErrorShape shape, String text,
            @Nullable Integer ratelimitRetrySeconds) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, got " + times);
        }
        Deque<Failure> queue = failures.computeIfAbsent(path, p -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(new Failure(status, shape, text, ratelimitRetrySeconds));
        }
        return this;
    }

    /**
     * Returns how many requests reached a path (failed ones included).
     *
     * @param path the exact path
     * @return the count
     */
    public synchronized int requests(String path) {
        AtomicInteger count = requests.get(path);
        return count == null ? 0 : count.get();
    }

    /**
     * Returns the decoded query parameters of every request to a path, in order.
     *
     * @param path the exact path
     * @return the queries
     */
    public synchronized List<Map<String, String>> queries(String path) {
        return List.copyOf(queries.getOrDefault(path, List.of()));
    }

    /**
     * Returns the bodies of every request to a path, in order.
     *
     * @param path the exact path
     * @return the bodies as text
     */
    public synchronized List<String> bodies(String path) {
        return List.copyOf(bodies.getOrDefault(path, List.of()));
    }

    private synchronized ResponseDefinition answer(Request request) {
        String path = request.getUrl().split("\\?", 2)[0];
        Map<String, String> query = query(request.getUrl());
        requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        queries.computeIfAbsent(path, p -> new ArrayList<>()).add(Map.copyOf(query));
        bodies.computeIfAbsent(path, p -> new ArrayList<>()).add(request.getBodyAsString());
        String auth = request.getHeader("Authorization");
        if (!token.equals(auth)) {
            return error(401, ErrorShape.PROBLEM_JSON, auth != null && auth.startsWith("Bearer ")
                    ? "token problem; send the token without the Bearer prefix" : "token problem; token is malformed",
                    null);
        }
        Deque<Failure> queue = failures.get(path);
        if (queue != null && !queue.isEmpty()) {
            Failure failure = queue.poll();
            return error(failure.status(), failure.shape(), failure.text(), failure.ratelimitRetrySeconds());
        }
        String method = request.getMethod().getName();
        JsonNode body = readBody(request);
        if (path.startsWith("/api/v1/feedback") || path.equals("/api/v1/new-feedbacks-questions")) {
            return feedbacksApi(method, path, query, body);
        }
        if (path.startsWith("/api/v1/question")) {
            return questionsApi(method, path, query, body);
        }
        return error(404, ErrorShape.PROBLEM_JSON, "not found", null);
    }

    // ================================================================== feedbacks section

    /**
     * Starts a feedback with a rating, a text and the defaults of a real one: a product, a first name, no answer,
     * not archived.
     *
     * @param id the feedback's id
     * @param rating the rating 1–5
     * @param text the text; {@code ""} for a rating-only review
     * @param createdAt when it was written
     * @return the feedback
     */
    public static Feedback feedback(String id, int rating, String text, Instant createdAt) {
        return new Feedback(id, text, "", "", rating, createdAt, "none", false, null, false, false,
                new Product(146_123_456L, 128_800_001L, "Футболка оверсайз хлопок", "TS-OVS-BLK-M", "ИП Смирнова А. В.",
                        "Smirnova Home", "M"),
                0, false, "Анна", "buyout", "ok", false);
    }

    /**
     * Adds or replaces a feedback.
     *
     * @param feedback the feedback
     * @return this fake
     */
    public synchronized FakeWbApi putFeedback(Feedback feedback) {
        feedbacks.put(feedback.id(), feedback);
        return this;
    }

    /**
     * Returns a feedback as the fake holds it now.
     *
     * @param id the id
     * @return the feedback, or empty
     */
    public synchronized Optional<Feedback> findFeedback(String id) {
        return Optional.ofNullable(feedbacks.get(id));
    }

    private ResponseDefinition feedbacksApi(String method, String path, Map<String, String> query,
            @Nullable JsonNode body) {
        switch (method + " " + path) {
            case "GET /api/v1/feedbacks":
                return listFeedbacks(query, false);
            case "GET /api/v1/feedbacks/archive":
                return listFeedbacks(query, true);
            case "GET /api/v1/feedback": {
                Feedback feedback = feedbacks.get(query.getOrDefault("id", ""));
                if (feedback == null) {
                    return error(404, ErrorShape.FEEDBACKS_ENVELOPE, "Отзыв не найден", null);
                }
                return envelope(feedbackJson(feedback));
            }
            case "GET /api/v1/feedbacks/count-unanswered": {
                long unanswered = feedbacks.values().stream().filter(f -> !f.answered() && !f.archived()).count();
                double valuation = feedbacks.values().stream().mapToInt(Feedback::rating).average().orElse(0);
                ObjectNode data = JSON.createObjectNode().put("countUnanswered", unanswered)
                        .put("countUnansweredToday", 0).put("valuation", String.format(java.util.Locale.ROOT,
                                "%.1f", valuation));
                return envelope(data);
            }
            case "GET /api/v1/feedbacks/count": {
                Stream<Feedback> all = feedbacks.values().stream();
                if (query.containsKey("isAnswered")) {
                    boolean answered = Boolean.parseBoolean(query.get("isAnswered"));
                    all = all.filter(f -> f.answered() == answered);
                }
                return envelope(JSON.getNodeFactory().numberNode(all.count()));
            }
            case "GET /api/v1/new-feedbacks-questions":
                return envelope(JSON.createObjectNode()
                        .put("hasNewQuestions", questions.values().stream().anyMatch(q -> !q.wasViewed()))
                        .put("hasNewFeedbacks", feedbacks.values().stream().anyMatch(f -> !f.wasViewed())));
            case "POST /api/v1/feedbacks/answer":
            case "PATCH /api/v1/feedbacks/answer":
                return answerFeedback(method.equals("PATCH"), body);
            default:
                return error(404, ErrorShape.PROBLEM_JSON, "not found", null);
        }
    }

    private ResponseDefinition listFeedbacks(Map<String, String> query, boolean archive) {
        if ((!archive && !query.containsKey("isAnswered")) || !query.containsKey("take")
                || !query.containsKey("skip")) {
            return error(400, ErrorShape.FEEDBACKS_ENVELOPE, "Не указаны обязательные параметры isAnswered, take, skip",
                    null);
        }
        int take = Integer.parseInt(query.get("take"));
        int skip = Integer.parseInt(query.get("skip"));
        if (take < 1 || take > MAX_FEEDBACK_TAKE || skip < 0 || skip > MAX_FEEDBACK_SKIP) {
            return error(400, ErrorShape.FEEDBACKS_ENVELOPE, "Некорректные параметры: take должен быть не более "
                    + MAX_FEEDBACK_TAKE + ", skip не более " + MAX_FEEDBACK_SKIP, null);
        }
        boolean answered = Boolean.parseBoolean(query.get("isAnswered"));
        Predicate<Feedback> which = archive ? Feedback::archived : f -> !f.archived() && f.answered() == answered;
        List<Feedback> page = window(feedbacks.values().stream().filter(which), query, Feedback::createdAt,
                Feedback::id, Feedback::nmId).skip(skip).limit(take).toList();
        ObjectNode data = JSON.createObjectNode()
                .put("countUnanswered", feedbacks.values().stream().filter(f -> !f.answered() && !f.archived()).count())
                .put("countArchive", feedbacks.values().stream().filter(Feedback::archived).count());
        ArrayNode list = data.putArray("feedbacks");
        page.forEach(f -> list.add(feedbackJson(f)));
        return envelope(data);
    }

    private ResponseDefinition answerFeedback(boolean edit, @Nullable JsonNode body) {
        String id = body == null ? "" : body.path("id").asText("");
        String text = body == null ? "" : body.path("text").asText("");
        if (id.isEmpty()) {
            return error(400, ErrorShape.FEEDBACK_ANSWER, "id: обязательное поле", null);
        }
        if (text.length() < 2 || text.length() > 5000) {
            return error(400, ErrorShape.FEEDBACK_ANSWER, "text: длина ответа должна быть от 2 до 5000 символов", null);
        }
        Feedback feedback = feedbacks.get(id);
        if (feedback == null) {
            return noContent(); // WB does not validate the id
        }
        if (edit && (feedback.answerText() == null || !feedback.answerEditable())) {
            return error(400, ErrorShape.FEEDBACK_ANSWER, "Ответ нельзя отредактировать", null);
        }
        feedbacks.put(id, feedback.withAnswer(text, "wbRu", !edit));
        return noContent();
    }

    private static ObjectNode feedbackJson(Feedback f) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", f.id()).put("text", f.text()).put("pros", f.pros()).put("cons", f.cons())
                .put("productValuation", f.rating()).put("createdDate", moscow(f.createdAt()));
        if (f.answerText() == null) {
            node.putNull("answer");
        } else {
            node.putObject("answer").put("text", f.answerText()).put("state", f.answerState())
                    .put("editable", f.answerEditable());
        }
        node.put("state", f.answered() ? "wbRu" : "none");
        Product p = f.product();
        node.putObject("productDetails").put("imtId", p.imtId()).put("nmId", p.nmId())
                .put("productName", p.productName()).put("supplierArticle", p.supplierArticle())
                .put("supplierName", p.supplierName()).put("brandName", p.brandName()).put("size", p.size());
        if (f.video()) {
            node.putObject("video").put("previewImage", "https://video.wbbasket.ru/" + f.id() + "/preview.webp")
                    .put("link", "https://video.wbbasket.ru/" + f.id() + "/index.m3u8").put("durationSec", 12);
        } else {
            node.putNull("video");
        }
        node.put("wasViewed", f.wasViewed());
        if (f.photos() == 0) {
            node.putNull("photoLinks");
        } else {
            ArrayNode photos = node.putArray("photoLinks");
            for (int i = 0; i < f.photos(); i++) {
                photos.addObject().put("fullSize", "https://feedback-photos.wbbasket.ru/fs/" + f.id() + "-" + i + ".webp")
                        .put("miniSize", "https://feedback-photos.wbbasket.ru/ms/" + f.id() + "-" + i + ".webp");
            }
        }
        node.put("userName", f.userName()).put("matchingSize", f.matchingSize())
                .put("isAbleSupplierFeedbackValuation", false).put("supplierFeedbackValuation", 0)
                .put("isAbleSupplierProductValuation", false).put("supplierProductValuation", 0)
                .put("isAbleReturnProductOrders", false).putNull("returnProductOrdersDate");
        node.putArray("bables").add("качество").add("соответствие описанию");
        node.put("lastOrderShkId", 17_563_001_234L).put("lastOrderCreatedAt", moscow(f.createdAt().minusSeconds(864_000)))
                .put("color", "черный").put("subjectId", 192).put("subjectName", "Футболки").putNull("parentFeedbackId")
                .putNull("childFeedbackId").put("orderStatus", f.orderStatus());
        return node;
    }

    // ================================================================== questions section

    /**
     * Starts an unanswered question on the default product.
     *
     * @param id the question's id
     * @param text the question
     * @param createdAt when it was asked
     * @return the question
     */
    public static Question question(String id, String text, Instant createdAt) {
        return new Question(id, text, createdAt, "suppliersPortalSynch", null, false, null, false, false,
                new Product(146_123_456L, 128_800_001L, "Футболка оверсайз хлопок", "TS-OVS-BLK-M",
                        "ИП Смирнова А. В.", "Smirnova Home", ""));
    }

    /**
     * Adds or replaces a question.
     *
     * @param question the question
     * @return this fake
     */
    public synchronized FakeWbApi putQuestion(Question question) {
        questions.put(question.id(), question);
        return this;
    }

    /**
     * Returns a question as the fake holds it now.
     *
     * @param id the id
     * @return the question, or empty
     */
    public synchronized Optional<Question> findQuestion(String id) {
        return Optional.ofNullable(questions.get(id));
    }

    private ResponseDefinition questionsApi(String method, String path, Map<String, String> query,
            @Nullable JsonNode body) {
        switch (method + " " + path) {
            case "GET /api/v1/questions": {
                if (!query.containsKey("isAnswered") || !query.containsKey("take") || !query.containsKey("skip")) {
                    return error(400, ErrorShape.FEEDBACKS_ENVELOPE,
                            "Не указаны обязательные параметры isAnswered, take, skip", null);
                }
                int take = Integer.parseInt(query.get("take"));
                int skip = Integer.parseInt(query.get("skip"));
                if (take < 1 || skip < 0 || take + skip > MAX_QUESTION_WINDOW) {
                    return error(400, ErrorShape.FEEDBACKS_ENVELOPE, "Сумма take и skip не должна превышать "
                            + MAX_QUESTION_WINDOW, null);
                }
                boolean answered = Boolean.parseBoolean(query.get("isAnswered"));
                List<Question> page = window(questions.values().stream().filter(q -> q.answered() == answered), query,
                        Question::createdAt, Question::id, q -> q.product().nmId()).skip(skip).limit(take).toList();
                ObjectNode data = JSON.createObjectNode()
                        .put("countUnanswered", questions.values().stream().filter(q -> !q.answered()).count())
                        .put("countArchive", 0);
                ArrayNode list = data.putArray("questions");
                page.forEach(q -> list.add(questionJson(q)));
                return envelope(data);
            }
            case "GET /api/v1/question": {
                Question question = questions.get(query.getOrDefault("id", ""));
                if (question == null) {
                    return error(404, ErrorShape.FEEDBACKS_ENVELOPE, "Вопрос не найден", null);
                }
                return envelope(questionJson(question));
            }
            case "GET /api/v1/questions/count-unanswered":
                return envelope(JSON.createObjectNode()
                        .put("countUnanswered", questions.values().stream().filter(q -> !q.answered()).count())
                        .put("countUnansweredToday", 0));
            case "GET /api/v1/questions/count":
                return envelope(JSON.getNodeFactory().numberNode(questions.size()));
            case "PATCH /api/v1/questions":
                return patchQuestion(body);
            default:
                return error(404, ErrorShape.PROBLEM_JSON, "not found", null);
        }
    }

    private ResponseDefinition patchQuestion(@Nullable JsonNode body) {
        String id = body == null ? "" : body.path("id").asText("");
        Question question = questions.get(id);
        if (question == null) {
            return error(404, ErrorShape.FEEDBACKS_ENVELOPE, "Вопрос не найден", null);
        }
        if (body.has("wasViewed")) {
            questions.put(id, question.viewed());
            return envelope(JSON.nullNode());
        }
        String text = body.path("answer").path("text").asText("");
        String state = body.path("state").asText("");
        if (text.isBlank() || !(state.equals("wbRu") || state.equals("none"))) {
            return error(400, ErrorShape.FEEDBACKS_ENVELOPE, "Некорректный ответ или состояние", null);
        }
        if (question.answerText() != null && !question.answerEditable()) {
            return error(400, ErrorShape.FEEDBACKS_ENVELOPE, "Ответ нельзя отредактировать", null);
        }
        questions.put(id, question.answered(text, state, question.answerText() == null));
        return envelope(JSON.nullNode());
    }

    private static ObjectNode questionJson(Question q) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", q.id()).put("text", q.text()).put("createdDate", moscow(q.createdAt())).put("state", q.state());
        if (q.answerText() == null) {
            node.putNull("answer");
        } else {
            node.putObject("answer").put("text", q.answerText()).put("editable", q.answerEditable())
                    .put("createDate", moscow(q.answeredAt() == null ? q.createdAt() : q.answeredAt()));
        }
        Product p = q.product();
        node.putObject("productDetails").put("imtId", p.imtId()).put("nmId", p.nmId())
                .put("productName", p.productName()).put("supplierArticle", p.supplierArticle())
                .put("supplierName", p.supplierName()).put("brandName", p.brandName());
        node.put("wasViewed", q.wasViewed()).put("isWarned", q.warned());
        return node;
    }

    // ================================================================== helpers

    private static <T> Stream<T> window(Stream<T> items, Map<String, String> query,
            java.util.function.Function<T, Instant> created, java.util.function.Function<T, String> id,
            java.util.function.Function<T, Long> nmId) {
        Stream<T> filtered = items;
        if (query.containsKey("nmId")) {
            long nm = Long.parseLong(query.get("nmId"));
            filtered = filtered.filter(i -> nmId.apply(i) == nm);
        }
        if (query.containsKey("dateFrom")) {
            long from = Long.parseLong(query.get("dateFrom"));
            filtered = filtered.filter(i -> created.apply(i).getEpochSecond() >= from);
        }
        if (query.containsKey("dateTo")) {
            long to = Long.parseLong(query.get("dateTo"));
            filtered = filtered.filter(i -> created.apply(i).getEpochSecond() <= to);
        }
        Comparator<T> order = Comparator.comparing(created).thenComparing(id);
        if ("dateDesc".equals(query.get("order"))) {
            order = order.reversed();
        }
        return filtered.sorted(order);
    }

    private static String moscow(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.ofHours(3)).toString();
    }

    private static ResponseDefinition envelope(JsonNode data) {
        ObjectNode body = JSON.createObjectNode();
        body.set("data", data);
        body.put("error", false).put("errorText", "").putNull("additionalErrors");
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200).withHeader("Content-Type", JSON_TYPE)
                .withBody(body.toString()).build();
    }

    private static ResponseDefinition noContent() {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(204).build();
    }

    private static ResponseDefinition error(int status, ErrorShape shape, String text,
            @Nullable Integer ratelimitRetrySeconds) {
        ResponseDefinitionBuilder response = ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", shape.contentType()).withBody(shape.body(status, text));
        if (ratelimitRetrySeconds != null) {
            response.withHeader("X-Ratelimit-Retry", ratelimitRetrySeconds.toString())
                    .withHeader("X-Ratelimit-Remaining", "0").withHeader("X-Ratelimit-Limit", "6")
                    .withHeader("X-Ratelimit-Reset", Integer.toString(ratelimitRetrySeconds + 1));
        }
        return response.build();
    }

    private static @Nullable JsonNode readBody(Request request) {
        byte[] body = request.getBody();
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static Map<String, String> query(String url) {
        Map<String, String> query = new LinkedHashMap<>();
        String[] split = url.split("\\?", 2);
        if (split.length < 2) {
            return query;
        }
        for (String pair : split[1].split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
        }
        return query;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private final class Responder implements ResponseDefinitionTransformerV2 {
        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            return answer(serveEvent.getRequest());
        }

        @Override
        public String getName() {
            return "fake-wildberries";
        }
    }

    private record Failure(int status, ErrorShape shape, String text, @Nullable Integer ratelimitRetrySeconds) {}

    // ================================================================== records

    /**
     * The product of a fake feedback or question, as {@code productDetails}.
     *
     * @param nmId WB's article
     * @param imtId the card's id
     * @param productName the name
     * @param supplierArticle the seller's article
     * @param supplierName the seller's name
     * @param brandName the brand
     * @param size the size (feedbacks), {@code ""} for none
     */
    public record Product(long nmId, long imtId, String productName, String supplierArticle, String supplierName,
            String brandName, String size) {}

    /**
     * A fake feedback.
     *
     * @param id the id
     * @param text the text, {@code ""} for rating-only
     * @param pros the pros
     * @param cons the cons
     * @param rating 1–5
     * @param createdAt when it was written
     * @param answerState the answer's moderation state
     * @param answered whether WB lists it under {@code isAnswered=true}
     * @param answerText the answer, or {@code null} (also when answered: the forum-reported case)
     * @param answerEditable whether the answer may still be edited
     * @param archived whether it is in the archive
     * @param product the product
     * @param photos how many photos
     * @param video whether there is a video
     * @param userName the buyer's first name
     * @param orderStatus {@code buyout}, {@code rejected}, {@code returned}, {@code notSpecified}
     * @param matchingSize {@code ok}, {@code smaller}, {@code bigger} or {@code ""}
     * @param wasViewed whether the seller has viewed it
     */
    public record Feedback(String id, String text, String pros, String cons, int rating, Instant createdAt,
            String answerState, boolean answered, @Nullable String answerText, boolean answerEditable,
            boolean archived, Product product, int photos, boolean video, String userName, String orderStatus,
            String matchingSize, boolean wasViewed) {

        /**
         * Returns the product's WB article.
         *
         * @return {@code nmId}
         */
        public long nmId() {
            return product.nmId();
        }

        /**
         * Returns this feedback with pros and cons.
         *
         * @param newPros the pros
         * @param newCons the cons
         * @return the feedback
         */
        public Feedback withProsAndCons(String newPros, String newCons) {
            return new Feedback(id, text, newPros, newCons, rating, createdAt, answerState, answered, answerText,
                    answerEditable, archived, product, photos, video, userName, orderStatus, matchingSize, wasViewed);
        }

        /**
         * Returns this feedback answered.
         *
         * @param answer the answer
         * @param state its moderation state, e.g. {@code wbRu}
         * @param editable whether it may still be edited
         * @return the feedback
         */
        public Feedback withAnswer(String answer, String state, boolean editable) {
            return new Feedback(id, text, pros, cons, rating, createdAt, state, true, answer, editable, archived,
                    product, photos, video, userName, orderStatus, matchingSize, wasViewed);
        }

        /**
         * Returns this feedback listed under {@code isAnswered=true} but with {@code answer: null}, as a WB forum
         * thread reports.
         *
         * @return the feedback
         */
        public Feedback answeredWithoutAnswer() {
            return new Feedback(id, text, pros, cons, rating, createdAt, "wbRu", true, null, false, archived, product,
                    photos, video, userName, orderStatus, matchingSize, wasViewed);
        }

        /**
         * Returns this feedback in the archive.
         *
         * @return the feedback
         */
        public Feedback archivedCopy() {
            return new Feedback(id, text, pros, cons, rating, createdAt, answerState, answered, answerText,
                    answerEditable, true, product, photos, video, userName, orderStatus, matchingSize, wasViewed);
        }

        /**
         * Returns this feedback with media.
         *
         * @param photoCount how many photos
         * @param withVideo whether there is a video
         * @return the feedback
         */
        public Feedback withMedia(int photoCount, boolean withVideo) {
            return new Feedback(id, text, pros, cons, rating, createdAt, answerState, answered, answerText,
                    answerEditable, archived, product, photoCount, withVideo, userName, orderStatus, matchingSize,
                    wasViewed);
        }

        /**
         * Returns this feedback on another product.
         *
         * @param other the product
         * @return the feedback
         */
        public Feedback withProduct(Product other) {
            return new Feedback(id, text, pros, cons, rating, createdAt, answerState, answered, answerText,
                    answerEditable, archived, other, photos, video, userName, orderStatus, matchingSize, wasViewed);
        }
    }

    /**
     * A fake question.
     *
     * @param id the id
     * @param text the question
     * @param createdAt when it was asked
     * @param state {@code suppliersPortalSynch}, {@code wbRu} or {@code none}
     * @param answerText the answer, or {@code null}
     * @param answerEditable whether the answer may still be edited
     * @param answeredAt when it was answered, or {@code null}
     * @param wasViewed whether the seller has viewed it
     * @param warned whether WB shows the "suspicious message" banner
     * @param product the product
     */
    public record Question(String id, String text, Instant createdAt, String state, @Nullable String answerText,
            boolean answerEditable, @Nullable Instant answeredAt, boolean wasViewed, boolean warned, Product product) {

        /**
         * Tells whether WB lists it under {@code isAnswered=true}.
         *
         * @return {@code true} once answered or rejected
         */
        public boolean answered() {
            return answerText != null;
        }

        /**
         * Returns this question answered.
         *
         * @param answer the answer
         * @param newState {@code wbRu} or {@code none}
         * @param editable whether it may still be edited
         * @return the question
         */
        public Question answered(String answer, String newState, boolean editable) {
            return new Question(id, text, createdAt, newState, answer, editable, createdAt.plusSeconds(3600), wasViewed,
                    warned, product);
        }

        /**
         * Returns this question with the "suspicious message" banner.
         *
         * @return the question
         */
        public Question warnedCopy() {
            return new Question(id, text, createdAt, state, answerText, answerEditable, answeredAt, wasViewed, true,
                    product);
        }

        Question viewed() {
            return new Question(id, text, createdAt, state, answerText, answerEditable, answeredAt, true, warned,
                    product);
        }
    }
}

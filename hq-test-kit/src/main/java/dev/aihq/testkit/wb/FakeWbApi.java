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
import java.time.Clock;
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
 *       /api/v1/question?id=}, the counts and {@code PATCH /api/v1/questions} (answer, reject, mark viewed);</li>
 *   <li><b>buyer chat</b> (§2.7): {@code GET /api/v1/seller/chats} ({@code {result:[…], errors:null}}),
 *       {@code GET /api/v1/seller/events} with or without {@code next} (pages of {@link #chatEventsPageSize(int)}
 *       events after {@code next}, {@code totalEvents: 0} at the end, 400 {@code Invalid value for "next"} for
 *       {@code next=0}), {@code POST /api/v1/seller/message} ({@code multipart/form-data}; WB's 400 texts for a
 *       wrong signature, a long message, a file type or size; what it took in {@link #sentChatMessages()}) and
 *       {@code GET /api/v1/seller/download/{downloadID}} (200, 202 under moderation, 451);</li>
 *   <li><b>orders</b> (reference §2.3): FBS {@code GET /api/v3/orders/new}, {@code GET /api/v3/orders}
 *       ({@code limit} 1–1000, {@code next} = the last task id, {@code dateFrom}/{@code dateTo} at most 30 days
 *       apart, else 400 {@code {code:"IncorrectParameter", message, data}}), {@code POST /api/v3/orders/status}
 *       (≤ 1000 ids); DBS {@code /api/v3/dbs/orders/new}, {@code /api/v3/dbs/orders} and
 *       {@code POST /api/v3/dbs/orders/client} ({@code ""} for a number not assigned yet);</li>
 *   <li><b>statistics</b>: <code>GET /api/v1/supplier/orders?dateFrom=&amp;flag=0</code>, rows changed after
 *       {@code dateFrom} by {@code lastChangeDate}, {@code []} at the end;</li>
 *   <li><b>finance</b> (reference §2.8): {@code GET /api/v5/supplier/reportDetailByPeriod} pages by {@code rrdid}
 *       ({@code limit} ≤ 100 000), HTTP 204 after the last row; {@code GET /api/v1/account/balance}.</li>
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
        if (path.startsWith("/api/v1/seller/")) {
            return chatApi(request, method, path, query);
        }
        ResponseDefinition ordersOrFinance = ordersAndFinanceApi(method, path, query, body);
        if (ordersOrFinance != null) {
            return ordersOrFinance;
        }
        return error(404, ErrorShape.PROBLEM_JSON, "not found", null);
    }

    // ================================================================== buyer chat section (begin)
    //
    // GET /api/v1/seller/chats, GET /api/v1/seller/events, POST /api/v1/seller/message (multipart),
    // GET /api/v1/seller/download/{downloadID}; reference §2.7. State, answering methods and records of the chat
    // live here only; answer(...) reaches chatApi(...) for every path under /api/v1/seller/.

    /** The default number of events per page of the fake's events feed. */
    public static final int DEFAULT_CHAT_EVENTS_PAGE_SIZE = 50;

    private final Map<String, Chat> chats = new LinkedHashMap<>();
    private final List<ChatEvent> chatEvents = new ArrayList<>();
    private final List<SentChatMessage> sentChatMessages = new ArrayList<>();
    private final Map<String, ChatDownload> chatDownloads = new HashMap<>();
    private int chatEventsPageSize = DEFAULT_CHAT_EVENTS_PAGE_SIZE;
    private long chatClock = 1_760_000_000_000L;
    private @Nullable Clock sendClock;

    /**
     * Starts a chat the buyer opened, without an order.
     *
     * @param chatId WB's id, e.g. {@code 1:4019cd7d-…}
     * @param replySign the chat's signature
     * @param clientName the buyer's first name
     * @return the chat
     */
    public static Chat chat(String chatId, String replySign, String clientName) {
        return new Chat(chatId, replySign, clientName, null, null, null);
    }

    /**
     * Starts an order card, as WB sends {@code goodCard}.
     *
     * @param rid the unique order id
     * @param nmId WB's article
     * @return the card, ordered on 2025-10-01, price 1490 RUB, size M
     */
    public static GoodCard goodCard(String rid, long nmId) {
        return new GoodCard(Instant.parse("2025-10-01T09:00:00.528526Z"), nmId, 1490, "RUB", rid, "M");
    }

    /**
     * Starts a buyer's message event ({@code sender client}, {@code source rusite}).
     *
     * @param chatId the chat
     * @param eventId the event's id
     * @param text the text, or {@code null} for a message without text
     * @param addTimestamp when it reached WB
     * @return the event
     */
    public static ChatEvent clientMessage(String chatId, String eventId, @Nullable String text, Instant addTimestamp) {
        return new ChatEvent(chatId, eventId, "message", false,
                new ChatMessage(text, null, List.of(), 0), "rusite", addTimestamp, null, "client", "Алёна");
    }

    /**
     * Adds or replaces a chat of the chat list.
     *
     * @param chat the chat
     * @return this fake
     */
    public synchronized FakeWbApi putChat(Chat chat) {
        chats.put(chat.chatId(), chat);
        return this;
    }

    /**
     * Adds events to the feed; the feed serves them by {@code addTimestamp}, then by order of adding.
     *
     * @param events the events
     * @return this fake
     */
    public synchronized FakeWbApi addChatEvents(ChatEvent... events) {
        chatEvents.addAll(List.of(events));
        chatEvents.sort(Comparator.comparing(ChatEvent::addTimestamp));
        return this;
    }

    /**
     * Sets how many events one page of the feed holds.
     *
     * @param size at least 1; default {@value #DEFAULT_CHAT_EVENTS_PAGE_SIZE}
     * @return this fake
     */
    public synchronized FakeWbApi chatEventsPageSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("page size must be at least 1, got " + size);
        }
        this.chatEventsPageSize = size;
        return this;
    }

    /**
     * Makes a file downloadable: 200 with the bytes, or 202 (under moderation) or 451 (failed moderation).
     *
     * @param downloadId the file's {@code downloadID}
     * @param download what the download answers
     * @return this fake
     */
    public synchronized FakeWbApi putChatDownload(String downloadId, ChatDownload download) {
        chatDownloads.put(downloadId, download);
        return this;
    }

    /**
     * Sets the clock a sent message's {@code addTime} is read from, as WB stamps a message when it takes it, so that
     * the reply is not older than the buyer's messages of a test or demo clock. Each message still gets a later time
     * than the one before (by 1 ms when the clock stands still). Without it, {@code addTime} counts from
     * 2025-10-09T08:53:20Z, 1 s a message.
     *
     * @param clock the clock, or {@code null} for the counter
     * @return this fake
     */
    public synchronized FakeWbApi sendClock(@Nullable Clock clock) {
        this.sendClock = clock;
        return this;
    }

    /**
     * Returns every message sent with {@code POST /api/v1/seller/message} that WB took, in order.
     *
     * @return the messages, parts as WB received them
     */
    public synchronized List<SentChatMessage> sentChatMessages() {
        return List.copyOf(sentChatMessages);
    }

    private ResponseDefinition chatApi(Request request, String method, String path, Map<String, String> query) {
        if (method.equals("GET") && path.equals("/api/v1/seller/chats")) {
            ArrayNode result = JSON.createArrayNode();
            chats.values().forEach(c -> result.add(chatJson(c)));
            ObjectNode body = JSON.createObjectNode();
            body.set("result", result);
            body.putNull("errors");
            return json(200, body);
        }
        if (method.equals("GET") && path.equals("/api/v1/seller/events")) {
            return chatEventsPage(query);
        }
        if (method.equals("POST") && path.equals("/api/v1/seller/message")) {
            return sendChatMessage(request);
        }
        if (method.equals("GET") && path.startsWith("/api/v1/seller/download/")) {
            ChatDownload download = chatDownloads.get(decode(path.substring("/api/v1/seller/download/".length())));
            if (download == null) {
                return error(400, ErrorShape.CHAT, "Invalid download id", null);
            }
            if (download.status() == 202) {
                return json(202, JSON.createObjectNode().put("moderationState", "pending")
                        .put("retrySeconds", download.retrySeconds()));
            }
            if (download.status() == 451) {
                return error(451, ErrorShape.CHAT, "file failed moderation", null);
            }
            return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                    .withHeader("Content-Type", download.contentType()).withBody(download.content()).build();
        }
        return error(404, ErrorShape.PROBLEM_JSON, "not found", null);
    }

    private ResponseDefinition chatEventsPage(Map<String, String> query) {
        long after = Long.MIN_VALUE;
        if (query.containsKey("next")) {
            try {
                after = Long.parseLong(query.get("next"));
            } catch (NumberFormatException e) {
                return error(400, ErrorShape.CHAT, "Invalid number", null);
            }
            if (after == 0) {
                return error(400, ErrorShape.CHAT, "Invalid value for \"next\"", null);
            }
        }
        long from = after;
        List<ChatEvent> page = chatEvents.stream().filter(e -> e.addTimestamp().toEpochMilli() > from)
                .limit(chatEventsPageSize).toList();
        ObjectNode result = JSON.createObjectNode();
        if (page.isEmpty()) {
            result.put("next", from == Long.MIN_VALUE ? chatClock : from);
            result.putNull("newestEventTime").putNull("oldestEventTime").put("totalEvents", 0);
            result.putArray("events");
        } else {
            Instant oldest = page.get(0).addTimestamp();
            Instant newest = page.get(page.size() - 1).addTimestamp();
            result.put("next", newest.toEpochMilli())
                    .put("newestEventTime", newest.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())
                    .put("oldestEventTime", oldest.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())
                    .put("totalEvents", page.size());
            ArrayNode events = result.putArray("events");
            page.forEach(e -> events.add(chatEventJson(e)));
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("result", result);
        body.putNull("errors");
        return json(200, body);
    }

    private ResponseDefinition sendChatMessage(Request request) {
        if (!request.isMultipart()) {
            return error(400, ErrorShape.CHAT, "request Content-Type isn't multipart/form-data", null);
        }
        String replySign = null;
        String message = null;
        List<SentChatFile> files = new ArrayList<>();
        for (Request.Part part : request.getParts()) {
            byte[] content = part.getBody().asBytes();
            switch (part.getName()) {
                case "replySign" -> replySign = new String(content, StandardCharsets.UTF_8);
                case "message" -> message = new String(content, StandardCharsets.UTF_8);
                case "file" -> {
                    var type = part.getHeader("Content-Type");
                    files.add(new SentChatFile(part.getFileName(), type == null || !type.isPresent() ? ""
                            : type.firstValue(), content));
                }
                default -> {
                    return error(400, ErrorShape.CHAT, "unknown field " + part.getName(), null);
                }
            }
        }
        String sign = replySign;
        Chat chat = sign == null ? null : chats.values().stream().filter(c -> c.replySign().equals(sign)).findFirst()
                .orElse(null);
        if (chat == null) {
            return error(400, ErrorShape.CHAT, "Invalid signature", null);
        }
        if (message != null && (message.length() > 1000)) {
            return error(400, ErrorShape.CHAT, "Invalid value for \"message\"", null);
        }
        long total = 0;
        for (SentChatFile file : files) {
            String name = file.fileName() == null ? "" : file.fileName();
            if (!(file.contentType().equals("image/jpeg") || file.contentType().equals("image/png")
                    || file.contentType().equals("application/pdf"))) {
                return error(400, ErrorShape.CHAT, "4A9F2544E29: \"" + name + "\" has unsupported mime type", null);
            }
            if (file.content().length > 5 * 1024 * 1024) {
                return error(400, ErrorShape.CHAT, "A24FA09844E: attachment too big. Max size: 5MiB", null);
            }
            total += file.content().length;
        }
        if (total > 30L * 1024 * 1024) {
            return error(400, ErrorShape.CHAT, "A24FA09844E: attachments too big. Max total size: 30MiB", null);
        }
        chatClock = sendClock == null ? chatClock + 1000 : Math.max(sendClock.millis(), chatClock + 1);
        sentChatMessages.add(new SentChatMessage(chat.chatId(), sign, message, files));
        ObjectNode body = JSON.createObjectNode();
        body.putObject("result").put("addTime", chatClock).put("chatID", chat.chatId());
        body.putArray("errors");
        return json(200, body);
    }

    private static ObjectNode chatJson(Chat c) {
        ObjectNode node = JSON.createObjectNode();
        node.put("chatID", c.chatId()).put("replySign", c.replySign()).put("clientID", "186132")
                .put("clientName", c.clientName());
        if (c.goodCard() != null) {
            node.set("goodCard", goodCardJson(c.goodCard()));
        }
        if (c.lastText() != null) {
            node.putObject("lastMessage").put("text", c.lastText())
                    .put("addTimestamp", c.lastAt() == null ? 0 : c.lastAt().toEpochMilli());
        }
        return node;
    }

    private static ObjectNode goodCardJson(GoodCard g) {
        return JSON.createObjectNode().put("date", g.date().toString()).put("nmID", g.nmId()).put("price", g.price())
                .put("priceCurrency", g.priceCurrency()).put("rid", g.rid()).put("size", g.size()).put("statusID", 11);
    }

    private static ObjectNode chatEventJson(ChatEvent e) {
        ObjectNode node = JSON.createObjectNode();
        node.put("chatID", e.chatId()).put("eventID", e.eventId()).put("eventType", e.eventType());
        if (e.newChat()) {
            node.put("isNewChat", true);
        }
        ChatMessage m = e.message();
        if (m != null) {
            ObjectNode message = node.putObject("message");
            if (m.goodCard() != null || !m.fileNames().isEmpty() || m.images() > 0) {
                ObjectNode attachments = message.putObject("attachments");
                if (m.goodCard() != null) {
                    attachments.set("goodCard", goodCardJson(m.goodCard()));
                }
                if (!m.fileNames().isEmpty()) {
                    ArrayNode files = attachments.putArray("files");
                    for (int i = 0; i < m.fileNames().size(); i++) {
                        String name = m.fileNames().get(i);
                        files.addObject().put("contentType", name.endsWith(".pdf") ? "application/pdf" : "image/jpeg")
                                .put("date", e.addTimestamp().toString()).put("downloadID", e.eventId() + "-f" + i)
                                .put("name", name).put("url", "https://chat-basket-01.wbbasket.ru/" + e.eventId() + "/"
                                        + i).put("size", 1_046_143);
                    }
                }
                if (m.images() > 0) {
                    ArrayNode images = attachments.putArray("images");
                    for (int i = 0; i < m.images(); i++) {
                        images.addObject().put("date", e.addTimestamp().toString())
                                .put("downloadID", e.eventId() + "-i" + i)
                                .put("url", "https://chat-basket-01.wbbasket.ru/" + e.eventId() + "/i" + i + ".jpg");
                    }
                }
            }
            if (m.text() != null) {
                message.put("text", m.text());
            }
        }
        node.put("source", e.source()).put("addTimestamp", e.addTimestamp().toEpochMilli())
                .put("addTime", e.addTimestamp().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        if (e.newChat() && e.replySign() != null) {
            node.put("replySign", e.replySign());
        }
        node.put("sender", e.sender()).put("clientID", "186132");
        if (e.clientName() != null) {
            node.put("clientName", e.clientName());
        }
        return node;
    }

    private static ResponseDefinition json(int status, JsonNode body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status).withHeader("Content-Type", JSON_TYPE)
                .withBody(body.toString()).build();
    }

    /**
     * An order card ({@code goodCard}).
     *
     * @param date when the order was made
     * @param nmId WB's article
     * @param price what the buyer paid
     * @param priceCurrency e.g. {@code RUB}
     * @param rid the unique order id
     * @param size the size
     */
    public record GoodCard(Instant date, long nmId, long price, String priceCurrency, String rid, String size) {}

    /**
     * A chat of the chat list.
     *
     * @param chatId WB's id
     * @param replySign the signature
     * @param clientName the buyer's first name
     * @param goodCard the order, or {@code null}
     * @param lastText the last message's text, or {@code null} for no {@code lastMessage}
     * @param lastAt the last message's time, or {@code null}
     */
    public record Chat(String chatId, String replySign, String clientName, @Nullable GoodCard goodCard,
            @Nullable String lastText, @Nullable Instant lastAt) {

        /**
         * Returns this chat with an order.
         *
         * @param card the order
         * @return the chat
         */
        public Chat withGoodCard(GoodCard card) {
            return new Chat(chatId, replySign, clientName, card, lastText, lastAt);
        }

        /**
         * Returns this chat with a last message.
         *
         * @param text its text
         * @param at its time
         * @return the chat
         */
        public Chat withLastMessage(String text, Instant at) {
            return new Chat(chatId, replySign, clientName, goodCard, text, at);
        }
    }

    /**
     * A message of an event.
     *
     * @param text the text, or {@code null} for none (attachments only)
     * @param goodCard the order, or {@code null}
     * @param fileNames the names of attached files ({@code .pdf} as PDF, others as JPEG)
     * @param images how many images
     */
    public record ChatMessage(@Nullable String text, @Nullable GoodCard goodCard, List<String> fileNames,
            int images) {

        /** Copies the names. */
        public ChatMessage {
            fileNames = List.copyOf(fileNames);
        }
    }

    /**
     * An event of the feed.
     *
     * @param chatId the chat
     * @param eventId the event's id
     * @param eventType {@code message}, or anything else to test tolerance ({@code refund})
     * @param newChat whether it opened the chat ({@code isNewChat}; sends {@code replySign} then)
     * @param message the message, or {@code null} for an event without {@code message}
     * @param source e.g. {@code rusite}, {@code seller-public-api}
     * @param addTimestamp when it reached WB
     * @param replySign the chat's signature, sent only when {@code newChat}
     * @param sender {@code client}, {@code seller} or {@code wb}
     * @param clientName the buyer's first name, or {@code null}
     */
    public record ChatEvent(String chatId, String eventId, String eventType, boolean newChat,
            @Nullable ChatMessage message, String source, Instant addTimestamp, @Nullable String replySign,
            String sender, @Nullable String clientName) {

        /**
         * Returns this event as the one that opened its chat, with the chat's signature.
         *
         * @param sign the signature
         * @return the event
         */
        public ChatEvent openingChat(String sign) {
            return new ChatEvent(chatId, eventId, eventType, true, message, source, addTimestamp, sign, sender,
                    clientName);
        }

        /**
         * Returns this event with another message.
         *
         * @param other the message, or {@code null} for none
         * @return the event
         */
        public ChatEvent withMessage(@Nullable ChatMessage other) {
            return new ChatEvent(chatId, eventId, eventType, newChat, other, source, addTimestamp, replySign, sender,
                    clientName);
        }

        /**
         * Returns this event from another sender.
         *
         * @param newSender {@code client}, {@code seller} or {@code wb}
         * @param newSource e.g. {@code seller-public-api}
         * @return the event
         */
        public ChatEvent from(String newSender, String newSource) {
            return new ChatEvent(chatId, eventId, eventType, newChat, message, newSource, addTimestamp, replySign,
                    newSender, newSender.equals("client") ? clientName : null);
        }

        /**
         * Returns this event with another type.
         *
         * @param type e.g. {@code refund}
         * @return the event
         */
        public ChatEvent ofType(String type) {
            return new ChatEvent(chatId, eventId, type, newChat, message, source, addTimestamp, replySign, sender,
                    clientName);
        }
    }

    /**
     * What a download answers.
     *
     * @param status 200, 202 (under moderation) or 451 (failed moderation)
     * @param content the file (200)
     * @param contentType its media type (200)
     * @param retrySeconds WB's {@code retrySeconds} (202)
     */
    public record ChatDownload(int status, byte[] content, String contentType, int retrySeconds) {

        /**
         * A file served.
         *
         * @param content the bytes
         * @param contentType the media type
         * @return the download
         */
        public static ChatDownload file(byte[] content, String contentType) {
            return new ChatDownload(200, content, contentType, 0);
        }

        /**
         * A file under moderation.
         *
         * @param retrySeconds when to ask again
         * @return the download
         */
        public static ChatDownload pending(int retrySeconds) {
            return new ChatDownload(202, new byte[0], "", retrySeconds);
        }

        /**
         * A file that failed moderation.
         *
         * @return the download
         */
        public static ChatDownload failedModeration() {
            return new ChatDownload(451, new byte[0], "", 0);
        }
    }

    /**
     * A file part WB received.
     *
     * @param fileName its file name, or {@code null}
     * @param contentType its part's content type
     * @param content its bytes
     */
    public record SentChatFile(@Nullable String fileName, String contentType, byte[] content) {}

    /**
     * A message WB took.
     *
     * @param chatId the chat its signature names
     * @param replySign the {@code replySign} part
     * @param message the {@code message} part, or {@code null} when not sent
     * @param files the {@code file} parts in order
     */
    public record SentChatMessage(String chatId, String replySign, @Nullable String message,
            List<SentChatFile> files) {

        /** Copies the files. */
        public SentChatMessage {
            files = List.copyOf(files);
        }
    }

    // ================================================================== buyer chat section (end)

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

    // ================================================================== orders and finance sections (begin)
    // Marketplace FBS/DBS tasks, FBS statuses, DBS buyer contacts, statistics orders, reportDetailByPeriod and the
    // balance (reference §2.3, §2.8). State, then the answering methods, then their records.

    /** The most tasks one FBS/DBS list request may ask for ({@code limit}). */
    public static final int MAX_ORDER_LIMIT = 1000;
    /** The longest window of one FBS/DBS list request, in seconds (30 days). */
    public static final long MAX_ORDER_WINDOW_SECONDS = 30L * 24 * 3600;
    /** The most ids one status or DBS client request may carry. */
    public static final int MAX_ORDER_IDS = 1000;
    /** The most rows one {@code reportDetailByPeriod} request may ask for. */
    public static final int MAX_REPORT_LIMIT = 100_000;

    private static final java.time.ZoneId MOSCOW = java.time.ZoneId.of("Europe/Moscow");
    private static final java.time.format.DateTimeFormatter MOSCOW_LOCAL =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    // ---- orders section state
    private final Map<Long, Task> fbsTasks = new LinkedHashMap<>();
    private final Map<Long, Task> dbsTasks = new LinkedHashMap<>();
    private final Map<Long, String[]> fbsStatuses = new HashMap<>();
    private final Map<Long, DbsClient> dbsClients = new HashMap<>();
    // ---- statistics section state
    private final List<StatisticsRow> statisticsRows = new ArrayList<>();
    private int statisticsPageSize = 80_000;
    private boolean statisticsFromInclusive;
    // ---- report and balance section state
    private final List<JsonNode> reportRows = new ArrayList<>();
    private @Nullable ObjectNode balance;

    /**
     * Makes a fake FBS or DBS task with defaults: 1490.00 RUB (149000 kopecks, currency 643), final price 990.00,
     * article {@code TS-OVS-BLK-M}, {@code nmId} 146123456.
     *
     * @param id the task's id
     * @param rid the unique order id
     * @param createdAt when it was made
     * @return the task
     */
    public static Task task(long id, String rid, Instant createdAt) {
        return new Task(id, rid, "165918930_" + rid, "TS-OVS-BLK-M", 146_123_456L, createdAt, 149_000L, 99_000L, 643,
                "", false);
    }

    /**
     * Adds an FBS task; new ones are also listed by {@code /api/v3/orders/new}. Its status is {@code new}/
     * {@code waiting} until {@link #setFbsStatus}.
     *
     * @param task the task
     * @param isNew whether it is still new
     * @return this fake
     */
    public synchronized FakeWbApi putFbsTask(Task task, boolean isNew) {
        fbsTasks.put(task.id(), task.withNew(isNew));
        fbsStatuses.putIfAbsent(task.id(), new String[] {"new", "waiting"});
        return this;
    }

    /**
     * Sets an FBS task's statuses.
     *
     * @param id the task's id
     * @param supplierStatus e.g. {@code confirm}
     * @param wbStatus e.g. {@code sorted}
     * @return this fake
     */
    public synchronized FakeWbApi setFbsStatus(long id, String supplierStatus, String wbStatus) {
        fbsStatuses.put(id, new String[] {supplierStatus, wbStatus});
        return this;
    }

    /**
     * Adds a DBS order; new ones are listed by {@code /api/v3/dbs/orders/new}, the others by
     * {@code /api/v3/dbs/orders}.
     *
     * @param task the order
     * @param isNew whether it is still new
     * @return this fake
     */
    public synchronized FakeWbApi putDbsTask(Task task, boolean isNew) {
        dbsTasks.put(task.id(), task.withNew(isNew));
        return this;
    }

    /**
     * Sets the buyer contact {@code /api/v3/dbs/orders/client} answers for a DBS order; {@code ""} is a number not
     * assigned yet, as on WB.
     *
     * @param orderId the DBS order's id
     * @param firstName the first name
     * @param phone the substitute number, or {@code ""}
     * @param phoneCode the extension, or {@code ""}
     * @return this fake
     */
    public synchronized FakeWbApi putDbsClient(long orderId, String firstName, String phone, String phoneCode) {
        dbsClients.put(orderId, new DbsClient(orderId, firstName, phone, phoneCode));
        return this;
    }

    /**
     * Makes a fake statistics orders row of the seller's warehouse (FBS) with prices in roubles.
     *
     * @param srid the unique order id
     * @param gNumber the order number
     * @param sticker the sticker, or {@code ""}
     * @param date when the order was made
     * @param lastChangeDate when the row last changed
     * @return the row
     */
    public static StatisticsRow statisticsRow(String srid, String gNumber, String sticker, Instant date,
            Instant lastChangeDate) {
        return new StatisticsRow(srid, gNumber, sticker, "TS-OVS-BLK-M", 146_123_456L, date, lastChangeDate, false,
                "Склад продавца", new java.math.BigDecimal("1490"), new java.math.BigDecimal("990.5"));
    }

    /**
     * Adds a statistics orders row.
     *
     * @param row the row
     * @return this fake
     */
    public synchronized FakeWbApi putStatisticsRow(StatisticsRow row) {
        statisticsRows.add(row);
        return this;
    }

    /**
     * Sets how many rows one statistics orders response holds at most (WB: about 80 000).
     *
     * @param size at least 1
     * @return this fake
     */
    public synchronized FakeWbApi statisticsPageSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1, got " + size);
        }
        this.statisticsPageSize = size;
        return this;
    }

    /**
     * Makes the statistics orders answer rows changed at or after {@code dateFrom} (the reading by which the last row
     * of a page comes again and {@code []} never comes) instead of strictly after it, the default.
     *
     * @param inclusive whether {@code dateFrom} itself is included
     * @return this fake
     */
    public synchronized FakeWbApi statisticsFromInclusive(boolean inclusive) {
        this.statisticsFromInclusive = inclusive;
        return this;
    }

    /**
     * Adds sales report rows, e.g. a fixture file's JSON array as WB sends it, in {@code rrd_id} order. A page
     * after {@code rrdid} starts after the last row whose {@code rrd_id} is at most {@code rrdid}; a row without
     * a readable {@code rrd_id} stays where it is in the list.
     *
     * @param jsonArray the rows
     * @return this fake
     * @throws IllegalArgumentException when the text is not a JSON array
     */
    public synchronized FakeWbApi putReportRows(String jsonArray) {
        JsonNode rows;
        try {
            rows = JSON.readTree(jsonArray);
        } catch (IOException e) {
            throw new IllegalArgumentException("report rows are not JSON: " + e.getMessage(), e);
        }
        if (!rows.isArray()) {
            throw new IllegalArgumentException("report rows must be a JSON array");
        }
        rows.forEach(reportRows::add);
        return this;
    }

    /**
     * Sets the balance {@code GET /api/v1/account/balance} answers.
     *
     * @param currency e.g. {@code RUB}
     * @param current the balance
     * @param forWithdraw what can be withdrawn
     * @return this fake
     */
    public synchronized FakeWbApi balance(String currency, String current, String forWithdraw) {
        balance = JSON.createObjectNode().put("currency", currency).put("current", new java.math.BigDecimal(current))
                .put("for_withdraw", new java.math.BigDecimal(forWithdraw));
        return this;
    }

    private @Nullable ResponseDefinition ordersAndFinanceApi(String method, String path, Map<String, String> query,
            @Nullable JsonNode body) {
        return switch (method + " " + path) {
            case "GET /api/v3/orders/new" -> tasksJson(fbsTasks, true, null);
            case "GET /api/v3/orders" -> listTasks(fbsTasks, query);
            case "POST /api/v3/orders/status" -> fbsStatus(body);
            case "GET /api/v3/dbs/orders/new" -> tasksJson(dbsTasks, true, null);
            case "GET /api/v3/dbs/orders" -> listTasks(dbsTasks, query);
            case "POST /api/v3/dbs/orders/client" -> dbsClient(body);
            case "GET /api/v1/supplier/orders" -> statisticsOrders(query);
            case "GET /api/v5/supplier/reportDetailByPeriod" -> reportDetail(query);
            case "GET /api/v1/account/balance" -> balance == null ? error(404, ErrorShape.PROBLEM_JSON, "not found",
                    null) : json(balance);
            default -> null;
        };
    }

    private ResponseDefinition listTasks(Map<Long, Task> tasks, Map<String, String> query) {
        int limit;
        long next;
        try {
            limit = Integer.parseInt(query.getOrDefault("limit", ""));
            next = Long.parseLong(query.getOrDefault("next", ""));
        } catch (NumberFormatException e) {
            return error(400, ErrorShape.MARKETPLACE, "Некорректные параметры: limit и next обязательны", null);
        }
        if (limit < 1 || limit > MAX_ORDER_LIMIT) {
            return error(400, ErrorShape.MARKETPLACE, "Некорректный limit: от 1 до " + MAX_ORDER_LIMIT, null);
        }
        long now = Instant.now().getEpochSecond();
        long to = query.containsKey("dateTo") ? Long.parseLong(query.get("dateTo")) : now;
        long from = query.containsKey("dateFrom") ? Long.parseLong(query.get("dateFrom"))
                : to - MAX_ORDER_WINDOW_SECONDS;
        if (to < from || to - from > MAX_ORDER_WINDOW_SECONDS) {
            return error(400, ErrorShape.MARKETPLACE, "Период между dateFrom и dateTo не должен превышать 30 дней",
                    null);
        }
        List<Task> page = tasks.values().stream()
                .filter(t -> t.createdAt().getEpochSecond() >= from && t.createdAt().getEpochSecond() <= to)
                .filter(t -> t.id() > next).sorted(Comparator.comparingLong(Task::id)).limit(limit).toList();
        long cursor = page.isEmpty() ? next : page.get(page.size() - 1).id();
        return tasksJson(page, cursor);
    }

    private ResponseDefinition tasksJson(Map<Long, Task> tasks, boolean onlyNew, @Nullable Long next) {
        return tasksJson(tasks.values().stream().filter(t -> !onlyNew || t.isNew()).toList(), next);
    }

    private ResponseDefinition tasksJson(List<Task> tasks, @Nullable Long next) {
        ObjectNode out = JSON.createObjectNode();
        if (next != null) {
            out.put("next", next);
        }
        ArrayNode orders = out.putArray("orders");
        for (Task t : tasks) {
            boolean dbs = dbsTasks.containsKey(t.id()) && !fbsTasks.containsKey(t.id());
            ObjectNode o = orders.addObject();
            o.putNull("address").put("scanPrice", 0).put("deliveryType", dbs ? "dbs" : "fbs").putNull("supplyId")
                    .put("orderUid", t.orderUid()).put("article", t.article()).put("colorCode", "")
                    .put("rid", t.rid()).put("createdAt", t.createdAt().toString()).put("warehouseId", 658_434)
                    .put("nmId", t.nmId()).put("chrtId", 987_654).put("price", t.price())
                    .put("finalPrice", t.finalPrice()).put("salePrice", t.finalPrice())
                    .put("convertedPrice", t.price()).put("convertedFinalPrice", t.finalPrice())
                    .put("currencyCode", t.currencyCode()).put("convertedCurrencyCode", t.currencyCode())
                    .put("cargoType", 1).put("crossBorderType", 0).put("isZeroOrder", false).put("id", t.id())
                    .put("comment", t.comment());
            o.putArray("skus").add("6665956397512");
            o.putArray("offices").add("Калуга");
            o.putObject("options").put("isB2b", false);
            o.putArray("requiredMeta");
            o.putArray("optionalMeta");
        }
        return json(out);
    }

    private ResponseDefinition fbsStatus(@Nullable JsonNode body) {
        JsonNode ids = body == null ? null : body.get("orders");
        if (ids == null || !ids.isArray() || ids.isEmpty() || ids.size() > MAX_ORDER_IDS) {
            return error(400, ErrorShape.MARKETPLACE, "orders: от 1 до " + MAX_ORDER_IDS + " идентификаторов", null);
        }
        ObjectNode out = JSON.createObjectNode();
        ArrayNode orders = out.putArray("orders");
        for (JsonNode id : ids) {
            String[] status = fbsStatuses.get(id.asLong());
            if (status != null) {
                orders.addObject().put("id", id.asLong()).put("supplierStatus", status[0]).put("wbStatus", status[1]);
            }
        }
        return json(out);
    }

    private ResponseDefinition dbsClient(@Nullable JsonNode body) {
        JsonNode ids = body == null ? null : body.get("orders");
        if (ids == null || !ids.isArray() || ids.isEmpty() || ids.size() > MAX_ORDER_IDS) {
            return error(400, ErrorShape.MARKETPLACE, "orders: от 1 до " + MAX_ORDER_IDS + " идентификаторов", null);
        }
        ObjectNode out = JSON.createObjectNode();
        ArrayNode orders = out.putArray("orders");
        for (JsonNode id : ids) {
            DbsClient c = dbsClients.get(id.asLong());
            if (c != null) {
                ObjectNode o = orders.addObject().put("orderID", c.orderId()).put("firstName", c.firstName())
                        .put("fullName", c.firstName()).put("replacementPhone", "").put("phone", c.phone())
                        .put("phoneCode", c.phoneCode());
                o.putArray("additionalPhoneCodes");
            }
        }
        return json(out);
    }

    private ResponseDefinition statisticsOrders(Map<String, String> query) {
        String dateFrom = query.get("dateFrom");
        if (dateFrom == null || dateFrom.isBlank()) {
            return error(400, ErrorShape.PROBLEM_JSON, "dateFrom: обязательный параметр", null);
        }
        Instant from;
        try {
            from = moscowInstant(dateFrom);
        } catch (java.time.format.DateTimeParseException e) {
            return error(400, ErrorShape.PROBLEM_JSON, "dateFrom: некорректная дата", null);
        }
        // flag=0: rows changed after dateFrom (the last row of a page is not sent again), by lastChangeDate;
        // at or after it when statisticsFromInclusive.
        ArrayNode out = JSON.createArrayNode();
        boolean inclusive = statisticsFromInclusive;
        statisticsRows.stream().filter(r -> {
                    Instant changed = r.lastChangeDate().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
                    return changed.isAfter(from) || (inclusive && changed.equals(from));
                })
                .sorted(Comparator.comparing(StatisticsRow::lastChangeDate)).limit(statisticsPageSize)
                .forEach(r -> out.addObject().put("date", moscowLocal(r.date()))
                        .put("lastChangeDate", moscowLocal(r.lastChangeDate())).put("warehouseName", "Коледино")
                        .put("warehouseType", r.warehouseType()).put("countryName", "Россия")
                        .put("oblastOkrugName", "Центральный федеральный округ").put("regionName", "Московская")
                        .put("supplierArticle", r.supplierArticle()).put("nmId", r.nmId())
                        .put("barcode", "6665956397512").put("category", "Одежда").put("subject", "Футболки")
                        .put("brand", "Северный лён").put("techSize", "M").put("incomeID", 0).put("isSupply", false)
                        .put("isRealization", true).put("totalPrice", r.totalPrice()).put("discountPercent", 30)
                        .put("spp", 10).put("finishedPrice", r.finishedPrice()).put("priceWithDisc", r.finishedPrice())
                        .put("isCancel", r.isCancel())
                        .put("cancelDate", r.isCancel() ? moscowLocal(r.lastChangeDate()) : "0001-01-01T00:00:00")
                        .put("sticker", r.sticker()).put("gNumber", r.gNumber()).put("srid", r.srid()));
        return json(out);
    }

    private ResponseDefinition reportDetail(Map<String, String> query) {
        if (!query.containsKey("dateFrom") || !query.containsKey("dateTo")) {
            return error(400, ErrorShape.PROBLEM_JSON, "dateFrom и dateTo обязательны", null);
        }
        int limit;
        long rrdid;
        try {
            limit = Integer.parseInt(query.getOrDefault("limit", Integer.toString(MAX_REPORT_LIMIT)));
            rrdid = Long.parseLong(query.getOrDefault("rrdid", "0"));
        } catch (NumberFormatException e) {
            return error(400, ErrorShape.PROBLEM_JSON, "limit и rrdid должны быть числами", null);
        }
        if (limit < 1 || limit > MAX_REPORT_LIMIT) {
            return error(400, ErrorShape.PROBLEM_JSON, "limit: от 1 до " + MAX_REPORT_LIMIT, null);
        }
        int start = 0;
        for (int i = 0; i < reportRows.size(); i++) {
            JsonNode id = reportRows.get(i).path("rrd_id");
            if (id.canConvertToLong() && id.isNumber() && id.asLong() <= rrdid) {
                start = i + 1;
            }
        }
        List<JsonNode> page = reportRows.subList(start, Math.min(reportRows.size(), start + limit));
        if (page.isEmpty()) {
            return noContent();
        }
        ArrayNode out = JSON.createArrayNode();
        page.forEach(out::add);
        return json(out);
    }

    private static ResponseDefinition json(JsonNode body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200).withHeader("Content-Type", JSON_TYPE)
                .withBody(body.toString()).build();
    }

    private static String moscowLocal(Instant instant) {
        return java.time.LocalDateTime.ofInstant(instant, MOSCOW).format(MOSCOW_LOCAL);
    }

    private static Instant moscowInstant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return java.time.LocalDateTime.parse(text).atZone(MOSCOW).toInstant();
        }
    }

    /**
     * A fake FBS or DBS assembly task; amounts in kopecks, as WB sends them.
     *
     * @param id the task's id
     * @param rid the unique order id
     * @param orderUid the basket's id
     * @param article the seller's article
     * @param nmId WB's article
     * @param createdAt when it was made
     * @param price the price, kopecks
     * @param finalPrice the final price, kopecks
     * @param currencyCode ISO 4217 numeric, e.g. 643
     * @param comment the buyer's comment, {@code ""} for none
     * @param isNew whether {@code /new} lists it (set by {@code put…Task})
     */
    public record Task(long id, String rid, String orderUid, String article, long nmId, Instant createdAt, long price,
            long finalPrice, int currencyCode, String comment, boolean isNew) {

        /**
         * Returns this task with another price and currency.
         *
         * @param kopecks the price and final price, kopecks
         * @param code ISO 4217 numeric
         * @return the copy
         */
        public Task withPrice(long kopecks, int code) {
            return new Task(id, rid, orderUid, article, nmId, createdAt, kopecks, kopecks, code, comment, isNew);
        }

        /**
         * Returns this task with a buyer's comment.
         *
         * @param text the comment
         * @return the copy
         */
        public Task withComment(String text) {
            return new Task(id, rid, orderUid, article, nmId, createdAt, price, finalPrice, currencyCode, text, isNew);
        }

        Task withNew(boolean fresh) {
            return new Task(id, rid, orderUid, article, nmId, createdAt, price, finalPrice, currencyCode, comment,
                    fresh);
        }
    }

    private record DbsClient(long orderId, String firstName, String phone, String phoneCode) {}

    /**
     * A fake statistics orders row; prices in roubles.
     *
     * @param srid the unique order id
     * @param gNumber the order number
     * @param sticker the sticker, {@code ""} for none
     * @param supplierArticle the seller's article
     * @param nmId WB's article
     * @param date when the order was made
     * @param lastChangeDate when the row last changed
     * @param isCancel whether it was cancelled
     * @param warehouseType {@code Склад WB} (FBW) or {@code Склад продавца}
     * @param totalPrice the price, roubles
     * @param finishedPrice what the buyer paid, roubles
     */
    public record StatisticsRow(String srid, String gNumber, String sticker, String supplierArticle, long nmId,
            Instant date, Instant lastChangeDate, boolean isCancel, String warehouseType,
            java.math.BigDecimal totalPrice, java.math.BigDecimal finishedPrice) {

        /**
         * Returns this row from WB's warehouse (FBW).
         *
         * @return the copy
         */
        public StatisticsRow fbw() {
            return new StatisticsRow(srid, gNumber, sticker, supplierArticle, nmId, date, lastChangeDate, isCancel,
                    "Склад WB", totalPrice, finishedPrice);
        }

        /**
         * Returns this row cancelled.
         *
         * @return the copy
         */
        public StatisticsRow cancelled() {
            return new StatisticsRow(srid, gNumber, sticker, supplierArticle, nmId, date, lastChangeDate, true,
                    warehouseType, totalPrice, finishedPrice);
        }
    }

    // ================================================================== orders and finance sections (end)

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

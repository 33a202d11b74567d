package dev.aihq.testkit.ozon;

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
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A fake Ozon Seller API on one WireMock server (point {@code OzonConfig.baseUrl} at {@link #baseUrl()}), answering
 * in Ozon's wire shapes (research reference §3.1–§3.3):
 *
 * <ul>
 *   <li><b>postings</b>: {@code POST /v3/posting/fbs/list} ({@code filter.since}/{@code filter.to} on
 *       {@code in_process_at}, {@code filter.status}, {@code limit} 1–1000, {@code offset};
 *       {@code {result:{postings:[…], has_next}}}), {@code POST /v3/posting/fbs/get}
 *       ({@code {result:{…}}}, 404 {@code rpcStatus} for an unknown number) and {@code POST /v2/posting/fbo/list}
 *       ({@code {result:[…]}}, 400 {@code MAX_OFFSET_EXCEEDED} past offset 20 000). FBS postings carry
 *       {@code customer: null}; rFBS ones ({@code tpl_integration_type: non_integrated}) a customer with a name, an
 *       address and a substitute phone (§3.3).</li>
 *   <li><b>finance</b>: {@code POST /v3/finance/transaction/list} (§3.8).</li>
 *   <li><b>reviews</b> (§3.5): {@code /v1/review/list} ({@code limit} 20–100, {@code sort_dir}, {@code status},
 *       {@code last_id} paging; {@code {has_next, last_id, reviews}}), {@code /info}, {@code /comment/create},
 *       {@code /comment/list}, {@code /comment/delete}, {@code /change-status} (1–100 ids), {@code /count}.</li>
 *   <li><b>questions</b> (§3.6): {@code /v1/question/list} ({@code filter{date_from, date_to, status}},
 *       {@code last_id}; no {@code has_next}), {@code /answer/create} (2–3000 characters), {@code /answer/list},
 *       {@code /answer/delete}, {@code /change-status}, {@code /count}; errors of these paths carry
 *       {@code details} as a string, as Ozon's Q&amp;A methods do.</li>
 *   <li><b>chats</b> (§3.7): {@code /v3/chat/list} ({@code has_next} as the <i>string</i> {@code "true"} or
 *       {@code "false"}, as in Ozon's example; opaque {@code cursor}), {@code /v3/chat/history} ({@code Backward}
 *       by default, {@code from_message_id} inclusive, {@code context{order_number, sku}}, a customer's
 *       {@code user.type} spelled {@code "Сustomer"} with a Cyrillic "С"), {@code /v1/chat/send/message} (1–1000
 *       characters), {@code /v1/chat/start} (FBS/rFBS postings of the postings section) and
 *       {@code /v2/chat/read}.</li>
 * </ul>
 *
 * <p>Every request needs the {@code Client-Id} and {@code Api-Key} it was started with: otherwise 401 with
 * {@code rpcStatus} {@code {code:16, message:"Invalid Api-Key, please check the key and try again", details:[]}}.
 * Any path can be made to fail with {@link #failNext(String, int, OzonError)}: an {@code rpcStatus} of any status
 * and code, {@link OzonError#permissionDenied()} (code 7, as integrators report for a missing Premium Plus),
 * {@link OzonError#rateLimited(Integer)} (429 {@code You have reached request rate limit per second}),
 * {@link OzonError#circleOpen()}, {@link OzonError#offerNotSigned()}, {@link OzonError#ipRestricted()}. The static
 * {@code …Body} methods write the same shapes for tests that stub WireMock themselves.
 *
 * <pre>{@code
 * try (FakeOzonApi ozon = FakeOzonApi.start("123456", "api-key")) {
 *     ozon.putPosting(FakeOzonApi.posting("23713478-0018-3", "awaiting_packaging", inProcessAt));
 *     OzonConfig config = OzonConfig.builder().baseUrl(ozon.baseUrl()).build();
 *     ...
 * }
 * }</pre>
 *
 * <p><b>Extending.</b> One section per Ozon API: state, then the answering method, reached from
 * {@code answer(...)} by path. Add reviews, questions, chats or finance as a new section and a branch there. For
 * tests and demos only. Thread-safe.
 */
public final class FakeOzonApi implements AutoCloseable {

    /** The largest {@code limit} of the posting lists. */
    public static final int MAX_LIMIT = 1000;
    /** The largest {@code offset} of the FBO list. */
    public static final int MAX_FBO_OFFSET = 20_000;
    /** Ozon's text of the per-second limit. */
    public static final String RATE_LIMIT_TEXT = "You have reached request rate limit per second";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json";

    private final String clientId;
    private final String apiKey;
    private final WireMockServer server;
    private final Map<String, Deque<OzonError>> failures = new HashMap<>();
    private final Map<String, List<JsonNode>> bodies = new HashMap<>();

    // ---- postings section state
    private final Map<String, Posting> postings = new LinkedHashMap<>();

    private FakeOzonApi(String clientId, String apiKey, int port) {
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.server = new WireMockServer(wireMockConfig().port(port).extensions(new Responder()));
    }

    /**
     * Starts a fake on a free port.
     *
     * @param clientId the only {@code Client-Id} it accepts
     * @param apiKey the only {@code Api-Key} it accepts
     * @return the running fake
     */
    public static FakeOzonApi start(String clientId, String apiKey) {
        return start(clientId, apiKey, 0);
    }

    /**
     * Starts a fake on a port.
     *
     * @param clientId the only {@code Client-Id} it accepts
     * @param apiKey the only {@code Api-Key} it accepts
     * @param port the port, or 0 for a free one
     * @return the running fake
     */
    public static FakeOzonApi start(String clientId, String apiKey, int port) {
        FakeOzonApi api = new FakeOzonApi(clientId, apiKey, port);
        api.server.start();
        api.server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));
        return api;
    }

    /**
     * Returns the base URL.
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

    // ================================================================== common: errors, failures and journal

    /**
     * An error answer: an {@code rpcStatus} body {@code {code, message, details:[]}} with an HTTP status, or an
     * HTML page when {@code html}.
     *
     * @param status the HTTP status
     * @param code the {@code rpcStatus} code
     * @param message Ozon's message
     * @param retryAfterSeconds a {@code Retry-After} header, or {@code null}
     * @param html whether the body is an HTML page (a proxy's 502/503) instead
     */
    public record OzonError(int status, int code, String message, @Nullable Integer retryAfterSeconds, boolean html) {

        /** Checks the message is there. */
        public OzonError {
            Objects.requireNonNull(message, "message");
        }

        /**
         * An {@code rpcStatus} error.
         *
         * @param status the HTTP status
         * @param code the gRPC code
         * @param message the message
         * @return the error
         */
        public static OzonError rpc(int status, int code, String message) {
            return new OzonError(status, code, message, null, false);
        }

        /**
         * Code 7 {@code PermissionDenied}, as integrators report when the subscription lacks a method (HTTP 403).
         *
         * @return the error
         */
        public static OzonError permissionDenied() {
            return rpc(403, 7, "PermissionDenied");
        }

        /**
         * 429 {@value FakeOzonApi#RATE_LIMIT_TEXT}.
         *
         * @param retryAfterSeconds a {@code Retry-After} header, or {@code null}
         * @return the error
         */
        public static OzonError rateLimited(@Nullable Integer retryAfterSeconds) {
            return new OzonError(429, 8, RATE_LIMIT_TEXT, retryAfterSeconds, false);
        }

        /**
         * {@code Circle is open}, a method shut for a few minutes under load; sent here as HTTP 503, code 14.
         *
         * @return the error
         */
        public static OzonError circleOpen() {
            return rpc(503, 14, "Circle is open");
        }

        /**
         * 403 {@code Offer not signed}.
         *
         * @return the error
         */
        public static OzonError offerNotSigned() {
            return rpc(403, 7, "Offer not signed");
        }

        /**
         * 403 {@code Api-Key is restricted to specific IP addresses}.
         *
         * @return the error
         */
        public static OzonError ipRestricted() {
            return rpc(403, 7, "Api-Key is restricted to specific IP addresses");
        }

        /**
         * An HTML error page.
         *
         * @param status the HTTP status
         * @return the error
         */
        public static OzonError htmlPage(int status) {
            return new OzonError(status, 0, "Service Unavailable", null, true);
        }
    }

    /**
     * Writes an {@code rpcStatus} body.
     *
     * @param code the gRPC code
     * @param message the message
     * @return {@code {"code":…,"message":"…","details":[]}}
     */
    public static String rpcStatusBody(int code, String message) {
        ObjectNode node = JSON.createObjectNode().put("code", code).put("message", message);
        node.putArray("details");
        return node.toString();
    }

    /**
     * Makes the next {@code times} requests to a path fail.
     *
     * @param path the exact path, e.g. {@code /v3/posting/fbs/list}
     * @param times how many requests in a row fail, at least 1
     * @param error how
     * @return this fake
     */
    public synchronized FakeOzonApi failNext(String path, int times, OzonError error) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, got " + times);
        }
        Deque<OzonError> queue = failures.computeIfAbsent(path, p -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(Objects.requireNonNull(error, "error"));
        }
        return this;
    }

    /**
     * Returns the JSON bodies of the requests that reached a path (failed ones included), oldest first.
     *
     * @param path the exact path
     * @return the bodies
     */
    public synchronized List<JsonNode> requestBodies(String path) {
        return List.copyOf(bodies.getOrDefault(path, List.of()));
    }

    /**
     * Returns how many requests reached a path (failed ones included).
     *
     * @param path the exact path
     * @return the count
     */
    public synchronized int requests(String path) {
        return bodies.getOrDefault(path, List.of()).size();
    }

    private synchronized ResponseDefinition answer(Request request) {
        String path = request.getUrl().split("\\?", 2)[0];
        JsonNode body = readBody(request);
        bodies.computeIfAbsent(path, p -> new ArrayList<>()).add(body);
        if (!clientId.equals(request.getHeader("Client-Id")) || !apiKey.equals(request.getHeader("Api-Key"))) {
            return error(OzonError.rpc(401, 16, "Invalid Api-Key, please check the key and try again"));
        }
        Deque<OzonError> queue = failures.get(path);
        if (queue != null && !queue.isEmpty()) {
            OzonError failure = queue.poll();
            return path.startsWith(QUESTION_PREFIX) ? qaError(failure) : error(failure);
        }
        if (!"POST".equals(request.getMethod().getName())) {
            return error(OzonError.rpc(405, 12, "Method Not Allowed"));
        }
        String contentType = request.getHeader("Content-Type");
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith(JSON_TYPE)) {
            return error(OzonError.rpc(400, 3, "Content-Type must be application/json"));
        }
        if (path.startsWith("/v3/posting/fbs/") || path.equals("/v2/posting/fbo/list")) {
            return postingsApi(path, body);
        }
        if (path.equals(FINANCE_LIST_PATH)) {
            return financeApi(body);
        }
        if (path.equals(FINANCE_TOTALS_PATH)) {
            return financeTotals(body);
        }
        if (path.startsWith("/v1/review/")) {
            return reviewsApi(path, body);
        }
        if (path.startsWith(QUESTION_PREFIX)) {
            return questionsApi(path, body);
        }
        if (CHAT_PATHS.contains(path)) {
            return chatsApi(path, body);
        }
        return error(OzonError.rpc(404, 5, "Not Found"));
    }

    private static JsonNode readBody(Request request) {
        String text = request.getBodyAsString();
        if (text == null || text.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static ResponseDefinition error(OzonError error) {
        ResponseDefinitionBuilder response = ResponseDefinitionBuilder.responseDefinition().withStatus(error.status());
        if (error.retryAfterSeconds() != null) {
            response.withHeader("Retry-After", Integer.toString(error.retryAfterSeconds()));
        }
        if (error.html()) {
            return response.withHeader("Content-Type", "text/html")
                    .withBody("<html><body><h1>" + error.status() + "</h1>" + error.message() + "</body></html>")
                    .build();
        }
        return response.withHeader("Content-Type", JSON_TYPE).withBody(rpcStatusBody(error.code(), error.message()))
                .build();
    }

    private static ResponseDefinition ok(JsonNode body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200).withHeader("Content-Type", JSON_TYPE)
                .withBody(body.toString()).build();
    }

    // ================================================================== postings section (begin)
    //
    // POST /v3/posting/fbs/list, POST /v3/posting/fbs/get, POST /v2/posting/fbo/list; reference §3.3.

    /** How a fake posting is fulfilled. */
    public enum Scheme {
        /** Ozon delivers from the seller's warehouse; {@code tpl_integration_type: ozon}, no customer. */
        FBS,
        /** The seller delivers; {@code tpl_integration_type: non_integrated}, a customer with a proxy phone. */
        RFBS,
        /** Ozon's warehouse; listed by the FBO list only. */
        FBO
    }

    /**
     * One line of a fake posting.
     *
     * @param sku Ozon's SKU
     * @param offerId the seller's article
     * @param name the name
     * @param quantity the units
     * @param price the unit price as Ozon writes it, a string such as {@code "1259"}
     * @param currencyCode e.g. {@code RUB}
     */
    public record Product(long sku, String offerId, String name, int quantity, String price, String currencyCode) {}

    /**
     * The buyer of an rFBS posting.
     *
     * @param customerId Ozon's id of the buyer
     * @param name the name
     * @param phone the substitute (proxy) phone
     * @param city the city
     * @param addressTail street, house, flat
     */
    public record Customer(long customerId, String name, String phone, String city, String addressTail) {}

    /**
     * A fake posting.
     *
     * @param postingNumber e.g. {@code 23713478-0018-3}
     * @param orderId the order's id
     * @param orderNumber e.g. {@code 23713478-0018}
     * @param scheme FBS, rFBS or FBO
     * @param status e.g. {@code awaiting_packaging}
     * @param inProcessAt when it was taken into processing; the lists filter on it
     * @param products the lines
     * @param customer the rFBS buyer, or {@code null}
     */
    public record Posting(String postingNumber, long orderId, String orderNumber, Scheme scheme, String status,
            Instant inProcessAt, List<Product> products, @Nullable Customer customer) {

        /** Copies the lines. */
        public Posting {
            products = List.copyOf(products);
        }

        /**
         * Returns this posting in another status.
         *
         * @param newStatus the status
         * @return the posting
         */
        public Posting withStatus(String newStatus) {
            return new Posting(postingNumber, orderId, orderNumber, scheme, newStatus, inProcessAt, products, customer);
        }

        /**
         * Returns this posting as rFBS with a buyer.
         *
         * @param buyer the buyer
         * @return the posting
         */
        public Posting rfbs(Customer buyer) {
            return new Posting(postingNumber, orderId, orderNumber, Scheme.RFBS, status, inProcessAt, products, buyer);
        }

        /**
         * Returns this posting as FBO.
         *
         * @return the posting
         */
        public Posting fbo() {
            return new Posting(postingNumber, orderId, orderNumber, Scheme.FBO, status, inProcessAt, products, null);
        }
    }

    /**
     * A fake FBS posting with one line (SKU 1234567, offer {@code TSHIRT-M}, 1259 RUB).
     *
     * @param postingNumber e.g. {@code 23713478-0018-3}; the order number is it without the last part
     * @param status e.g. {@code awaiting_packaging}
     * @param inProcessAt when it was taken into processing
     * @return the posting
     */
    public static Posting posting(String postingNumber, String status, Instant inProcessAt) {
        int dash = postingNumber.lastIndexOf('-');
        String orderNumber = dash > 0 ? postingNumber.substring(0, dash) : postingNumber;
        long orderId = 10_000_000L + Math.abs(postingNumber.hashCode() % 1_000_000);
        return new Posting(postingNumber, orderId, orderNumber, Scheme.FBS, status, inProcessAt,
                List.of(new Product(1_234_567L, "TSHIRT-M", "Футболка хлопковая, M", 1, "1259", "RUB")), null);
    }

    /**
     * Adds or replaces a posting.
     *
     * @param posting the posting
     * @return this fake
     */
    public synchronized FakeOzonApi putPosting(Posting posting) {
        postings.put(posting.postingNumber(), Objects.requireNonNull(posting, "posting"));
        return this;
    }

    /**
     * Writes the FBS list's answer.
     *
     * @param page the postings of the page, FBS or rFBS
     * @param hasNext whether another page follows
     * @return {@code {"result":{"postings":[…],"has_next":…}}}
     */
    public static String fbsListBody(List<Posting> page, boolean hasNext) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode result = root.putObject("result");
        ArrayNode list = result.putArray("postings");
        page.forEach(p -> list.add(fbsPostingJson(p)));
        result.put("has_next", hasNext);
        return root.toString();
    }

    /**
     * Writes the FBO list's answer.
     *
     * @param page the postings of the page
     * @return {@code {"result":[…]}}
     */
    public static String fboListBody(List<Posting> page) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("result");
        page.forEach(p -> list.add(fboPostingJson(p)));
        return root.toString();
    }

    /**
     * Writes one FBS or rFBS posting as {@code /v3/posting/fbs/list} and {@code /get} send it, every field of §3.3.
     *
     * @param p the posting
     * @return the JSON
     */
    public static ObjectNode fbsPostingJson(Posting p) {
        ObjectNode node = JSON.createObjectNode();
        node.put("posting_number", p.postingNumber()).put("order_id", p.orderId())
                .put("order_number", p.orderNumber()).put("parent_posting_number", "").put("status", p.status())
                .put("substatus", "posting_" + p.status()).put("previous_substatus", "");
        node.putObject("cancellation").put("cancel_reason_id", 0).put("cancel_reason", "")
                .put("cancellation_type", "").put("cancelled_after_ship", false)
                .put("affect_cancellation_rating", false).put("cancellation_initiator", "");
        node.put("in_process_at", p.inProcessAt().toString())
                .put("shipment_date", p.inProcessAt().plusSeconds(86_400).toString());
        if (p.status().equals("delivering") || p.status().equals("delivered")) {
            node.put("delivering_date", p.inProcessAt().plusSeconds(2 * 86_400).toString());
        } else {
            node.putNull("delivering_date");
        }
        node.putNull("pickup_code_verified_at");
        node.putObject("delivery_method").put("id", 21_321_684_811_000L).put("name", "Ozon Логистика самостоятельно")
                .put("warehouse_id", 21_321_684_811_000L).put("warehouse", "Склад на Ленина")
                .put("tpl_provider_id", 24).put("tpl_provider", "Ozon Логистика");
        node.put("tracking_number", "")
                .put("tpl_integration_type", p.scheme() == Scheme.RFBS ? "non_integrated" : "ozon")
                .put("is_express", false);
        ArrayNode products = node.putArray("products");
        for (Product product : p.products()) {
            ObjectNode line = products.addObject();
            line.put("price", product.price()).put("currency_code", product.currencyCode())
                    .put("offer_id", product.offerId()).put("name", product.name()).put("sku", product.sku())
                    .put("quantity", product.quantity()).put("is_marketplace_buyout", false);
            line.putArray("mandatory_mark");
        }
        node.putObject("analytics_data").put("region", "Москва").put("city", "Москва").put("delivery_type", "PVZ")
                .put("is_premium", false).put("payment_type_group_name", "Карты оплаты")
                .put("warehouse", "Склад на Ленина").put("tpl_provider", "Ozon Логистика")
                .put("delivery_date_begin", p.inProcessAt().plusSeconds(3 * 86_400).toString())
                .put("delivery_date_end", p.inProcessAt().plusSeconds(4 * 86_400).toString())
                .put("is_legal", false);
        node.putNull("financial_data");
        Customer c = p.customer();
        if (c == null) {
            node.putNull("customer");
            node.putNull("addressee");
        } else {
            ObjectNode customer = node.putObject("customer");
            customer.put("customer_id", c.customerId()).put("name", c.name()).put("phone", c.phone());
            customer.putObject("address").put("address_tail", c.addressTail()).put("city", c.city())
                    .put("comment", "").put("country", "Россия").put("district", "").put("latitude", 55.7558)
                    .put("longitude", 37.6173).put("provider_pvz_code", "").put("pvz_code", 0)
                    .put("region", c.city()).put("zip_code", "101000");
            node.putObject("addressee").put("name", c.name()).put("phone", "");
        }
        node.putNull("barcodes");
        node.putNull("legal_info");
        node.putObject("requirements").putArray("products_requiring_gtd");
        return node;
    }

    /**
     * Writes one FBO posting as {@code /v2/posting/fbo/list} sends it.
     *
     * @param p the posting
     * @return the JSON
     */
    public static ObjectNode fboPostingJson(Posting p) {
        ObjectNode node = JSON.createObjectNode();
        node.put("order_id", p.orderId()).put("order_number", p.orderNumber())
                .put("posting_number", p.postingNumber()).put("status", p.status()).put("cancel_reason_id", 0)
                .put("created_at", p.inProcessAt().toString()).put("in_process_at", p.inProcessAt().toString());
        ArrayNode products = node.putArray("products");
        for (Product product : p.products()) {
            ObjectNode line = products.addObject();
            line.put("sku", product.sku()).put("name", product.name()).put("quantity", product.quantity())
                    .put("offer_id", product.offerId()).put("price", product.price())
                    .put("currency_code", product.currencyCode());
            line.putArray("digital_codes");
        }
        node.putObject("analytics_data").put("region", "Москва").put("city", "Москва")
                .put("delivery_type", "PVZ").put("is_premium", false).put("payment_type_group_name", "Карты оплаты")
                .put("warehouse_id", 15_431_806_189_000L).put("warehouse_name", "ХОРУГВИНО_РФЦ")
                .put("is_legal", false);
        node.putNull("financial_data");
        node.putArray("additional_data");
        return node;
    }

    private ResponseDefinition postingsApi(String path, JsonNode body) {
        if (path.equals("/v3/posting/fbs/get")) {
            String number = body.path("posting_number").asText("");
            Posting p = postings.get(number);
            if (p == null || p.scheme() == Scheme.FBO) {
                return error(OzonError.rpc(404, 5, "posting not found"));
            }
            ObjectNode root = JSON.createObjectNode();
            root.set("result", fbsPostingJson(p));
            return ok(root);
        }
        boolean fbo = path.equals("/v2/posting/fbo/list");
        if (!fbo && !path.equals("/v3/posting/fbs/list")) {
            return error(OzonError.rpc(404, 5, "Not Found"));
        }
        int limit = body.path("limit").asInt(0);
        int offset = body.path("offset").asInt(0);
        if (limit < 1 || limit > MAX_LIMIT) {
            return error(OzonError.rpc(400, 3, "limit must be 1-" + MAX_LIMIT));
        }
        if (fbo && offset > MAX_FBO_OFFSET) {
            return error(OzonError.rpc(400, 3, "MAX_OFFSET_EXCEEDED"));
        }
        JsonNode filter = body.path("filter");
        Instant since;
        Instant to;
        try {
            since = Instant.parse(filter.path("since").asText(""));
            to = Instant.parse(filter.path("to").asText(""));
        } catch (DateTimeParseException e) {
            return error(OzonError.rpc(400, 3, "filter.since and filter.to are required (RFC 3339)"));
        }
        String status = filter.path("status").asText("");
        List<Posting> matching = new ArrayList<>();
        for (Posting p : postings.values()) {
            if ((p.scheme() == Scheme.FBO) == fbo && !p.inProcessAt().isBefore(since) && !p.inProcessAt().isAfter(to)
                    && (status.isEmpty() || status.equals(p.status()))) {
                matching.add(p);
            }
        }
        int from = Math.min(offset, matching.size());
        int end = Math.min(from + limit, matching.size());
        List<Posting> page = matching.subList(from, end);
        try {
            return ok(JSON.readTree(fbo ? fboListBody(page) : fbsListBody(page, end < matching.size())));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ================================================================== postings section (end)

    private final class Responder implements ResponseDefinitionTransformerV2 {
        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            return answer(serveEvent.getRequest());
        }

        @Override
        public String getName() {
            return "fake-ozon";
        }
    }

    // ================================================================== finance section (begin)
    //
    // POST /v3/finance/transaction/list; reference §3.8: {filter:{date:{from,to}, transaction_type}, page,
    // page_size} -> {result:{operations, page_count, row_count}}; at most one month per request.
    // POST /v3/finance/transaction/totals: {date:{from,to}, transaction_type} -> {result:{accruals_for_sale, ...}}.

    /** The transaction list's path. */
    public static final String FINANCE_LIST_PATH = "/v3/finance/transaction/list";

    /** The totals' path. */
    public static final String FINANCE_TOTALS_PATH = "/v3/finance/transaction/totals";

    private final List<JsonNode> operations = new ArrayList<>();

    /**
     * Adds finance operations in Ozon's shape (e.g. a fixture page's {@code result.operations}); they are served by
     * their {@code operation_date} (UTC, {@code yyyy-MM-dd HH:mm:ss}) within each request's window.
     *
     * @param ops the operations
     * @return this fake
     */
    public synchronized FakeOzonApi addOperations(JsonNode ops) {
        ops.forEach(operations::add);
        return this;
    }

    private synchronized ResponseDefinition financeApi(JsonNode body) {
        JsonNode date = body.path("filter").path("date");
        Object window = financeWindow(date);
        if (window instanceof ResponseDefinition refused) {
            return refused;
        }
        int page = body.path("page").asInt(0);
        int size = body.path("page_size").asInt(0);
        if (page < 1 || size < 1 || size > 1000) {
            return error(OzonError.rpc(400, 3, "page must be at least 1 and page_size 1-1000"));
        }
        List<JsonNode> inWindow = operationsIn((java.time.Instant[]) window);
        int pages = (inWindow.size() + size - 1) / size;
        ObjectNode result = JSON.createObjectNode();
        com.fasterxml.jackson.databind.node.ArrayNode out = result.putArray("operations");
        inWindow.stream().skip((long) (page - 1) * size).limit(size).forEach(out::add);
        result.put("page_count", pages);
        result.put("row_count", inWindow.size());
        ObjectNode answer = JSON.createObjectNode();
        answer.set("result", result);
        return ok(answer);
    }

    /**
     * The totals of the window's operations, by the fake's own arithmetic (Ozon does not document how it adds
     * them up): {@code accruals_for_sale} and {@code sale_commission} summed as they are; the services' prices as
     * {@code processing_and_delivery}; the {@code amount}s of returns, services, compensations, transfers of
     * delivery and others in their fields. The shape is Ozon's: {@code {"result":{...}}}.
     */
    private synchronized ResponseDefinition financeTotals(JsonNode body) {
        Object window = financeWindow(body.path("date"));
        if (window instanceof ResponseDefinition refused) {
            return refused;
        }
        java.math.BigDecimal[] sums = new java.math.BigDecimal[8];
        java.util.Arrays.fill(sums, java.math.BigDecimal.ZERO);
        for (JsonNode op : operationsIn((java.time.Instant[]) window)) {
            sums[0] = sums[0].add(op.path("accruals_for_sale").decimalValue());
            sums[1] = sums[1].add(op.path("sale_commission").decimalValue());
            for (JsonNode service : op.path("services")) {
                sums[2] = sums[2].add(service.path("price").decimalValue());
            }
            int field = switch (op.path("type").asText()) {
                case "returns" -> 3;
                case "services" -> 4;
                case "compensation" -> 5;
                case "transferDelivery" -> 6;
                case "other" -> 7;
                default -> -1;
            };
            if (field >= 0) {
                sums[field] = sums[field].add(op.path("amount").decimalValue());
            }
        }
        String[] names = {"accruals_for_sale", "sale_commission", "processing_and_delivery",
            "refunds_and_cancellations", "services_amount", "compensation_amount", "money_transfer", "others_amount"};
        ObjectNode result = JSON.createObjectNode();
        for (int i = 0; i < names.length; i++) {
            result.put(names[i], sums[i]);
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.set("result", result);
        return ok(answer);
    }

    /** The request's {@code {from, to}} as two instants, or the error Ozon gives for a bad or too long period. */
    private static Object financeWindow(JsonNode date) {
        java.time.Instant from;
        java.time.Instant to;
        try {
            from = java.time.Instant.parse(date.path("from").asText());
            to = java.time.Instant.parse(date.path("to").asText());
        } catch (java.time.format.DateTimeParseException e) {
            return error(OzonError.rpc(400, 3, "date: from and to must be date-times"));
        }
        if (to.isBefore(from) || to.isAfter(from.atZone(java.time.ZoneOffset.UTC).plusMonths(1).plusDays(1).toInstant())) {
            return error(OzonError.rpc(400, 3, "the period must not be longer than one month"));
        }
        return new java.time.Instant[] {from, to};
    }

    private List<JsonNode> operationsIn(java.time.Instant[] window) {
        List<JsonNode> inWindow = new ArrayList<>();
        for (JsonNode op : operations) {
            java.time.Instant at = java.time.LocalDateTime.parse(op.path("operation_date").asText().replace(' ', 'T'))
                    .toInstant(java.time.ZoneOffset.UTC);
            if (!at.isBefore(window[0]) && !at.isAfter(window[1])) {
                inWindow.add(op);
            }
        }
        return inWindow;
    }
    // ================================================================== finance section (end)

    // ================================================================== reviews section (begin)
    //
    // /v1/review/*; reference §3.5 (beta, Premium Plus). Reviews are kept in the order they were put (oldest first);
    // last_id is the id of the last review of a page and the next page starts after it, whatever the status filter.

    /** The smallest review list page. */
    public static final int MIN_REVIEW_LIMIT = 20;
    /** The largest review list page. */
    public static final int MAX_REVIEW_LIMIT = 100;

    private final List<Review> reviews = new ArrayList<>();
    private final Map<String, List<ObjectNode>> reviewComments = new HashMap<>();
    private int commentSequence;

    /**
     * A fake review.
     *
     * @param id Ozon's id
     * @param sku Ozon's SKU of the product
     * @param text the text
     * @param rating 1–5
     * @param status {@code UNPROCESSED} or {@code PROCESSED}
     * @param publishedAt when published
     */
    public record Review(String id, long sku, String text, int rating, String status, Instant publishedAt) {

        /**
         * Returns this review in another status.
         *
         * @param newStatus the status
         * @return the review
         */
        public Review withStatus(String newStatus) {
            return new Review(id, sku, text, rating, newStatus, publishedAt);
        }
    }

    /**
     * An unprocessed fake review.
     *
     * @param id the id
     * @param sku Ozon's SKU
     * @param rating 1–5
     * @param text the text
     * @param publishedAt when published
     * @return the review
     */
    public static Review review(String id, long sku, int rating, String text, Instant publishedAt) {
        return new Review(id, sku, text, rating, "UNPROCESSED", publishedAt);
    }

    /**
     * Adds a review at the end, or replaces the one with its id in place.
     *
     * @param review the review
     * @return this fake
     */
    public synchronized FakeOzonApi putReview(Review review) {
        Objects.requireNonNull(review, "review");
        for (int i = 0; i < reviews.size(); i++) {
            if (reviews.get(i).id().equals(review.id())) {
                reviews.set(i, review);
                return this;
            }
        }
        reviews.add(review);
        return this;
    }

    /**
     * Returns a review as it is now (status changes included).
     *
     * @param id the id
     * @return the review, or {@code null}
     */
    public synchronized @Nullable Review reviewById(String id) {
        return reviews.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    /**
     * Returns the comments made on a review, as {@code /v1/review/comment/list} sends them.
     *
     * @param reviewId the review
     * @return the comments
     */
    public synchronized List<JsonNode> reviewComments(String reviewId) {
        return List.copyOf(reviewComments.getOrDefault(reviewId, List.of()));
    }

    /**
     * Writes one review as the list sends it (every field of §3.5).
     *
     * @param r the review
     * @return the JSON
     */
    public static ObjectNode reviewJson(Review r) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", r.id()).put("sku", r.sku()).put("text", r.text()).put("rating", r.rating())
                .put("status", r.status()).put("order_status", "DELIVERED")
                .put("published_at", r.publishedAt().toString()).put("comments_amount", 0).put("photos_amount", 0)
                .put("videos_amount", 0).put("is_rating_participant", true);
        return node;
    }

    private synchronized ResponseDefinition reviewsApi(String path, JsonNode body) {
        switch (path) {
            case "/v1/review/list" -> {
                int limit = body.path("limit").asInt(0);
                if (limit < MIN_REVIEW_LIMIT || limit > MAX_REVIEW_LIMIT) {
                    return error(OzonError.rpc(400, 3, "limit must be " + MIN_REVIEW_LIMIT + "-" + MAX_REVIEW_LIMIT));
                }
                String dir = body.path("sort_dir").asText("ASC");
                String status = body.path("status").asText("ALL");
                List<Review> ordered = new ArrayList<>(reviews);
                if (dir.equals("DESC")) {
                    java.util.Collections.reverse(ordered);
                }
                String lastId = body.path("last_id").asText("");
                int start = 0;
                if (!lastId.isEmpty()) {
                    for (int i = 0; i < ordered.size(); i++) {
                        if (ordered.get(i).id().equals(lastId)) {
                            start = i + 1;
                        }
                    }
                }
                List<Review> matching = ordered.subList(start, ordered.size()).stream()
                        .filter(r -> status.equals("ALL") || status.equals(r.status())).toList();
                List<Review> page = matching.subList(0, Math.min(limit, matching.size()));
                ObjectNode root = JSON.createObjectNode();
                root.put("has_next", matching.size() > page.size());
                root.put("last_id", page.isEmpty() ? "" : page.get(page.size() - 1).id());
                ArrayNode list = root.putArray("reviews");
                page.forEach(r -> list.add(reviewJson(r)));
                return ok(root);
            }
            case "/v1/review/info" -> {
                Review r = reviewById(body.path("review_id").asText(""));
                if (r == null) {
                    return error(OzonError.rpc(404, 5, "review not found"));
                }
                ObjectNode node = reviewJson(r);
                node.put("comments_amount", reviewComments.getOrDefault(r.id(), List.of()).size())
                        .put("photos_amount", 1).put("likes_amount", 3).put("dislikes_amount", 1);
                node.putArray("photos").addObject().put("url", "https://cdn1.ozone.ru/s3/rp-photo/" + r.id() + ".jpg")
                        .put("width", 1080).put("height", 1440);
                node.putArray("videos");
                return ok(node);
            }
            case "/v1/review/comment/create" -> {
                String reviewId = body.path("review_id").asText("");
                Review r = reviewById(reviewId);
                if (r == null) {
                    return error(OzonError.rpc(404, 5, "review not found"));
                }
                if (body.path("text").asText("").isBlank()) {
                    return error(OzonError.rpc(400, 3, "text is required"));
                }
                String id = "c0mment-" + (++commentSequence);
                ObjectNode comment = JSON.createObjectNode().put("id", id).put("text", body.path("text").asText())
                        .put("published_at", Instant.parse("2025-09-15T10:00:00Z").toString()).put("is_owner", true)
                        .put("is_official", false).put("parent_comment_id", body.path("parent_comment_id").asText(""));
                reviewComments.computeIfAbsent(reviewId, k -> new ArrayList<>()).add(comment);
                if (body.path("mark_review_as_processed").asBoolean(false)) {
                    putReview(r.withStatus("PROCESSED"));
                }
                return ok(JSON.createObjectNode().put("comment_id", id));
            }
            case "/v1/review/comment/list" -> {
                int limit = body.path("limit").asInt(0);
                if (limit < MIN_REVIEW_LIMIT || limit > MAX_REVIEW_LIMIT) {
                    return error(OzonError.rpc(400, 3, "limit must be " + MIN_REVIEW_LIMIT + "-" + MAX_REVIEW_LIMIT));
                }
                List<ObjectNode> all = reviewComments.getOrDefault(body.path("review_id").asText(""), List.of());
                int offset = Math.min(Math.max(0, body.path("offset").asInt(0)), all.size());
                List<ObjectNode> page = all.subList(offset, Math.min(offset + limit, all.size()));
                ObjectNode root = JSON.createObjectNode();
                root.putArray("comments").addAll(page);
                root.put("offset", page.size());
                return ok(root);
            }
            case "/v1/review/comment/delete" -> {
                String id = body.path("comment_id").asText("");
                boolean removed = reviewComments.values().stream()
                        .anyMatch(list -> list.removeIf(c -> c.path("id").asText().equals(id)));
                return removed ? ok(JSON.createObjectNode()) : error(OzonError.rpc(404, 5, "comment not found"));
            }
            case "/v1/review/change-status" -> {
                JsonNode ids = body.path("review_ids");
                String status = body.path("status").asText("");
                if (!ids.isArray() || ids.isEmpty() || ids.size() > 100) {
                    return error(OzonError.rpc(400, 3, "review_ids must hold 1-100 ids"));
                }
                if (!status.equals("PROCESSED") && !status.equals("UNPROCESSED")) {
                    return error(OzonError.rpc(400, 3, "status must be PROCESSED or UNPROCESSED"));
                }
                ids.forEach(id -> {
                    Review r = reviewById(id.asText());
                    if (r != null) {
                        putReview(r.withStatus(status));
                    }
                });
                return ok(JSON.createObjectNode());
            }
            case "/v1/review/count" -> {
                long processed = reviews.stream().filter(r -> r.status().equals("PROCESSED")).count();
                return ok(JSON.createObjectNode().put("processed", processed).put("total", reviews.size())
                        .put("unprocessed", reviews.size() - processed));
            }
            default -> {
                return error(OzonError.rpc(404, 5, "Not Found"));
            }
        }
    }

    // ================================================================== reviews section (end)

    // ================================================================== questions section (begin)
    //
    // /v1/question/*; reference §3.6 (beta, Premium Plus). No has_next: a page's last_id is its last question's id
    // and the list ends with an empty page. Errors carry details as a string.

    private static final String QUESTION_PREFIX = "/v1/question/";

    private final List<Question> questions = new ArrayList<>();
    private final Map<String, List<ObjectNode>> questionAnswers = new HashMap<>();
    private int questionPageSize = 100;
    private int answerSequence;

    /**
     * A fake question.
     *
     * @param id Ozon's id
     * @param sku Ozon's SKU of the product
     * @param text the text
     * @param authorName the author's name
     * @param status {@code NEW}, {@code VIEWED}, {@code PROCESSED}, …
     * @param publishedAt when published
     */
    public record Question(String id, long sku, String text, String authorName, String status, Instant publishedAt) {

        /**
         * Returns this question in another status.
         *
         * @param newStatus the status
         * @return the question
         */
        public Question withStatus(String newStatus) {
            return new Question(id, sku, text, authorName, newStatus, publishedAt);
        }
    }

    /**
     * A new fake question.
     *
     * @param id the id
     * @param sku Ozon's SKU
     * @param text the text
     * @param authorName the author
     * @param publishedAt when published
     * @return the question
     */
    public static Question question(String id, long sku, String text, String authorName, Instant publishedAt) {
        return new Question(id, sku, text, authorName, "NEW", publishedAt);
    }

    /**
     * Adds a question at the end, or replaces the one with its id in place.
     *
     * @param question the question
     * @return this fake
     */
    public synchronized FakeOzonApi putQuestion(Question question) {
        Objects.requireNonNull(question, "question");
        for (int i = 0; i < questions.size(); i++) {
            if (questions.get(i).id().equals(question.id())) {
                questions.set(i, question);
                return this;
            }
        }
        questions.add(question);
        return this;
    }

    /**
     * Sets how many questions a list page holds (Ozon's request has no limit). Default 100.
     *
     * @param size at least 1
     * @return this fake
     */
    public synchronized FakeOzonApi questionPageSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1, got " + size);
        }
        this.questionPageSize = size;
        return this;
    }

    /**
     * Returns the answers given to a question, as {@code /v1/question/answer/list} sends them.
     *
     * @param questionId the question
     * @return the answers
     */
    public synchronized List<JsonNode> questionAnswers(String questionId) {
        return List.copyOf(questionAnswers.getOrDefault(questionId, List.of()));
    }

    /**
     * Writes an error of the Q&amp;A methods: {@code {code, message, details:"…"}}, {@code details} a string.
     *
     * @param code the gRPC code
     * @param message the message
     * @param details the details
     * @return the body
     */
    public static String qaErrorBody(int code, String message, String details) {
        return JSON.createObjectNode().put("code", code).put("message", message).put("details", details).toString();
    }

    private static ResponseDefinition qaError(OzonError error) {
        if (error.html()) {
            return error(error);
        }
        ResponseDefinitionBuilder response = ResponseDefinitionBuilder.responseDefinition().withStatus(error.status());
        if (error.retryAfterSeconds() != null) {
            response.withHeader("Retry-After", Integer.toString(error.retryAfterSeconds()));
        }
        return response.withHeader("Content-Type", JSON_TYPE)
                .withBody(qaErrorBody(error.code(), error.message(), "")).build();
    }

    private static ResponseDefinition qaError(int status, int code, String message, String details) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status).withHeader("Content-Type", JSON_TYPE)
                .withBody(qaErrorBody(code, message, details)).build();
    }

    private static ObjectNode questionJson(Question q, int answers) {
        return JSON.createObjectNode().put("answers_count", answers).put("author_name", q.authorName())
                .put("id", q.id()).put("sku", q.sku()).put("product_url", "https://www.ozon.ru/product/" + q.sku() + "/")
                .put("published_at", q.publishedAt().toString())
                .put("question_link", "https://www.ozon.ru/product/" + q.sku() + "/questions/?qid=" + q.id())
                .put("text", q.text()).put("status", q.status());
    }

    private synchronized ResponseDefinition questionsApi(String path, JsonNode body) {
        switch (path) {
            case "/v1/question/list" -> {
                JsonNode filter = body.path("filter");
                Instant from;
                Instant to;
                try {
                    from = filter.path("date_from").asText("").isEmpty() ? Instant.MIN
                            : Instant.parse(filter.path("date_from").asText());
                    to = filter.path("date_to").asText("").isEmpty() ? Instant.MAX
                            : Instant.parse(filter.path("date_to").asText());
                } catch (DateTimeParseException e) {
                    return qaError(400, 3, "invalid filter", "date_from and date_to must be RFC 3339 date-times");
                }
                String status = filter.path("status").asText("ALL");
                String lastId = body.path("last_id").asText("");
                int start = 0;
                for (int i = 0; i < questions.size() && !lastId.isEmpty(); i++) {
                    if (questions.get(i).id().equals(lastId)) {
                        start = i + 1;
                    }
                }
                List<Question> matching = questions.subList(start, questions.size()).stream()
                        .filter(q -> !q.publishedAt().isBefore(from) && !q.publishedAt().isAfter(to))
                        .filter(q -> status.equals("ALL") || status.equals(q.status())
                                || (status.equals("UNPROCESSED") && !q.status().equals("PROCESSED")))
                        .toList();
                List<Question> page = matching.subList(0, Math.min(questionPageSize, matching.size()));
                ObjectNode root = JSON.createObjectNode();
                ArrayNode list = root.putArray("questions");
                page.forEach(q -> list.add(questionJson(q, questionAnswers.getOrDefault(q.id(), List.of()).size())));
                root.put("last_id", page.isEmpty() ? "" : page.get(page.size() - 1).id());
                return ok(root);
            }
            case "/v1/question/answer/create" -> {
                String questionId = body.path("question_id").asText("");
                String text = body.path("text").asText("");
                if (questions.stream().noneMatch(q -> q.id().equals(questionId))) {
                    return qaError(404, 5, "question not found", "question_id: " + questionId);
                }
                if (text.length() < 2 || text.length() > 3000) {
                    return qaError(400, 3, "invalid text", "text must be 2-3000 characters");
                }
                String id = "answer-" + (++answerSequence);
                questionAnswers.computeIfAbsent(questionId, k -> new ArrayList<>()).add(JSON.createObjectNode()
                        .put("author_name", "Продавец").put("id", id).put("published_at", "2025-09-15T10:00:00Z")
                        .put("question_id", questionId).put("sku", body.path("sku").asLong()).put("text", text));
                return ok(JSON.createObjectNode().put("answer_id", id));
            }
            case "/v1/question/answer/list" -> {
                List<ObjectNode> all = questionAnswers.getOrDefault(body.path("question_id").asText(""), List.of());
                String lastId = body.path("last_id").asText("");
                int start = 0;
                for (int i = 0; i < all.size() && !lastId.isEmpty(); i++) {
                    if (all.get(i).path("id").asText().equals(lastId)) {
                        start = i + 1;
                    }
                }
                List<ObjectNode> page = all.subList(start, Math.min(start + questionPageSize, all.size()));
                ObjectNode root = JSON.createObjectNode();
                root.putArray("answers").addAll(page);
                root.put("last_id", page.isEmpty() ? "" : page.get(page.size() - 1).path("id").asText());
                return ok(root);
            }
            case "/v1/question/answer/delete" -> {
                String id = body.path("answer_id").asText("");
                boolean removed = questionAnswers.values().stream()
                        .anyMatch(list -> list.removeIf(a -> a.path("id").asText().equals(id)));
                return removed ? ok(JSON.createObjectNode()) : qaError(404, 5, "answer not found", "answer_id: " + id);
            }
            case "/v1/question/change-status" -> {
                String status = body.path("status").asText("");
                if (!List.of("NEW", "VIEWED", "PROCESSED").contains(status)) {
                    return qaError(400, 3, "invalid status", "status must be NEW, VIEWED or PROCESSED");
                }
                body.path("question_ids").forEach(id -> {
                    for (int i = 0; i < questions.size(); i++) {
                        if (questions.get(i).id().equals(id.asText())) {
                            questions.set(i, questions.get(i).withStatus(status));
                        }
                    }
                });
                return ok(JSON.createObjectNode());
            }
            case "/v1/question/count" -> {
                ObjectNode root = JSON.createObjectNode().put("all", questions.size());
                for (String status : List.of("NEW", "VIEWED", "PROCESSED")) {
                    root.put(status.toLowerCase(java.util.Locale.ROOT),
                            questions.stream().filter(q -> q.status().equals(status)).count());
                }
                root.put("unprocessed", questions.stream().filter(q -> !q.status().equals("PROCESSED")).count());
                return ok(root);
            }
            default -> {
                return qaError(404, 5, "Not Found", path);
            }
        }
    }

    // ================================================================== questions section (end)

    // ================================================================== chats section (begin)
    //
    // /v3/chat/list, /v3/chat/history, /v1/chat/send/message, /v1/chat/start, /v2/chat/read; reference §3.7.

    private static final java.util.Set<String> CHAT_PATHS = java.util.Set.of("/v3/chat/list", "/v3/chat/history",
            "/v1/chat/send/message", "/v1/chat/start", "/v2/chat/read");

    /** Ozon's spelling of a customer's {@code user.type} in its examples: a Cyrillic "С" then "ustomer". */
    public static final String CYRILLIC_CUSTOMER = "\u0421ustomer";

    private final Map<String, Chat> chats = new LinkedHashMap<>();
    private final Map<String, List<ChatMessage>> chatMessages = new HashMap<>();
    private long messageSequence = 3_000_000_000_900_000_000L;

    /**
     * A fake chat.
     *
     * @param chatId Ozon's id
     * @param chatType e.g. {@code Buyer_Seller}, {@code Seller_Support}, {@code BUYER_SELLER}
     * @param chatStatus {@code Opened} or {@code Closed}
     * @param createdAt when created
     */
    public record Chat(String chatId, String chatType, String chatStatus, Instant createdAt) {}

    /**
     * A fake chat message.
     *
     * @param messageId Ozon's id (a large number)
     * @param userType e.g. {@link #CYRILLIC_CUSTOMER}, {@code seller}, {@code support}
     * @param userId the author's id
     * @param createdAt when written
     * @param data the text parts
     * @param orderNumber {@code context.order_number}, or {@code null}
     * @param sku {@code context.sku}, or {@code null}
     * @param read whether read
     */
    public record ChatMessage(long messageId, String userType, String userId, Instant createdAt, List<String> data,
            @Nullable String orderNumber, @Nullable Long sku, boolean read) {

        /** Copies the data. */
        public ChatMessage {
            data = List.copyOf(data);
        }
    }

    /**
     * A buyer chat ({@code Buyer_Seller}, {@code Opened}).
     *
     * @param chatId the id
     * @param createdAt when created
     * @return the chat
     */
    public static Chat buyerChat(String chatId, Instant createdAt) {
        return new Chat(chatId, "Buyer_Seller", "Opened", createdAt);
    }

    /**
     * Adds or replaces a chat.
     *
     * @param chat the chat
     * @return this fake
     */
    public synchronized FakeOzonApi putChat(Chat chat) {
        chats.put(chat.chatId(), Objects.requireNonNull(chat, "chat"));
        chatMessages.computeIfAbsent(chat.chatId(), k -> new ArrayList<>());
        return this;
    }

    /**
     * Adds an unread message from the buyer ({@code user.type} {@code "Сustomer"} with a Cyrillic "С").
     *
     * @param chatId the chat, added before
     * @param text the text
     * @param createdAt when written
     * @param orderNumber {@code context.order_number}, or {@code null}
     * @param sku {@code context.sku}, or {@code null}
     * @return the message's id
     */
    public synchronized long addBuyerMessage(String chatId, String text, Instant createdAt,
            @Nullable String orderNumber, @Nullable Long sku) {
        return addChatMessage(chatId, CYRILLIC_CUSTOMER, "115568", text, createdAt, orderNumber, sku, false);
    }

    /**
     * Adds a message.
     *
     * @param chatId the chat, added before
     * @param userType the author's type as Ozon writes it
     * @param userId the author's id
     * @param text the text
     * @param createdAt when written
     * @param orderNumber {@code context.order_number}, or {@code null}
     * @param sku {@code context.sku}, or {@code null}
     * @param read whether read
     * @return the message's id
     */
    public synchronized long addChatMessage(String chatId, String userType, String userId, String text,
            Instant createdAt, @Nullable String orderNumber, @Nullable Long sku, boolean read) {
        List<ChatMessage> list = chatMessages.get(chatId);
        if (list == null) {
            throw new IllegalArgumentException("no chat " + chatId + "; putChat first");
        }
        long id = ++messageSequence;
        list.add(new ChatMessage(id, userType, userId, createdAt, List.of(text), orderNumber, sku, read));
        return id;
    }

    /**
     * Returns a chat's messages, oldest first (the seller's sent ones included).
     *
     * @param chatId the chat
     * @return the messages
     */
    public synchronized List<ChatMessage> chatMessages(String chatId) {
        return List.copyOf(chatMessages.getOrDefault(chatId, List.of()));
    }

    /**
     * Writes one message as {@code /v3/chat/history} sends it: {@code message_id} as a string, {@code user},
     * {@code created_at}, {@code is_read}, {@code is_image}, {@code moderate_image_status}, {@code data},
     * {@code context{order_number, sku}}.
     *
     * @param m the message
     * @return the JSON
     */
    public static ObjectNode chatMessageJson(ChatMessage m) {
        ObjectNode node = JSON.createObjectNode().put("message_id", Long.toString(m.messageId()));
        node.putObject("user").put("id", m.userId()).put("type", m.userType());
        node.put("created_at", m.createdAt().toString()).put("is_read", m.read()).put("is_image", false)
                .put("moderate_image_status", "");
        ArrayNode data = node.putArray("data");
        m.data().forEach(data::add);
        ObjectNode context = node.putObject("context");
        context.put("order_number", m.orderNumber() == null ? "" : m.orderNumber());
        context.put("sku", m.sku() == null ? "" : Long.toString(m.sku()));
        return node;
    }

    private synchronized ResponseDefinition chatsApi(String path, JsonNode body) {
        switch (path) {
            case "/v3/chat/list" -> {
                int limit = body.path("limit").asInt(30);
                if (limit < 1 || limit > 1000) {
                    return error(OzonError.rpc(400, 3, "limit must be 1-1000"));
                }
                String status = body.path("filter").path("chat_status").asText("All");
                boolean unreadOnly = body.path("filter").path("unread_only").asBoolean(false);
                List<ObjectNode> all = new ArrayList<>();
                long totalUnread = 0;
                for (Chat chat : chats.values()) {
                    List<ChatMessage> messages = chatMessages.get(chat.chatId());
                    List<ChatMessage> unread = messages.stream().filter(m -> !m.read() && !isSeller(m)).toList();
                    totalUnread += unread.size();
                    if ((!status.equalsIgnoreCase("All") && !status.equalsIgnoreCase(chat.chatStatus()))
                            || (unreadOnly && unread.isEmpty())) {
                        continue;
                    }
                    ObjectNode item = JSON.createObjectNode();
                    item.putObject("chat").put("chat_id", chat.chatId()).put("chat_status", chat.chatStatus())
                            .put("chat_type", chat.chatType()).put("created_at", chat.createdAt().toString());
                    item.put("first_unread_message_id", unread.isEmpty() ? 0 : unread.get(0).messageId());
                    item.put("last_message_id", messages.isEmpty() ? 0 : messages.get(messages.size() - 1).messageId());
                    item.put("unread_count", unread.size());
                    all.add(item);
                }
                String cursor = body.path("cursor").asText("");
                int start = cursor.startsWith("cur-") ? Integer.parseInt(cursor.substring(4)) : 0;
                int end = Math.min(start + limit, all.size());
                ObjectNode root = JSON.createObjectNode();
                root.putArray("chats").addAll(all.subList(Math.min(start, end), end));
                root.put("total_unread_count", totalUnread);
                root.put("cursor", "cur-" + end);
                root.put("has_next", end < all.size() ? "true" : "false");
                return ok(root);
            }
            case "/v3/chat/history" -> {
                List<ChatMessage> messages = chatMessages.get(body.path("chat_id").asText(""));
                if (messages == null) {
                    return error(OzonError.rpc(404, 5, "chat not found"));
                }
                int limit = body.path("limit").asInt(50);
                if (limit < 1 || limit > 1000) {
                    return error(OzonError.rpc(400, 3, "limit must be 1-1000"));
                }
                boolean forward = body.path("direction").asText("Backward").equalsIgnoreCase("Forward");
                String fromText = body.path("from_message_id").asText("");
                long from = fromText.isEmpty() ? (forward ? Long.MIN_VALUE : Long.MAX_VALUE) : Long.parseLong(fromText);
                List<ChatMessage> candidates = new ArrayList<>(messages.stream()
                        .filter(m -> forward ? m.messageId() >= from : m.messageId() <= from).toList());
                if (!forward) {
                    java.util.Collections.reverse(candidates);
                }
                List<ChatMessage> page = candidates.subList(0, Math.min(limit, candidates.size()));
                ObjectNode root = JSON.createObjectNode();
                root.put("has_next", candidates.size() > page.size());
                ArrayNode list = root.putArray("messages");
                page.forEach(m -> list.add(chatMessageJson(m)));
                return ok(root);
            }
            case "/v1/chat/send/message" -> {
                String chatId = body.path("chat_id").asText("");
                String text = body.path("text").asText("");
                if (!chatMessages.containsKey(chatId)) {
                    return error(OzonError.rpc(404, 5, "chat not found"));
                }
                if (text.isEmpty() || text.length() > 1000) {
                    return error(OzonError.rpc(400, 3, "text must be 1-1000 characters"));
                }
                addChatMessage(chatId, "seller", "836412", text, Instant.parse("2025-09-15T10:00:00Z"), null, null,
                        true);
                return ok(JSON.createObjectNode().put("result", "success"));
            }
            case "/v1/chat/start" -> {
                Posting posting = postings.get(body.path("posting_number").asText(""));
                if (posting == null) {
                    return error(OzonError.rpc(404, 5, "posting not found"));
                }
                if (posting.scheme() == Scheme.FBO) {
                    return error(OzonError.rpc(400, 3, "chat can not be started for this posting"));
                }
                String chatId = "chat-" + posting.postingNumber();
                putChat(buyerChat(chatId, posting.inProcessAt()));
                ObjectNode root = JSON.createObjectNode();
                root.putObject("result").put("chat_id", chatId);
                return ok(root);
            }
            case "/v2/chat/read" -> {
                String chatId = body.path("chat_id").asText("");
                List<ChatMessage> messages = chatMessages.get(chatId);
                if (messages == null) {
                    return error(OzonError.rpc(404, 5, "chat not found"));
                }
                String fromText = body.path("from_message_id").asText("");
                long upTo = fromText.isEmpty() ? Long.MAX_VALUE : Long.parseLong(fromText);
                messages.replaceAll(m -> m.messageId() <= upTo ? new ChatMessage(m.messageId(), m.userType(),
                        m.userId(), m.createdAt(), m.data(), m.orderNumber(), m.sku(), true) : m);
                long unread = messages.stream().filter(m -> !m.read() && !isSeller(m)).count();
                return ok(JSON.createObjectNode().put("unread_count", unread));
            }
            default -> {
                return error(OzonError.rpc(404, 5, "Not Found"));
            }
        }
    }

    private static boolean isSeller(ChatMessage m) {
        return m.userType().equalsIgnoreCase("seller");
    }

    // ================================================================== chats section (end)
}

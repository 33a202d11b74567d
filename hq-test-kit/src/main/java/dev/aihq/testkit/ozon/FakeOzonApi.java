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
            return error(queue.poll());
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
}

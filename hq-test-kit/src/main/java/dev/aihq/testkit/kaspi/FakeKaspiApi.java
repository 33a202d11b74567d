package dev.aihq.testkit.kaspi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.annotation.Nullable;

/**
 * A fake Kaspi Merchant API ({@code /shop/api/v2}) on a WireMock server: it holds orders, answers
 * {@code GET /orders} (the required {@code state} filter, the optional {@code status} filter, the
 * creation-date window of at most 14 days in epoch milliseconds, {@code page[number]}/{@code page[size]}
 * paging with {@code meta.pageCount}), {@code GET /orders/{id}/entries} and
 * {@code GET /masterproducts/{id}/merchantProduct} in Kaspi's JSON:API shape, with Cyrillic titles, KZT
 * prices, 10-digit phones, and the phone masked once an order is archived, as integrators report. A
 * request without the right {@code X-Auth-Token} gets 401; a window longer than 14 days or a missing state
 * gets 400; failures can be injected into the listing.
 *
 * <pre>{@code
 * try (FakeKaspiApi kaspi = FakeKaspiApi.start("token")) {
 *     kaspi.put(FakeKaspiApi.order("600000001", "ACCEPTED_BY_MERCHANT", createdAt)...);
 *     KaspiConfig config = KaspiConfig.builder().baseUrl(kaspi.baseUrl()).build();
 *     ...
 *     kaspi.move("600000001", "ARCHIVE", "COMPLETED");
 * }
 * }</pre>
 *
 * For tests and demos only. Thread-safe.
 */
public final class FakeKaspiApi implements AutoCloseable {

    /** The longest creation-date window Kaspi answers. */
    public static final Duration MAX_WINDOW = Duration.ofDays(14);

    /** What Kaspi sends instead of the phone of an archived order. */
    public static final String MASKED_PHONE = "+0(000)-000-00-00";

    private static final String MEDIA_TYPE = "application/vnd.api+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String token;
    private final WireMockServer server;
    private final Map<String, Order> orders = new LinkedHashMap<>();
    private final Map<Integer, Failure> listingFailures = new HashMap<>();
    private final Map<Integer, Runnable> listingActions = new HashMap<>();
    private final List<Map<String, String>> listingQueries = new ArrayList<>();
    private final AtomicInteger listingRequests = new AtomicInteger();
    private final AtomicInteger entriesRequests = new AtomicInteger();
    private final AtomicInteger productRequests = new AtomicInteger();

    private FakeKaspiApi(String token, int port) {
        this.token = Objects.requireNonNull(token, "token");
        this.server = new WireMockServer(wireMockConfig().port(port).extensions(new Responder()));
    }

    /**
     * Starts a fake on a free port.
     *
     * @param token the only token it accepts
     * @return the running fake
     */
    public static FakeKaspiApi start(String token) {
        return start(token, 0);
    }

    /**
     * Starts a fake on a port.
     *
     * @param token the only token it accepts
     * @param port the port, or 0 for a free one
     * @return the running fake
     */
    public static FakeKaspiApi start(String token, int port) {
        FakeKaspiApi api = new FakeKaspiApi(token, port);
        api.server.start();
        api.server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));
        return api;
    }

    /**
     * Returns the base URL to configure the client with, like {@code https://kaspi.kz/shop/api/v2}.
     *
     * @return e.g. {@code http://localhost:53121/shop/api/v2}
     */
    public String baseUrl() {
        return server.baseUrl() + "/shop/api/v2";
    }

    /**
     * Starts an order of one line.
     *
     * @param code the order number people see
     * @param status the status, e.g. {@code ACCEPTED_BY_MERCHANT}; the state follows from it
     * @param createdAt the creation date
     * @return the order
     */
    public static Order order(String code, String status, Instant createdAt) {
        return new Order(code, stateOf(status), status, createdAt, "Айгерим", "Нурланова", "7012345678",
                List.of(new Entry("112233445", "Смартфон Samsung Galaxy A55 5G 8/256 ГБ", 1, 89_990, "SM-A556-BLUE")));
    }

    /**
     * Adds or replaces an order.
     *
     * @param order the order
     * @return this fake
     */
    public synchronized FakeKaspiApi put(Order order) {
        orders.put(order.code(), order);
        return this;
    }

    /**
     * Moves an order to another state and status, as Kaspi does when the seller or the buyer acts.
     *
     * @param code the order number
     * @param state the new state, e.g. {@code ARCHIVE}
     * @param status the new status, e.g. {@code COMPLETED}
     * @throws IllegalArgumentException when there is no such order
     */
    public synchronized void move(String code, String state, String status) {
        Order order = orders.get(code);
        if (order == null) {
            throw new IllegalArgumentException("no order " + code);
        }
        orders.put(code, order.moved(state, status));
    }

    /**
     * Returns an order as the fake holds it now.
     *
     * @param code the order number
     * @return the order, or empty
     */
    public synchronized Optional<Order> find(String code) {
        return Optional.ofNullable(orders.get(code));
    }

    /**
     * Makes one listing request fail: the {@code n}-th {@code GET /orders} from now (1 = the next) answers
     * the status instead, with a {@code Retry-After} when given.
     *
     * @param n which request from now, at least 1
     * @param status the HTTP status, e.g. 429
     * @param retryAfterSeconds the {@code Retry-After} value, or {@code null} for none
     */
    public synchronized void failListing(int n, int status, @Nullable Integer retryAfterSeconds) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, got " + n);
        }
        listingFailures.put(listingRequests.get() + n, new Failure(status, retryAfterSeconds));
    }

    /**
     * Runs an action right before the {@code n}-th {@code GET /orders} from now (1 = the next) is answered,
     * e.g. to add an order between two pages of one listing, as happens on a live shop.
     *
     * @param n which request from now, at least 1
     * @param action what to do; it may call this fake's methods
     */
    public synchronized void beforeListing(int n, Runnable action) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, got " + n);
        }
        listingActions.put(listingRequests.get() + n, Objects.requireNonNull(action, "action"));
    }

    /**
     * Returns the decoded query parameters of every {@code GET /orders} so far, in order.
     *
     * @return the queries
     */
    public synchronized List<Map<String, String>> listingQueries() {
        return List.copyOf(listingQueries);
    }

    /**
     * Returns how many {@code GET /orders} requests were answered (failed ones included).
     *
     * @return the count
     */
    public int listingRequests() {
        return listingRequests.get();
    }

    /**
     * Returns how many {@code GET /orders/{id}/entries} requests were answered.
     *
     * @return the count
     */
    public int entriesRequests() {
        return entriesRequests.get();
    }

    /**
     * Returns how many {@code GET /masterproducts/{id}/merchantProduct} requests were answered.
     *
     * @return the count
     */
    public int productRequests() {
        return productRequests.get();
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop();
    }

    private static String stateOf(String status) {
        switch (status) {
            case "APPROVED_BY_BANK":
                return "NEW";
            case "COMPLETED":
            case "CANCELLED":
            case "RETURNED":
                return "ARCHIVE";
            default:
                return "DELIVERY";
        }
    }

    private synchronized ResponseDefinition answer(Request request) {
        String path = request.getUrl().split("\\?", 2)[0];
        String prefix = "/shop/api/v2";
        if (!path.startsWith(prefix)) {
            return error(404, "Not found");
        }
        path = path.substring(prefix.length());
        boolean authorized = token.equals(request.getHeader("X-Auth-Token"));
        if (path.equals("/orders")) {
            int number = listingRequests.incrementAndGet();
            if (!authorized) {
                return error(401, "Unauthorized");
            }
            listingQueries.add(Map.copyOf(query(request.getUrl())));
            Runnable action = listingActions.remove(number);
            if (action != null) {
                action.run();
            }
            Failure failure = listingFailures.remove(number);
            if (failure != null) {
                ResponseDefinitionBuilder failed = ResponseDefinitionBuilder.responseDefinition()
                        .withStatus(failure.status()).withHeader("Content-Type", MEDIA_TYPE)
                        .withBody("{\"errors\":[{\"title\":\"Too many requests\"}]}");
                if (failure.retryAfterSeconds() != null) {
                    failed.withHeader("Retry-After", failure.retryAfterSeconds().toString());
                }
                return failed.build();
            }
            return orders(query(request.getUrl()));
        }
        if (!authorized) {
            return error(401, "Unauthorized");
        }
        String[] parts = path.split("/");
        if (parts.length == 4 && parts[1].equals("orders") && parts[3].equals("entries")) {
            entriesRequests.incrementAndGet();
            return entries(decode(parts[2]));
        }
        if (parts.length == 4 && parts[1].equals("masterproducts") && parts[3].equals("merchantProduct")) {
            productRequests.incrementAndGet();
            return merchantProduct(decode(parts[2]));
        }
        return error(404, "Not found");
    }

    private ResponseDefinition orders(Map<String, String> query) {
        String state = query.get("filter[orders][state]");
        String ge = query.get("filter[orders][creationDate][$ge]");
        if (state == null || ge == null) {
            return error(400, "filter[orders][state] and filter[orders][creationDate][$ge] are required");
        }
        long from = Long.parseLong(ge);
        long to = Long.parseLong(query.getOrDefault("filter[orders][creationDate][$le]",
                Long.toString(System.currentTimeMillis())));
        if (to - from > MAX_WINDOW.toMillis()) {
            return error(400, "Maximum search period is 14 days");
        }
        String status = query.get("filter[orders][status]");
        int page = Integer.parseInt(query.getOrDefault("page[number]", "0"));
        int size = Integer.parseInt(query.getOrDefault("page[size]", "20"));
        List<Order> matching = orders.values().stream()
                .filter(o -> o.state().equals(state) && (status == null || o.status().equals(status)))
                .filter(o -> o.createdAt().toEpochMilli() >= from && o.createdAt().toEpochMilli() <= to)
                .sorted(Comparator.comparing(Order::createdAt).thenComparing(Order::code))
                .toList();
        int pageCount = (matching.size() + size - 1) / size;
        ObjectNode body = JSON.createObjectNode();
        ArrayNode data = body.putArray("data");
        matching.stream().skip((long) page * size).limit(size).forEach(o -> data.add(orderJson(o)));
        body.putArray("included");
        body.putObject("meta").put("pageCount", pageCount).put("totalCount", matching.size());
        return ok(body);
    }

    private ObjectNode orderJson(Order order) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "orders").put("id", order.id());
        ObjectNode attributes = node.putObject("attributes");
        long total = order.entries().stream().mapToLong(e -> e.unitPrice() * e.quantity()).sum();
        attributes.put("code", order.code()).put("totalPrice", total).put("paymentMode", "PREPAID")
                .put("creationDate", order.createdAt().toEpochMilli()).put("deliveryCostForSeller", 0)
                .put("isKaspiDelivery", false).put("deliveryMode", "DELIVERY_PICKUP").put("signatureRequired", false)
                .put("preOrder", false).put("pickupPointId", "30126483_PP1").put("state", order.state())
                .put("status", order.status()).put("deliveryCost", 0.0);
        attributes.putObject("customer").put("id", "C-" + order.phone()).putNull("name")
                .put("cellPhone", order.state().equals("ARCHIVE") ? MASKED_PHONE : order.phone())
                .put("firstName", order.firstName()).put("lastName", order.lastName());
        ObjectNode relationships = node.putObject("relationships");
        relationships.putObject("entries").putObject("links")
                .put("self", "https://kaspi.kz/shop/api/v2/orders/" + order.id() + "/relationships/entries");
        node.putObject("links").put("self", "https://kaspi.kz/shop/api/v2/orders/" + order.id());
        return node;
    }

    private ResponseDefinition entries(String orderId) {
        Order order = orders.values().stream().filter(o -> o.id().equals(orderId)).findFirst().orElse(null);
        if (order == null) {
            return error(404, "Order not found");
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode data = body.putArray("data");
        for (int i = 0; i < order.entries().size(); i++) {
            Entry entry = order.entries().get(i);
            String id = Base64.getEncoder().encodeToString((order.code() + ":" + i).getBytes(StandardCharsets.UTF_8));
            ObjectNode node = data.addObject().put("type", "orderentries").put("id", id);
            ObjectNode attributes = node.putObject("attributes");
            attributes.put("quantity", entry.quantity()).put("totalPrice", (double) entry.unitPrice() * entry.quantity())
                    .put("entryNumber", i).put("deliveryCost", 0.0).put("basePrice", (double) entry.unitPrice())
                    .put("unitType", "PIECES").put("isImeiRequired", false);
            attributes.putObject("offer").put("code", entry.offerCode()).put("name", entry.name());
            attributes.putObject("category").put("code", "Master - Goods").put("title", "Товары");
            ObjectNode product = node.putObject("relationships").putObject("product");
            product.putObject("data").put("type", "masterproducts").put("id", "MP-" + entry.offerCode());
            node.putObject("links").put("self", "https://kaspi.kz/shop/api/v2/orderentries/" + id);
        }
        return ok(body);
    }

    private ResponseDefinition merchantProduct(String masterProductId) {
        for (Order order : orders.values()) {
            for (Entry entry : order.entries()) {
                if (("MP-" + entry.offerCode()).equals(masterProductId)) {
                    ObjectNode body = JSON.createObjectNode();
                    body.putObject("data").put("type", "merchantproducts").put("id", "MRP-" + entry.sellerSku())
                            .putObject("attributes").put("code", entry.sellerSku()).put("name", entry.name());
                    return ok(body);
                }
            }
        }
        return error(404, "Product not found");
    }

    private static ResponseDefinition ok(ObjectNode body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader("Content-Type", MEDIA_TYPE).withBody(body.toString()).build();
    }

    private static ResponseDefinition error(int status, String title) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("errors").addObject().put("title", title);
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", MEDIA_TYPE).withBody(body.toString()).build();
    }

    private static Map<String, String> query(String url) {
        Map<String, String> query = new HashMap<>();
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
            return "fake-kaspi";
        }
    }

    private record Failure(int status, @Nullable Integer retryAfterSeconds) {}

    /**
     * One line of a fake order.
     *
     * @param offerCode Kaspi's offer code
     * @param name the product's title
     * @param quantity how many
     * @param unitPrice the unit price in whole tenge
     * @param sellerSku the seller's own SKU behind the offer (what {@code merchantProduct} answers)
     */
    public record Entry(String offerCode, String name, int quantity, long unitPrice, String sellerSku) {}

    /**
     * A fake order.
     *
     * @param code the order number
     * @param state Kaspi's state
     * @param status Kaspi's status
     * @param createdAt the creation date
     * @param firstName the buyer's first name
     * @param lastName the buyer's last name
     * @param phone the buyer's 10-digit phone as Kaspi writes it
     * @param entries the lines
     */
    public record Order(String code, String state, String status, Instant createdAt, String firstName,
            String lastName, String phone, List<Entry> entries) {

        /** Copies the lines. */
        public Order {
            entries = List.copyOf(entries);
        }

        /**
         * Returns Kaspi's opaque id of the order.
         *
         * @return the id
         */
        public String id() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(("order:" + code).getBytes(StandardCharsets.UTF_8));
        }

        /**
         * Returns the order with other lines.
         *
         * @param lines the lines
         * @return the order
         */
        public Order withEntries(List<Entry> lines) {
            return new Order(code, state, status, createdAt, firstName, lastName, phone, lines);
        }

        /**
         * Returns the order with another buyer phone.
         *
         * @param tenDigits the phone as Kaspi writes it, e.g. {@code 7012345678}
         * @return the order
         */
        public Order withPhone(String tenDigits) {
            return new Order(code, state, status, createdAt, firstName, lastName, tenDigits, entries);
        }

        Order moved(String toState, String toStatus) {
            return new Order(code, toState, toStatus, createdAt, firstName, lastName, phone, entries);
        }
    }
}

package dev.aihq.connectors.kaspi;

import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.api.connector.Capability;
import dev.aihq.api.error.CapabilityNotSupportedException;
import dev.aihq.api.error.MarketplaceException;
import dev.aihq.api.error.ResourceNotFoundException;
import dev.aihq.connectors.kaspi.internal.dto.CustomerAttributes;
import dev.aihq.connectors.kaspi.internal.dto.JsonApiDocument;
import dev.aihq.connectors.kaspi.internal.dto.JsonApiDocument.JsonApiResource;
import dev.aihq.connectors.kaspi.internal.client.RequestPacer;
import dev.aihq.connectors.kaspi.internal.mapper.KaspiMapper;
import dev.aihq.http.HqHttpClient;
import dev.aihq.http.HttpCall;
import dev.aihq.http.HttpLogSink;
import dev.aihq.http.HttpResult;
import dev.aihq.http.JsonFormatException;
import dev.aihq.http.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Kaspi Merchant API's orders side on {@link HqHttpClient}: orders for a creation-date window, an
 * order's entries, and the seller's SKU behind an entry. Every request carries the shop's
 * {@code X-Auth-Token} and {@code Content-Type}/{@code Accept: application/vnd.api+json}.
 *
 * <pre>{@code
 * KaspiClient kaspi = KaspiClient.builder(KaspiConfig.defaults(), KaspiCredentialsProvider.of(shop, token)).build();
 * List<KaspiOrder> fresh = kaspi.listOrders(shop,
 *         KaspiOrderQuery.of(KaspiOrderState.NEW, now.minus(Duration.ofDays(30)), now));
 * }</pre>
 *
 * <p><b>Listing.</b> Kaspi answers at most {@link KaspiConfig#MAX_WINDOW} (14 days) of creation dates per
 * request, so a longer window is split into consecutive windows of at most 14 days (both ends inclusive,
 * epoch milliseconds), each read page by page ({@code page[number]} from 0, {@code page[size]} from the
 * config) until {@code meta.pageCount} is reached, or, without it, until a short page. Orders are
 * de-duplicated by id, keeping Kaspi's order.
 *
 * <p><b>Failures</b> are the SDK's exception tree (see {@link dev.aihq.http.HttpStatusMapper}): 401/403
 * are an {@link dev.aihq.api.error.AuthenticationException} after one request; 429, 5xx and timeouts are
 * retried under the config's {@link dev.aihq.http.RetryPolicy} honouring {@code Retry-After}; a body the
 * connector cannot read is a {@link KaspiResponseException} naming the field. A shop without a token is a
 * {@link CapabilityNotSupportedException} for {@link Capability#ORDERS}, before any request. The token
 * never appears in a log line or an exception message.
 *
 * <p><b>Pacing.</b> Kaspi documents no rate limit; the starts of one shop's requests are kept
 * {@link KaspiConfig#requestInterval()} apart (default 500 ms, 2 a second), waiting with the builder's
 * sleeper. Shops never wait for each other.
 *
 * <p>Thread-safe; build one per application and share it between shops.
 */
public final class KaspiClient {

    /** The service name in exception messages and logs. */
    public static final String SERVICE = "kaspi";

    /** Kaspi's JSON:API media type, sent as {@code Content-Type} and {@code Accept}. */
    public static final String MEDIA_TYPE = "application/vnd.api+json";

    /** The header carrying the shop's token. */
    public static final String TOKEN_HEADER = "X-Auth-Token";

    /** The most pages read per window, a guard against a server that never says "last page". */
    public static final int MAX_PAGES_PER_WINDOW = 1000;

    private final HqHttpClient http;
    private final KaspiCredentialsProvider credentials;
    private final KaspiMapper mapper;
    private final int pageSize;
    private final RequestPacer pacer;

    private KaspiClient(Builder builder) {
        HqHttpClient.Builder http = HqHttpClient.builder()
                .serviceName(SERVICE)
                .baseUri(builder.config.baseUrl())
                .connectTimeout(builder.config.connectTimeout())
                .requestTimeout(builder.config.requestTimeout())
                .retryPolicy(builder.config.retryPolicy())
                .sleeper(builder.sleeper)
                .clock(builder.clock)
                .logSink(builder.logSink);
        builder.config.proxy().ifPresent(http::proxy);
        this.http = http.build();
        this.credentials = builder.credentials;
        this.mapper = new KaspiMapper(this.http.codec());
        this.pageSize = builder.config.pageSize();
        this.pacer = new RequestPacer(builder.config.requestInterval(), builder.clock, builder.sleeper, SERVICE);
    }

    /**
     * Creates a client with the system clock, real sleeps between retries and SLF4J logging.
     *
     * @param config the settings
     * @param credentials each shop's token
     * @return the client
     */
    public static KaspiClient create(KaspiConfig config, KaspiCredentialsProvider credentials) {
        return builder(config, credentials).build();
    }

    /**
     * Starts a builder for the parts that are not settings: clock, sleeper, log sink.
     *
     * @param config the settings
     * @param credentials each shop's token
     * @return a builder
     */
    public static Builder builder(KaspiConfig config, KaspiCredentialsProvider credentials) {
        return new Builder(config, credentials);
    }

    /**
     * Tells whether a shop has a token, i.e. whether requests for it can be made at all.
     *
     * @param shopId the shop
     * @return {@code true} when the provider has credentials for it
     */
    public boolean hasCredentials(ShopId shopId) {
        return credentials.credentials(shopId).isPresent();
    }

    /**
     * Lists a shop's orders in a state created within a window of any length, every page of every
     * 14-day window, de-duplicated by id.
     *
     * @param shopId the shop
     * @param query the state, window and optional status
     * @return the orders, in Kaspi's order
     * @throws CapabilityNotSupportedException if the shop has no token
     * @throws MarketplaceException if Kaspi refuses, fails or answers what cannot be read
     */
    public List<KaspiOrder> listOrders(ShopId shopId, KaspiOrderQuery query) {
        KaspiCredentials token = token(shopId);
        Map<String, KaspiOrder> orders = new LinkedHashMap<>();
        for (Instant[] window : windows(query.createdFrom(), query.createdTo())) {
            for (int page = 0; ; page++) {
                if (page >= MAX_PAGES_PER_WINDOW) {
                    throw new KaspiResponseException(200, "meta.pageCount", "GET /orders: more than "
                            + MAX_PAGES_PER_WINDOW + " pages in one window; narrow the window", null);
                }
                Map<String, String> params = new LinkedHashMap<>();
                params.put("page[number]", Integer.toString(page));
                params.put("page[size]", Integer.toString(pageSize));
                params.put("filter[orders][state]", query.state().code());
                params.put("filter[orders][creationDate][$ge]", Long.toString(window[0].toEpochMilli()));
                params.put("filter[orders][creationDate][$le]", Long.toString(window[1].toEpochMilli()));
                query.statusFilter().ifPresent(s -> params.put("filter[orders][status]", s.code()));
                String request = "GET /orders";
                JsonApiDocument doc = get(shopId, token, "/orders", params, request, JsonApiDocument.class);
                List<JsonApiResource> data = KaspiMapper.require(request, "data", doc.data());
                Map<String, CustomerAttributes> customers = includedCustomers(request, doc);
                for (int i = 0; i < data.size(); i++) {
                    KaspiOrder order = mapper.order(request, data.get(i), "data[" + i + "]", customers);
                    orders.putIfAbsent(order.id(), order);
                }
                Integer pageCount = doc.meta() == null ? null : doc.meta().pageCount();
                boolean last = data.isEmpty()
                        || (pageCount != null ? page + 1 >= pageCount : data.size() < pageSize);
                if (last) {
                    break;
                }
            }
        }
        return List.copyOf(orders.values());
    }

    /**
     * Reads an order's entries ({@code GET /orders/{id}/entries}).
     *
     * @param shopId the shop
     * @param orderId the order's id ({@link KaspiOrder#id()}, not its code)
     * @return the entries, in Kaspi's order
     * @throws CapabilityNotSupportedException if the shop has no token
     * @throws MarketplaceException if Kaspi refuses, fails or answers what cannot be read
     */
    public List<KaspiOrderEntry> orderEntries(ShopId shopId, String orderId) {
        KaspiCredentials token = token(shopId);
        String request = "GET /orders/{id}/entries";
        JsonApiDocument doc = get(shopId, token, "/orders/" + HttpCall.encode(orderId) + "/entries", Map.of(), request,
                JsonApiDocument.class);
        List<JsonApiResource> data = KaspiMapper.require(request, "data", doc.data());
        List<KaspiOrderEntry> entries = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            entries.add(mapper.entry(request, data.get(i), "data[" + i + "]"));
        }
        return List.copyOf(entries);
    }

    /**
     * Finds the seller's own SKU for an entry. Kaspi's {@code offer.code} is its offer code and not
     * necessarily the seller's SKU, so this follows the entry's master product
     * ({@code GET /orderentries/{id}/product} when the entry does not name it) to the seller's product
     * ({@code GET /masterproducts/{id}/merchantProduct}) and returns its {@code code}.
     *
     * @param shopId the shop
     * @param entry the entry
     * @return the seller's SKU, or empty when Kaspi links no seller product to it
     * @throws CapabilityNotSupportedException if the shop has no token
     * @throws MarketplaceException if Kaspi refuses, fails or answers what cannot be read
     */
    public Optional<Sku> sellerSku(ShopId shopId, KaspiOrderEntry entry) {
        KaspiCredentials token = token(shopId);
        try {
            String productId = entry.productId();
            if (productId == null) {
                String request = "GET /orderentries/{id}/product";
                JsonApiDocument.Single product = get(shopId, token, "/orderentries/" + HttpCall.encode(entry.id())
                        + "/product", Map.of(), request, JsonApiDocument.Single.class);
                if (product.data() == null || product.data().id() == null) {
                    return Optional.empty();
                }
                productId = product.data().id();
            }
            String request = "GET /masterproducts/{id}/merchantProduct";
            JsonApiDocument.Single merchant = get(shopId, token, "/masterproducts/" + HttpCall.encode(productId)
                    + "/merchantProduct", Map.of(), request, JsonApiDocument.Single.class);
            JsonApiResource data = merchant.data();
            if (data == null || data.attributes() == null) {
                return Optional.empty();
            }
            String code = data.attributes().path("code").isValueNode() ? data.attributes().path("code").asText()
                    : null;
            if (code == null || code.isBlank()) {
                return Optional.empty();
            }
            try {
                return Optional.of(Sku.of(code.strip()));
            } catch (IllegalArgumentException e) {
                throw new KaspiResponseException(200, "data.attributes.code", request
                        + ": malformed response, data.attributes.code is not a valid SKU", e);
            }
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Describes the client without credentials. */
    @Override
    public String toString() {
        return "KaspiClient[" + http + ", pageSize=" + pageSize + "]";
    }

    /**
     * Splits an inclusive window into consecutive inclusive windows of at most
     * {@link KaspiConfig#MAX_WINDOW}, in milliseconds: the next starts one millisecond after the last ends.
     *
     * @param from the start
     * @param to the end, not before {@code from}
     * @return the windows as {@code [from, to]} pairs, at least one
     */
    static List<Instant[]> windows(Instant from, Instant to) {
        Instant start = Instant.ofEpochMilli(from.toEpochMilli());
        Instant end = Instant.ofEpochMilli(to.toEpochMilli());
        Duration span = KaspiConfig.MAX_WINDOW.minusMillis(1);
        List<Instant[]> windows = new ArrayList<>();
        while (true) {
            Instant windowEnd = start.plus(span);
            if (!windowEnd.isBefore(end)) {
                windows.add(new Instant[] {start, end});
                return windows;
            }
            windows.add(new Instant[] {start, windowEnd});
            start = windowEnd.plusMillis(1);
        }
    }

    private KaspiCredentials token(ShopId shopId) {
        return credentials.credentials(shopId).orElseThrow(() -> new CapabilityNotSupportedException(shopId,
                Capability.ORDERS, "no Kaspi API token is configured for this shop"));
    }

    private Map<String, CustomerAttributes> includedCustomers(String request, JsonApiDocument doc) {
        List<JsonApiResource> included = doc.included();
        if (included == null || included.isEmpty()) {
            return Map.of();
        }
        Map<String, CustomerAttributes> customers = new HashMap<>();
        for (int i = 0; i < included.size(); i++) {
            JsonApiResource resource = included.get(i);
            if ("customers".equals(resource.type()) && resource.id() != null && resource.attributes() != null) {
                customers.put(resource.id(),
                        mapper.attributes(request, resource, "included[" + i + "]", CustomerAttributes.class));
            }
        }
        return customers;
    }

    private <T> T get(ShopId shopId, KaspiCredentials token, String path, Map<String, String> query,
            String request, Class<T> type) {
        pacer.awaitSlot(shopId.value());
        HttpCall call = HttpCall.get(path)
                .query(query)
                .header(TOKEN_HEADER, token.token())
                .header("Accept", MEDIA_TYPE)
                .header("Content-Type", MEDIA_TYPE)
                .build();
        HttpResult result = http.execute(call);
        try {
            return result.json(http.codec(), type);
        } catch (JsonFormatException e) {
            String field = e.path().replaceFirst("^\\$\\.?", "");
            throw new KaspiResponseException(result.status(), field.isEmpty() ? "$" : field, request
                    + ": malformed response" + (field.isEmpty() ? "" : " at " + field) + ": " + e.getMessage(), e);
        }
    }

    /** Builds a {@link KaspiClient}. Not thread-safe. */
    public static final class Builder {
        private final KaspiConfig config;
        private final KaspiCredentialsProvider credentials;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private HttpLogSink logSink = HttpLogSink.slf4j();

        private Builder(KaspiConfig config, KaspiCredentialsProvider credentials) {
            this.config = Objects.requireNonNull(config, "config");
            this.credentials = Objects.requireNonNull(credentials, "credentials");
        }

        /**
         * Sets the clock of HTTP-date {@code Retry-After} values and request pacing. Default system UTC.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets how waits between attempts and for a paced request's slot are made. Default
         * {@link Sleeper#system()}; tests record instead.
         *
         * @param sleeper the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Sets where the masked request and response lines go. Default {@link HttpLogSink#slf4j()}.
         *
         * @param logSink the sink
         * @return this builder
         */
        public Builder logSink(HttpLogSink logSink) {
            this.logSink = Objects.requireNonNull(logSink, "logSink");
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         */
        public KaspiClient build() {
            return new KaspiClient(this);
        }
    }

}

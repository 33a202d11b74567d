package dev.aihq.connectors.wb.internal.client;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.aihq.api.ShopId;
import dev.aihq.api.connector.Capability;
import dev.aihq.api.error.CapabilityNotSupportedException;
import dev.aihq.api.error.MarketplaceException;
import dev.aihq.connectors.wb.WbApi;
import dev.aihq.connectors.wb.WbConfig;
import dev.aihq.connectors.wb.WbCredentials;
import dev.aihq.connectors.wb.WbCredentialsProvider;
import dev.aihq.connectors.wb.WbMethodGroup;
import dev.aihq.connectors.wb.WbResponseException;
import dev.aihq.http.HqHttpClient;
import dev.aihq.http.HttpCall;
import dev.aihq.http.HttpLogSink;
import dev.aihq.http.HttpResult;
import dev.aihq.http.JsonCodec;
import dev.aihq.http.JsonFormatException;
import dev.aihq.http.Sleeper;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one path every Wildberries call of this module takes: feedbacks and questions now, chat, orders and finance
 * as they come. For each call it
 *
 * <ol>
 *   <li>resolves the shop's token (none: a {@link CapabilityNotSupportedException} for the group's capability,
 *       before any request) and sends it raw as {@code Authorization: <token>};</li>
 *   <li>takes a token of the shop's bucket for the {@link WbMethodGroup} ({@link WbRateLimiter}), waiting with the
 *       injected sleeper when the bucket is empty;</li>
 *   <li>sends through the {@link HqHttpClient} of the {@link WbApi}'s host: retries of retriable failures under the
 *       config's policy, a 429 waiting {@code X-Ratelimit-Retry}, then {@code Retry-After}, then
 *       {@code X-Ratelimit-Reset}, else exponential backoff; masked DEBUG logging;</li>
 *   <li>maps an error with {@link WbErrorMapper} (WB's text in the message) and reads the body, a body it cannot
 *       read being a {@link WbResponseException} naming the field.</li>
 * </ol>
 *
 * <pre>{@code
 * FeedbackList page = http.get(shop, WbMethodGroup.FEEDBACKS_QUESTIONS, WbApi.FEEDBACKS, "/api/v1/feedbacks",
 *         query, new TypeReference<WbEnvelope<FeedbackList>>() {}).requireData(http.service(), "GET /api/v1/feedbacks", 200);
 * HttpResult sent = http.execute(shop, WbMethodGroup.BUYER_CHAT, WbApi.BUYER_CHAT,
 *         HttpCall.post("/api/v1/seller/message").body(multipart, contentType));
 * }</pre>
 *
 * <p>Only the first attempt of a call waits for the bucket; its retries wait what WB asked. Thread-safe.
 */
public final class WbHttp {

    /** The headers a 429's wait is read from, in this order. */
    public static final List<String> RETRY_HEADERS = List.of("X-Ratelimit-Retry", "Retry-After", "X-Ratelimit-Reset");

    private final String service;
    private final WbConfig config;
    private final WbCredentialsProvider credentials;
    private final Clock clock;
    private final Sleeper sleeper;
    private final HttpLogSink logSink;
    private final HttpClient transport;
    private final WbRateLimiter limiter;
    private final WbErrorMapper errorMapper;
    private final Map<WbApi, HqHttpClient> clients = new ConcurrentHashMap<>();

    /**
     * Creates the HTTP path.
     *
     * @param service the service name of exceptions and logs
     * @param config the settings
     * @param credentials each shop's token
     * @param clock the clock of the rate limiter and of HTTP-date waits
     * @param sleeper how waits (bucket and retry) are made
     * @param logSink where masked request and response lines go
     */
    public WbHttp(String service, WbConfig config, WbCredentialsProvider credentials, Clock clock, Sleeper sleeper,
            HttpLogSink logSink) {
        this.service = Objects.requireNonNull(service, "service");
        this.config = Objects.requireNonNull(config, "config");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.logSink = Objects.requireNonNull(logSink, "logSink");
        HttpClient.Builder transport = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.connectTimeout());
        config.proxy().ifPresent(transport::proxy);
        this.transport = transport.build();
        this.limiter = new WbRateLimiter(config::rateLimit, clock, sleeper, service);
        this.errorMapper = new WbErrorMapper(service, JsonCodec.defaults());
    }

    /**
     * Returns the service name of exceptions and logs.
     *
     * @return {@code wildberries}
     */
    public String service() {
        return service;
    }

    /**
     * Returns the JSON codec bodies are read and written with.
     *
     * @return the codec
     */
    public JsonCodec codec() {
        return JsonCodec.defaults();
    }

    /**
     * Returns the rate limiter, e.g. for a caller that must count a WB penalty (an FBS 409 counts as 10 requests).
     *
     * @return the limiter
     */
    public WbRateLimiter limiter() {
        return limiter;
    }

    /**
     * Returns the error body reader.
     *
     * @return the mapper
     */
    public WbErrorMapper errorMapper() {
        return errorMapper;
    }

    /**
     * Tells whether a shop has a token.
     *
     * @param shopId the shop
     * @return {@code true} when the provider has credentials for it
     */
    public boolean hasCredentials(ShopId shopId) {
        return credentials.credentials(shopId).isPresent();
    }

    /**
     * Returns the capability a method group serves, named when a shop without a token asks for it.
     *
     * @param group the group
     * @return e.g. {@link Capability#ORDERS} for {@link WbMethodGroup#FBS}
     */
    public static Capability capabilityOf(WbMethodGroup group) {
        return switch (group) {
            case FEEDBACKS_QUESTIONS -> Capability.REVIEWS_READ;
            case BUYER_CHAT -> Capability.CHATS;
            case REPORT_DETAIL, BALANCE, DOCUMENTS -> Capability.FINANCE_DATA;
            default -> Capability.ORDERS;
        };
    }

    /**
     * Sends a call for a shop under a method group's rate limit to an API category's host.
     *
     * @param shopId the shop
     * @param group the method group whose bucket the call takes a token of
     * @param api the API category, whose base URL the call's path is relative to
     * @param call the call, without the {@code Authorization} header (added here)
     * @return the 2xx response
     * @throws CapabilityNotSupportedException if the shop has no token
     * @throws MarketplaceException the mapped failure, WB's text in its message
     */
    public HttpResult execute(ShopId shopId, WbMethodGroup group, WbApi api, HttpCall.Builder call) {
        WbCredentials token = credentials.credentials(shopId).orElseThrow(() -> new CapabilityNotSupportedException(
                shopId, capabilityOf(group), "no Wildberries API token is configured for this shop"));
        HttpCall built = call.header("Authorization", token.token()).build();
        limiter.acquire(shopId, group);
        return client(api).execute(built);
    }

    /**
     * Sends a {@code GET} and reads the JSON response.
     *
     * @param shopId the shop
     * @param group the method group
     * @param api the API category
     * @param path the path, e.g. {@code /api/v1/feedbacks}
     * @param query the query parameters in order, not yet encoded
     * @param type the type to read
     * @param <T> the type to read
     * @return the response value
     * @throws CapabilityNotSupportedException if the shop has no token
     * @throws MarketplaceException the mapped failure, or a {@link WbResponseException} for an unreadable body
     */
    public <T> T get(ShopId shopId, WbMethodGroup group, WbApi api, String path, Map<String, String> query,
            TypeReference<T> type) {
        HttpResult result = execute(shopId, group, api,
                HttpCall.get(path).query(query).header("Accept", "application/json"));
        return read(result, "GET " + path, type);
    }

    /**
     * Sends a call with a JSON body (not retried unless the builder says so).
     *
     * @param shopId the shop
     * @param group the method group
     * @param api the API category
     * @param method the HTTP method, e.g. {@code PATCH}
     * @param path the path
     * @param body the value to send as JSON
     * @return the 2xx response
     * @throws CapabilityNotSupportedException if the shop has no token
     * @throws MarketplaceException the mapped failure
     */
    public HttpResult sendJson(ShopId shopId, WbMethodGroup group, WbApi api, String method, String path,
            Object body) {
        return execute(shopId, group, api, HttpCall.builder(method, path).header("Accept", "application/json")
                .jsonBody(codec().writeBytes(body)));
    }

    /**
     * Reads a response body.
     *
     * @param result the response
     * @param request the request for messages, e.g. {@code GET /api/v1/feedbacks}
     * @param type the type to read
     * @param <T> the type to read
     * @return the value
     * @throws WbResponseException naming the field when the body cannot be read
     */
    public <T> T read(HttpResult result, String request, TypeReference<T> type) {
        try {
            return result.json(codec(), type);
        } catch (JsonFormatException e) {
            String field = e.path().replaceFirst("^\\$\\.?", "");
            throw new WbResponseException(result.status(), field.isEmpty() ? "$" : field, request
                    + ": malformed response" + (field.isEmpty() ? "" : " at " + field) + ": " + e.getMessage(), e);
        }
    }

    /** Describes the path without credentials. */
    @Override
    public String toString() {
        return "WbHttp[" + service + "]";
    }

    private HqHttpClient client(WbApi api) {
        return clients.computeIfAbsent(api, a -> HqHttpClient.builder()
                .serviceName(service)
                .baseUri(config.baseUrl(a))
                .httpClient(transport)
                .requestTimeout(config.requestTimeout())
                .retryPolicy(config.retryPolicy())
                .sleeper(sleeper)
                .clock(clock)
                .logSink(logSink)
                .extraRetryAfterHeaders(RETRY_HEADERS)
                .errorMapper(errorMapper)
                .build());
    }
}

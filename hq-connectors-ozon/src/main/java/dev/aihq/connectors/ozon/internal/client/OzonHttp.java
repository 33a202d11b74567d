package dev.aihq.connectors.ozon.internal.client;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.aihq.api.ShopId;
import dev.aihq.api.connector.Capability;
import dev.aihq.api.error.CapabilityNotSupportedException;
import dev.aihq.api.error.MarketplaceException;
import dev.aihq.connectors.ozon.OzonConfig;
import dev.aihq.connectors.ozon.OzonCredentials;
import dev.aihq.connectors.ozon.OzonCredentialsProvider;
import dev.aihq.connectors.ozon.OzonResponseException;
import dev.aihq.connectors.ozon.OzonSubscription;
import dev.aihq.http.HqHttpClient;
import dev.aihq.http.HttpCall;
import dev.aihq.http.HttpLogSink;
import dev.aihq.http.HttpResult;
import dev.aihq.http.JsonCodec;
import dev.aihq.http.JsonFormatException;
import dev.aihq.http.Sleeper;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.annotation.Nullable;

/**
 * The one path every Ozon Seller API call of this module takes: postings, finance, reviews, questions and chats. For
 * each call it
 *
 * <ol>
 *   <li>resolves the shop's credentials (none: a {@link CapabilityNotSupportedException} for the call's capability,
 *       before any request) and, for a capability that needs a subscription ({@link #requiredSubscription}), checks
 *       the provider says the shop has it (otherwise refused the same way, naming the subscription);</li>
 *   <li>adds {@code Client-Id}, {@code Api-Key} and {@code Content-Type: application/json};</li>
 *   <li>takes a token of the Client-Id's bucket ({@link OzonRateLimiter}, 50 a second by default), waiting with
 *       the injected sleeper when it is empty;</li>
 *   <li>sends through {@link HqHttpClient}: retries of 429, 5xx, {@code Circle is open} and timeouts under the
 *       config's policy ({@code Retry-After} honoured), masked DEBUG logging ({@code Client-Id} and
 *       {@code Api-Key} are masked headers);</li>
 *   <li>maps an error with {@link OzonErrorMapper} (Ozon's {@code rpcStatus} text in the message) and reads the
 *       body, a body it cannot read being an {@link OzonResponseException} naming the field.</li>
 * </ol>
 *
 * <pre>{@code
 * PostingListResponse page = http.query(shop, Capability.ORDERS, "/v3/posting/fbs/list", request,
 *         new TypeReference<PostingListResponse>() {});                  // a read: retried
 * ChatStartResponse started = http.command(shop, Capability.PROACTIVE_MESSAGE, "/v1/chat/start",
 *         Map.of("posting_number", number), new TypeReference<ChatStartResponse>() {}); // a write: not retried
 * }</pre>
 *
 * <p>Only the first attempt of a call waits for the bucket; its retries wait what the retry policy says.
 * Thread-safe.
 */
public final class OzonHttp {

    private final String service;
    private final OzonConfig config;
    private final OzonCredentialsProvider credentials;
    private final Clock clock;
    private final Sleeper sleeper;
    private final HttpLogSink logSink;
    private final HttpClient transport;
    private final OzonRateLimiter limiter;
    private final Map<Capability, HqHttpClient> clients = new ConcurrentHashMap<>();

    /**
     * Creates the HTTP path.
     *
     * @param service the service name of exceptions and logs
     * @param config the settings
     * @param credentials each shop's credentials and subscription
     * @param clock the clock of the rate limiter and of HTTP-date waits
     * @param sleeper how waits (bucket and retry) are made
     * @param logSink where masked request and response lines go
     */
    public OzonHttp(String service, OzonConfig config, OzonCredentialsProvider credentials, Clock clock,
            Sleeper sleeper, HttpLogSink logSink) {
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
        this.limiter = new OzonRateLimiter(config.requestsPerSecond(), clock, sleeper, service);
    }

    /**
     * Returns the service name of exceptions and logs.
     *
     * @return {@code ozon}
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
     * Returns the rate limiter.
     *
     * @return the limiter
     */
    public OzonRateLimiter limiter() {
        return limiter;
    }

    /**
     * Tells whether a shop has credentials.
     *
     * @param shopId the shop
     * @return {@code true} when the provider has credentials for it
     */
    public boolean hasCredentials(ShopId shopId) {
        return credentials.credentials(shopId).isPresent();
    }

    /**
     * Returns the subscription the provider says a shop has.
     *
     * @param shopId the shop
     * @return the subscription
     */
    public OzonSubscription subscription(ShopId shopId) {
        return Objects.requireNonNull(credentials.subscription(shopId), "the provider's subscription");
    }

    /**
     * Returns the subscription the methods of a capability need.
     *
     * @param capability the capability
     * @return {@link OzonSubscription#PREMIUM_PLUS} for reviews, questions and buyer chats (reference §3.5–§3.7),
     *     {@code null} when any shop may call them
     */
    public static @Nullable OzonSubscription requiredSubscription(Capability capability) {
        return switch (capability) {
            case REVIEWS_READ, REVIEW_REPLY, QUESTIONS, CHATS, CHAT_ORDER_LINK, PROACTIVE_MESSAGE ->
                    OzonSubscription.PREMIUM_PLUS;
            default -> null;
        };
    }

    /**
     * Checks a shop may call the methods of a capability at all: it has credentials, and the subscription the
     * capability needs.
     *
     * @param shopId the shop
     * @param capability the capability
     * @return the shop's credentials
     * @throws CapabilityNotSupportedException naming the reason, before any request
     */
    public OzonCredentials requireAccess(ShopId shopId, Capability capability) {
        OzonCredentials creds = credentials.credentials(shopId).orElseThrow(() -> new CapabilityNotSupportedException(
                shopId, capability, "no Ozon Client-Id and Api-Key are configured for this shop"));
        OzonSubscription needed = requiredSubscription(capability);
        if (needed != null && subscription(shopId) != needed) {
            throw new CapabilityNotSupportedException(shopId, capability, "Ozon gives it only with the "
                    + needed.displayName() + " subscription, and the shop's provider says it has "
                    + subscription(shopId).displayName());
        }
        return creds;
    }

    /**
     * Sends a call for a shop under its Client-Id's rate limit.
     *
     * @param shopId the shop
     * @param capability the capability the call serves (checked first, and named by a code 7 refusal)
     * @param call the call, without the credential headers (added here)
     * @return the 2xx response
     * @throws CapabilityNotSupportedException if the shop has no credentials or lacks the subscription
     * @throws MarketplaceException the mapped failure, Ozon's text in its message
     */
    public HttpResult execute(ShopId shopId, Capability capability, HttpCall.Builder call) {
        OzonCredentials creds = requireAccess(shopId, capability);
        HttpCall built = call.header("Client-Id", creds.clientId()).header("Api-Key", creds.apiKey())
                .header("Accept", "application/json").build();
        limiter.acquire(creds.clientId());
        return client(capability).execute(built);
    }

    /**
     * Sends a read ({@code POST} with a JSON body, retried on retriable failures, as Ozon's reads are all
     * {@code POST}) and reads the JSON response.
     *
     * @param shopId the shop
     * @param capability the capability the call serves
     * @param path the path, e.g. {@code /v3/posting/fbs/list}
     * @param body the request, written as JSON
     * @param type the type to read
     * @param <T> the type to read
     * @return the response value
     * @throws CapabilityNotSupportedException if the shop has no credentials or lacks the subscription
     * @throws MarketplaceException the mapped failure, or an {@link OzonResponseException} for an unreadable body
     */
    public <T> T query(ShopId shopId, Capability capability, String path, Object body, TypeReference<T> type) {
        HttpResult result = execute(shopId, capability,
                HttpCall.post(path).jsonBody(codec().writeBytes(body)).retryable(true));
        return parse(result, "POST " + path, type);
    }

    /**
     * Sends a write ({@code POST} with a JSON body, not retried: a reply or a chat start must not go twice) and
     * reads the JSON response.
     *
     * @param shopId the shop
     * @param capability the capability the call serves
     * @param path the path, e.g. {@code /v1/chat/send/message}
     * @param body the request, written as JSON
     * @param type the type to read
     * @param <T> the type to read
     * @return the response value
     * @throws CapabilityNotSupportedException if the shop has no credentials or lacks the subscription
     * @throws MarketplaceException the mapped failure, or an {@link OzonResponseException} for an unreadable body
     */
    public <T> T command(ShopId shopId, Capability capability, String path, Object body, TypeReference<T> type) {
        HttpResult result = execute(shopId, capability,
                HttpCall.post(path).jsonBody(codec().writeBytes(body)).retryable(false));
        return parse(result, "POST " + path, type);
    }

    /**
     * Reads a response body.
     *
     * @param result the response
     * @param request the request for messages, e.g. {@code POST /v3/posting/fbs/list}
     * @param type the type to read
     * @param <T> the type to read
     * @return the value
     * @throws OzonResponseException naming the field when the body cannot be read
     */
    public <T> T parse(HttpResult result, String request, TypeReference<T> type) {
        try {
            T value = result.json(codec(), type);
            if (value == null) {
                throw new OzonResponseException(result.status(), "$", request + ": malformed response: no body",
                        null);
            }
            return value;
        } catch (JsonFormatException e) {
            String field = e.path().replaceFirst("^\\$\\.?", "");
            throw new OzonResponseException(result.status(), field.isEmpty() ? "$" : field, request
                    + ": malformed response" + (field.isEmpty() ? "" : " at " + field) + ": " + e.getMessage(), e);
        }
    }

    /** Describes the path without credentials. */
    @Override
    public String toString() {
        return "OzonHttp[" + service + " " + config.baseUrl() + "]";
    }

    private HqHttpClient client(Capability capability) {
        return clients.computeIfAbsent(capability, c -> HqHttpClient.builder()
                .serviceName(service)
                .baseUri(config.baseUrl())
                .httpClient(transport)
                .requestTimeout(config.requestTimeout())
                .retryPolicy(config.retryPolicy())
                .sleeper(sleeper)
                .clock(clock)
                .logSink(logSink)
                .defaultHeader("Content-Type", "application/json")
                .errorMapper(new OzonErrorMapper(service, codec(), c))
                .build());
    }
}

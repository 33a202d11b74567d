package dev.aihq.channel.greenapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.channel.ChannelFailure;
import dev.aihq.api.channel.SendReceipt;
import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.error.MarketplaceException;
import dev.aihq.api.error.RetriableMarketplaceException;
import dev.aihq.http.HqHttpClient;
import dev.aihq.http.HttpCall;
import dev.aihq.http.HttpLogSink;
import dev.aihq.http.HttpResult;
import dev.aihq.http.JsonCodec;
import dev.aihq.http.JsonFormatException;
import dev.aihq.http.Masking;
import dev.aihq.http.RetryPolicy;
import dev.aihq.http.Sleeper;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Sends text messages through one Green-API instance
 * ({@code POST {apiUrl}/waInstance{idInstance}/sendMessage/{apiTokenInstance}}) on {@link HqHttpClient}.
 *
 * <pre>{@code
 * GreenApiClient green = GreenApiClient.create(config);
 * SendReceipt receipt = green.sendMessage(customer, "Спасибо за покупку! 🙏");
 * }</pre>
 *
 * <table>
 *   <caption>What a send throws (each implements {@link ChannelFailure})</caption>
 *   <tr><th>Outcome</th><th>Thrown</th><th>Retried here</th></tr>
 *   <tr><td>HTTP 429</td><td>{@link GreenApiRateLimitedException}, {@code Retry-After} honoured</td>
 *       <td>yes, under the policy: the message was not accepted</td></tr>
 *   <tr><td>HTTP 401, 403</td><td>{@link GreenApiAuthenticationException}</td><td>no</td></tr>
 *   <tr><td>HTTP 5xx, 408; timeout; broken connection</td><td>{@link GreenApiUnavailableException}</td>
 *       <td>a refused connection yes; the others only with
 *       {@link Builder#retryAmbiguousFailures(boolean)}, because the message may have been accepted and
 *       Green-API carries no key to spot a duplicate</td></tr>
 *   <tr><td>HTTP 400, 404 and other 4xx</td><td>{@link GreenApiRejectedException}</td><td>no</td></tr>
 *   <tr><td>2xx without a readable {@code idMessage}</td><td>{@link GreenApiResponseException} naming the
 *       field; the message may have been sent</td><td>no</td></tr>
 * </table>
 *
 * <p><b>The token.</b> Green-API takes {@code apiTokenInstance} in the URL path. The client hands hq-http
 * a path ending in {@code /****} and puts the token in only as the request leaves the JVM, so hq-http's log
 * lines and exception messages, and this client's, never contain it.
 *
 * <p>Immutable and thread-safe: build one per instance and share it.
 */
public final class GreenApiClient {

    /** The service name in exception messages and logs. */
    public static final String SERVICE = "green-api";

    private final GreenApiConfig config;
    private final HqHttpClient http;
    private final JsonCodec codec;
    private final Sleeper sleeper;
    private final Clock clock;
    private final boolean retryAmbiguousFailures;
    private final String path;

    private GreenApiClient(Builder builder) {
        this.config = builder.config;
        HttpClient.Builder jdk = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.connectTimeout());
        if (builder.proxy != null) {
            jdk.proxy(builder.proxy);
        }
        this.http = HqHttpClient.builder()
                .serviceName(SERVICE)
                .baseUri(config.apiUrl())
                .httpClient(new TokenInsertingHttpClient(jdk.build(), config.apiTokenInstance()))
                .errorMapper(this::mapError)
                .requestTimeout(config.requestTimeout())
                .retryPolicy(RetryPolicy.none())
                .clock(builder.clock)
                .logSink(hidingToken(builder.logSink, config.apiTokenInstance()))
                .build();
        this.codec = http.codec();
        this.sleeper = builder.sleeper;
        this.clock = builder.clock;
        this.retryAmbiguousFailures = builder.retryAmbiguousFailures;
        this.path = "/waInstance" + config.idInstance() + "/sendMessage/" + TokenInsertingHttpClient.PLACEHOLDER;
    }

    /**
     * Creates a client with the system clock, real sleeps and SLF4J logging.
     *
     * @param config the instance's settings
     * @return the client
     */
    public static GreenApiClient create(GreenApiConfig config) {
        return builder(config).build();
    }

    /**
     * Starts a builder for the parts that are not settings: clock, sleeper, log sink, proxy.
     *
     * @param config the instance's settings
     * @return a builder
     */
    public static Builder builder(GreenApiConfig config) {
        return new Builder(config);
    }

    /**
     * Returns the settings of this client.
     *
     * @return the config
     */
    public GreenApiConfig config() {
        return config;
    }

    /**
     * Sends a text message to a person ({@code chatId} {@code <digits>@c.us}), without a link preview.
     *
     * @param to the customer
     * @param message the text, as it should arrive
     * @return the receipt: Green-API's {@code idMessage}, the time, {@link dev.aihq.api.channel.MessageForm#FREE_TEXT}
     * @throws MarketplaceException a refusal or failure, see the type's table; each implements
     *     {@link ChannelFailure}
     */
    public SendReceipt sendMessage(PhoneNumber to, String message) {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(message, "message");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chatId", to.digits() + "@c.us");
        body.put("message", message);
        body.put("linkPreview", false);
        HttpCall call = HttpCall.post(path)
                .header("Accept", "application/json")
                .jsonBody(codec.writeBytes(body))
                .retryable(false)
                .build();
        RetryPolicy policy = config.retryPolicy();
        for (int attempt = 1; ; attempt++) {
            HttpResult result;
            try {
                result = http.execute(call);
            } catch (MarketplaceException failure) {
                MarketplaceException typed = typed(failure);
                if (!(typed instanceof RetriableMarketplaceException retriable)) {
                    throw typed;
                }
                waitBeforeRetry(policy, attempt, retriable);
                continue;
            }
            return receipt(result);
        }
    }

    /** Hides the token in hq-http's lines too, in case Green-API quotes it in a response body. */
    private static HttpLogSink hidingToken(HttpLogSink sink, String token) {
        return new HttpLogSink() {
            @Override
            public void line(String line) {
                sink.line(line.replace(token, Masking.MASK));
            }

            @Override
            public boolean isEnabled() {
                return sink.isEnabled();
            }
        };
    }

    /** Describes the client without its token. */
    @Override
    public String toString() {
        return "GreenApiClient[" + config + "]";
    }

    private String request() {
        return "POST /waInstance" + config.idInstance() + "/sendMessage/" + Masking.MASK;
    }

    /**
     * Maps an error response by its status; the body is quoted masked and never with the token. The status
     * mapping's exception is not kept as the cause: its message quotes the body without hiding the token.
     */
    private MarketplaceException mapError(String request, int status, Map<String, List<String>> headers,
            byte[] body, MarketplaceException byStatus) {
        String message = request() + ": " + describe(status) + " (" + safeExcerpt(body) + ")";
        Duration retryAfter = http.statusMapper().retryAfter(headers).orElse(null);
        if (status == 429) {
            return new GreenApiRateLimitedException(status, message, retryAfter, null);
        }
        if (status == 401 || status == 403) {
            return new GreenApiAuthenticationException(status, message
                    + "; check idInstance and apiTokenInstance and that the instance is authorised", null);
        }
        if (status == 408 || status >= 500 && status != 501 && status != 505) {
            return new GreenApiUnavailableException(status, message, retryAfter, null);
        }
        return new GreenApiRejectedException(status, message, null);
    }

    private static String describe(int status) {
        if (status == 429) {
            return "rate limited (more than 50 sendMessage requests a second)";
        }
        if (status == 401 || status == 403) {
            return "credentials refused";
        }
        if (status >= 500 || status == 408) {
            return "Green-API failed";
        }
        return "request rejected";
    }

    private String safeExcerpt(byte[] body) {
        return Masking.excerpt(body, 200).replace(config.apiTokenInstance(), Masking.MASK);
    }

    /** Failures without a response come from hq-http untyped: give them the channel's types. */
    private MarketplaceException typed(MarketplaceException failure) {
        if (failure instanceof ChannelFailure) {
            return failure;
        }
        String message = Objects.requireNonNullElse(failure.getMessage(), failure.getClass().getSimpleName())
                .replace(config.apiTokenInstance(), Masking.MASK);
        if (failure instanceof RetriableMarketplaceException retriable) {
            return new GreenApiUnavailableException(failure.status(), message, retriable.retryAfter().orElse(null),
                    failure);
        }
        return new GreenApiRejectedException(failure.status(), message, failure);
    }

    private void waitBeforeRetry(RetryPolicy policy, int attempt, RetriableMarketplaceException failure) {
        boolean certainlyNotAccepted = failure instanceof GreenApiRateLimitedException
                || causedByRefusedConnection(failure);
        if (!certainlyNotAccepted && !retryAmbiguousFailures) {
            throw failure;
        }
        if (Thread.currentThread().isInterrupted()) {
            throw failure;
        }
        Optional<Duration> delay = policy.delayBeforeRetry(attempt, failure);
        if (delay.isEmpty()) {
            throw failure;
        }
        try {
            sleeper.sleep(delay.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            GreenApiUnavailableException interrupted = new GreenApiUnavailableException(0,
                    request() + ": interrupted while waiting to retry", null, e);
            interrupted.addSuppressed(failure);
            throw interrupted;
        }
    }

    private static boolean causedByRefusedConnection(Throwable failure) {
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    private SendReceipt receipt(HttpResult result) {
        String context = request() + " answered HTTP " + result.status() + " but ";
        String after = "; the message may have been sent, so it is not retried";
        JsonNode root;
        try {
            root = codec.readTree(result.body());
        } catch (JsonFormatException e) {
            throw new GreenApiResponseException(result.status(), "$", context + "the body is not JSON" + after, null);
        }
        if (!root.isObject()) {
            throw new GreenApiResponseException(result.status(), "$",
                    context + "the body is not a JSON object" + after, null);
        }
        JsonNode id = root.path("idMessage");
        if (id.isMissingNode() || id.isNull()) {
            throw new GreenApiResponseException(result.status(), "idMessage",
                    context + "the response has no idMessage" + after, null);
        }
        if (!id.isTextual() || id.asText().isBlank()) {
            throw new GreenApiResponseException(result.status(), "idMessage",
                    context + "idMessage is not a non-blank string" + after, null);
        }
        return new SendReceipt(id.asText(), clock.instant());
    }

    /** Builds a {@link GreenApiClient}. Not thread-safe. */
    public static final class Builder {
        private final GreenApiConfig config;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private HttpLogSink logSink = HttpLogSink.slf4j();
        private @Nullable ProxySelector proxy;
        private boolean retryAmbiguousFailures;

        private Builder(GreenApiConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /**
         * Sets the clock of receipts and of HTTP-date {@code Retry-After} values. Default system UTC.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets how waits between attempts are made. Default {@link Sleeper#system()}.
         *
         * @param sleeper the sleeper; tests pass one that records the waits
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Sets where request and response lines go (masked by hq-http; the token never reaches them).
         * Default {@link HttpLogSink#slf4j()}.
         *
         * @param logSink the sink
         * @return this builder
         */
        public Builder logSink(HttpLogSink logSink) {
            this.logSink = Objects.requireNonNull(logSink, "logSink");
            return this;
        }

        /**
         * Sets a proxy for the calls.
         *
         * @param proxy the proxy selector
         * @return this builder
         */
        public Builder proxy(ProxySelector proxy) {
            this.proxy = Objects.requireNonNull(proxy, "proxy");
            return this;
        }

        /**
         * Sets whether failures after which the message may have been accepted (HTTP 5xx, a timeout) are
         * retried here. Default {@code false}: Green-API carries no key to spot a duplicate, so the caller
         * (an outbox) decides. Throttling and refused connections are always retried under the policy.
         *
         * @param retry {@code true} to retry them under the policy
         * @return this builder
         */
        public Builder retryAmbiguousFailures(boolean retry) {
            this.retryAmbiguousFailures = retry;
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws ConfigurationException if the HTTP layer refuses the settings
         */
        public GreenApiClient build() {
            return new GreenApiClient(this);
        }
    }
}

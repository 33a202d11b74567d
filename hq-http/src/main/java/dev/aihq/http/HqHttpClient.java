package dev.aihq.http;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.error.MarketplaceException;
import dev.aihq.api.error.RetriableMarketplaceException;
import dev.aihq.api.error.ServiceUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP client every connector, channel and store of AI HQ goes through: the JDK
 * {@link HttpClient} plus timeouts, retries honouring {@code Retry-After}, the status-to-exception
 * mapping of {@link HttpStatusMapper}, the SDK's JSON codec and request/response logging with secrets and
 * phone numbers masked.
 *
 * <pre>{@code
 * HqHttpClient kaspi = HqHttpClient.builder()
 *         .serviceName("kaspi")
 *         .baseUri("https://kaspi.kz/shop/api")
 *         .proxy(ProxySelector.of(new InetSocketAddress("proxy.example.kz", 3128)))
 *         .build();
 * OrdersPage page = kaspi.getJson("/v2/orders", Map.of("page[number]", "0"), OrdersPage.class);
 * }</pre>
 *
 * <p><b>Execution.</b> {@link #execute(HttpCall)} sends the call and returns the 2xx response. Any other
 * outcome is thrown as the {@link MarketplaceException} of {@link HttpStatusMapper}'s table. A retriable
 * failure ({@link RetriableMarketplaceException}) of a {@linkplain HttpCall#retryable() retryable} call is
 * retried under the {@link RetryPolicy}: the wait is the service's {@code Retry-After} when it sent one
 * (unless longer than the policy's cap, then the failure is thrown at once), otherwise exponential
 * backoff; waits go through the injected {@link Sleeper}. There are never more than
 * {@link RetryPolicy#maxAttempts()} requests per call. An interrupt while waiting restores the thread's
 * interrupt flag and throws a {@link ServiceUnavailableException} with status 0; an interrupted thread is
 * not retried.
 *
 * <p><b>Logging.</b> Every attempt writes a request line and a response (or failure) line to the
 * {@link HttpLogSink} (by default SLF4J DEBUG on {@code dev.aihq.http.HqHttpClient}): the URL with query
 * values masked, headers with credential values masked, and a masked body excerpt of at most 2 KB.
 *
 * <p>Instances are immutable and thread-safe; build one per remote service and share it.
 */
public final class HqHttpClient {

    /** The SDK version, as sent in the default {@code User-Agent}. */
    public static final String VERSION = loadVersion();

    /** The most characters of a body written to a log line. */
    public static final int LOG_BODY_LIMIT = 2048;

    private static final Logger LOG = LoggerFactory.getLogger(HqHttpClient.class);
    private static final Set<String> RESTRICTED_HEADERS =
            Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final String serviceName;
    private final URI baseUri;
    private final String base;
    private final HttpClient httpClient;
    private final Duration requestTimeout;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final Map<String, String> defaultHeaders;
    private final HttpStatusMapper statusMapper;
    private final HttpLogSink logSink;
    private final JsonCodec codec;
    private final AtomicBoolean sinkFailureReported = new AtomicBoolean();
    private final @Nullable ErrorResponseMapper errorMapper;

    private HqHttpClient(Builder builder, URI baseUri, HttpClient httpClient) {
        this.serviceName = Objects.requireNonNull(builder.serviceName);
        this.baseUri = baseUri;
        String text = baseUri.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.httpClient = httpClient;
        this.requestTimeout = builder.requestTimeout;
        this.retryPolicy = builder.retryPolicy;
        this.sleeper = builder.sleeper;
        Map<String, String> headers = new LinkedHashMap<>(builder.defaultHeaders);
        if (headers.keySet().stream().noneMatch("User-Agent"::equalsIgnoreCase)) {
            headers.put("User-Agent", builder.userAgent != null ? builder.userAgent : "aihq/" + VERSION);
        }
        this.defaultHeaders = Collections.unmodifiableMap(headers);
        this.statusMapper = new HttpStatusMapper(serviceName, builder.clock, builder.extraRetryAfterHeaders);
        this.logSink = builder.logSink;
        this.codec = builder.codec;
        this.errorMapper = builder.errorMapper;
    }

    /**
     * Starts a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the remote service's name, as used in exception messages.
     *
     * @return e.g. {@code kaspi}
     */
    public String serviceName() {
        return serviceName;
    }

    /**
     * Returns the base URI call paths are relative to.
     *
     * @return the base URI
     */
    public URI baseUri() {
        return baseUri;
    }

    /**
     * Returns the JSON codec of this client.
     *
     * @return the codec
     */
    public JsonCodec codec() {
        return codec;
    }

    /**
     * Returns the retry policy of this client.
     *
     * @return the policy
     */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /**
     * Returns the status mapper of this client, for connectors that map responses they read themselves.
     *
     * @return the mapper
     */
    public HttpStatusMapper statusMapper() {
        return statusMapper;
    }

    /**
     * Returns the full URI a call is sent to: base URI, path and encoded query.
     *
     * @param call the call
     * @return the URI
     * @throws ConfigurationException if the path is not a valid URI path
     */
    public URI uriOf(HttpCall call) {
        String path = call.path();
        StringBuilder uri = new StringBuilder(base);
        if (!path.isEmpty()) {
            if (!path.startsWith("/")) {
                uri.append('/');
            }
            uri.append(path);
        }
        String query = call.queryString();
        if (!query.isEmpty()) {
            uri.append('?').append(query);
        }
        try {
            return URI.create(uri.toString());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("invalid HttpCall path for " + serviceName
                    + ": percent-encode characters that are not allowed in a URI path", e);
        }
    }

    /**
     * Sends a call, retrying retriable failures under the retry policy when the call is retryable.
     *
     * @param call the call
     * @return the 2xx response
     * @throws MarketplaceException the mapped failure of the last attempt, see {@link HttpStatusMapper}
     * @throws ConfigurationException if the call cannot be turned into a request
     */
    public HttpResult execute(HttpCall call) {
        Objects.requireNonNull(call, "call");
        URI uri = uriOf(call);
        HttpRequest request = toRequest(call, uri);
        String label = call.method() + " " + call.path();
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(call, request, label, attempt);
            } catch (RetriableMarketplaceException failure) {
                waitBeforeRetry(call, uri, label, attempt, failure);
            }
        }
    }

    /**
     * Sends a {@code GET} and reads the JSON response.
     *
     * @param path the path relative to the base URI
     * @param query query parameters in the map's iteration order, not yet encoded
     * @param type the type to read
     * @param <T> the type to read
     * @return the response value
     * @throws MarketplaceException the mapped failure, see {@link HttpStatusMapper}
     * @throws JsonFormatException if the response is not the expected JSON
     */
    public <T> T getJson(String path, Map<String, String> query, Class<T> type) {
        HttpResult result = execute(jsonGet(path, query));
        try {
            return result.json(codec, type);
        } catch (JsonFormatException e) {
            throw e.withContext(serviceName + " GET " + Masking.maskText(path));
        }
    }

    /**
     * Sends a {@code GET} and reads the JSON response as a generic type.
     *
     * @param path the path relative to the base URI
     * @param query query parameters in the map's iteration order, not yet encoded
     * @param type the type to read, e.g. {@code new TypeReference<List<OrderDto>>() {}}
     * @param <T> the type to read
     * @return the response value
     * @throws MarketplaceException the mapped failure, see {@link HttpStatusMapper}
     * @throws JsonFormatException if the response is not the expected JSON
     */
    public <T> T getJson(String path, Map<String, String> query, TypeReference<T> type) {
        HttpResult result = execute(jsonGet(path, query));
        try {
            return result.json(codec, type);
        } catch (JsonFormatException e) {
            throw e.withContext(serviceName + " GET " + Masking.maskText(path));
        }
    }

    /**
     * Sends a {@code POST} with a JSON body and reads the JSON response. The call is not retried: use
     * {@link #execute(HttpCall)} with {@link HttpCall.Builder#retryable(boolean)} for an idempotent one.
     *
     * @param path the path relative to the base URI
     * @param body the value to send as JSON
     * @param type the type to read
     * @param <T> the type to read
     * @return the response value
     * @throws MarketplaceException the mapped failure, see {@link HttpStatusMapper}
     * @throws JsonFormatException if the body cannot be written or the response is not the expected JSON
     */
    public <T> T postJson(String path, Object body, Class<T> type) {
        HttpCall call = HttpCall.post(path)
                .header("Accept", "application/json")
                .jsonBody(codec.writeBytes(body))
                .build();
        HttpResult result = execute(call);
        try {
            return result.json(codec, type);
        } catch (JsonFormatException e) {
            throw e.withContext(serviceName + " POST " + Masking.maskText(path));
        }
    }

    /** Describes the client without its headers, which may hold credentials. */
    @Override
    public String toString() {
        return "HqHttpClient[" + serviceName + " " + Masking.maskUri(baseUri) + "]";
    }

    private static HttpCall jsonGet(String path, Map<String, String> query) {
        return HttpCall.get(path).query(query).header("Accept", "application/json").build();
    }

    private HttpRequest toRequest(HttpCall call, URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(call.timeoutOverride().orElse(requestTimeout));
        try {
            headersOf(call).forEach(request::setHeader);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("invalid header name or value in a call to " + serviceName
                    + " " + call.method() + " " + Masking.maskText(call.path()) + ": " + e.getMessage(), e);
        }
        request.method(call.method(), call.hasBody()
                ? HttpRequest.BodyPublishers.ofByteArray(call.body())
                : HttpRequest.BodyPublishers.noBody());
        return request.build();
    }

    private Map<String, String> headersOf(HttpCall call) {
        Map<String, String> headers = new LinkedHashMap<>(defaultHeaders);
        call.headers().forEach((name, value) -> {
            headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
            headers.put(name, value);
        });
        if (call.hasBody() && call.contentType() != null
                && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            headers.put("Content-Type", call.contentType());
        }
        return headers;
    }

    private HttpResult attempt(HttpCall call, HttpRequest request, String label, int attempt) {
        log(() -> requestLine(call, request, attempt));
        long started = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = httpClient.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            long millis = elapsedMillis(started);
            log(() -> "<- no response in " + millis + " ms for " + call.method() + " " + Masking.maskUri(request.uri())
                    + ": " + e.getClass().getSimpleName());
            throw statusMapper.fromFailure(label, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException(serviceName, 0, Masking.maskText(label)
                    + ": interrupted while waiting for the response", null, e);
        }
        long millis = elapsedMillis(started);
        int status = response.statusCode();
        byte[] body = response.body() == null ? new byte[0] : response.body();
        Map<String, List<String>> headers = response.headers().map();
        log(() -> "<- " + status + " in " + millis + " ms for " + call.method() + " "
                + Masking.maskUri(request.uri()) + " headers=" + formatHeaders(headers)
                + bodyPart(body, headers.entrySet().stream()
                        .filter(h -> "Content-Type".equalsIgnoreCase(h.getKey()) && !h.getValue().isEmpty())
                        .map(h -> h.getValue().get(0)).findFirst().orElse(null)));
        if (status >= 200 && status < 300) {
            return new HttpResult(status, headers, body);
        }
        MarketplaceException byStatus = statusMapper.fromResponse(label, status, headers, body);
        if (errorMapper != null) {
            MarketplaceException mapped = errorMapper.map(Masking.maskText(label), status, headers, body, byStatus);
            if (mapped != null) {
                throw mapped;
            }
        }
        throw byStatus;
    }

    private void waitBeforeRetry(HttpCall call, URI uri, String label, int attempt,
            RetriableMarketplaceException failure) {
        String target = call.method() + " " + Masking.maskUri(uri);
        if (!call.retryable()) {
            log(() -> "-- not retrying " + target + ": the call is not retryable");
            throw failure;
        }
        if (Thread.currentThread().isInterrupted()) {
            throw failure;
        }
        Optional<Duration> delay = retryPolicy.delayBeforeRetry(attempt, failure);
        if (delay.isEmpty()) {
            log(() -> "-- not retrying " + target + ": " + (attempt >= retryPolicy.maxAttempts()
                    ? "no attempts left of " + retryPolicy.maxAttempts()
                    : "asked to wait " + failure.retryAfter().map(Duration::toString).orElse("?")
                            + ", more than the cap of " + retryPolicy.maxRetryAfter()));
            throw failure;
        }
        Duration wait = delay.get();
        log(() -> "-- retrying " + target + " in " + wait.toMillis() + " ms after "
                + (failure.status() > 0 ? "HTTP " + failure.status() : failure.getClass().getSimpleName())
                + " (attempt " + (attempt + 1) + " of " + retryPolicy.maxAttempts() + ")");
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ServiceUnavailableException interrupted = new ServiceUnavailableException(serviceName, 0,
                    Masking.maskText(label) + ": interrupted while waiting to retry", null, e);
            interrupted.addSuppressed(failure);
            throw interrupted;
        }
    }

    private String requestLine(HttpCall call, HttpRequest request, int attempt) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headersOf(call).forEach((name, value) -> headers.put(name, List.of(value)));
        return "-> " + call.method() + " " + Masking.maskUri(request.uri()) + " (attempt " + attempt + ")"
                + " headers=" + formatHeaders(headers)
                + (call.hasBody() ? bodyPart(call.body(), call.contentType()) : "");
    }

    private static String formatHeaders(Map<String, List<String>> headers) {
        StringBuilder out = new StringBuilder("{");
        Masking.maskHeaders(headers).forEach((name, values) -> {
            if (name == null || name.startsWith(":")) {
                return;
            }
            if (out.length() > 1) {
                out.append(", ");
            }
            out.append(name).append('=').append(values.size() == 1 ? values.get(0) : values.toString());
        });
        return out.append('}').toString();
    }

    private static String bodyPart(byte[] body, @Nullable String contentType) {
        if (body.length == 0) {
            return "";
        }
        if (!isText(contentType)) {
            return " body=(" + body.length + " bytes of " + contentType + ")";
        }
        return " body=" + Masking.excerpt(body, LOG_BODY_LIMIT);
    }

    private static boolean isText(@Nullable String contentType) {
        if (contentType == null) {
            return true;
        }
        // The media type only: a parameter such as a random multipart boundary may spell "xml" or "json".
        String type = contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].strip();
        return type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.contains("x-www-form-urlencoded") || type.contains("javascript");
    }

    private void log(Supplier<String> line) {
        try {
            if (logSink.isEnabled()) {
                logSink.line(line.get());
            }
        } catch (RuntimeException e) {
            if (sinkFailureReported.compareAndSet(false, true)) {
                LOG.warn("The HTTP log sink of {} failed; its further failures are ignored", serviceName, e);
            }
        }
    }

    private static long elapsedMillis(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    private static String loadVersion() {
        try (InputStream in = HqHttpClient.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version", "");
                if (!version.isBlank() && !version.startsWith("$")) {
                    return version.strip();
                }
            }
        } catch (IOException e) {
            // fall through to the placeholder version
        }
        return "dev";
    }

    /**
     * Builds an {@link HqHttpClient}. {@code serviceName} and {@code baseUri} are required; everything
     * else has a default. {@link #build()} reports every missing or invalid setting at once. Not
     * thread-safe.
     */
    public static final class Builder {
        private @Nullable String serviceName;
        private @Nullable URI baseUri;
        private @Nullable String baseUriText;
        private @Nullable HttpClient httpClient;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private boolean connectTimeoutSet;
        private Duration requestTimeout = Duration.ofSeconds(30);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Sleeper sleeper = Sleeper.system();
        private Clock clock = Clock.systemUTC();
        private final Map<String, String> defaultHeaders = new LinkedHashMap<>();
        private final List<String> extraRetryAfterHeaders = new ArrayList<>();
        private @Nullable ProxySelector proxy;
        private HttpLogSink logSink = HttpLogSink.slf4j();
        private @Nullable String userAgent;
        private JsonCodec codec = JsonCodec.defaults();
        private @Nullable ErrorResponseMapper errorMapper;

        private Builder() {}

        /**
         * Sets the remote service's name, used in exception messages and logs. Required.
         *
         * @param serviceName e.g. {@code kaspi}, {@code wildberries}, {@code whatsapp}
         * @return this builder
         */
        public Builder serviceName(String serviceName) {
            this.serviceName = Objects.requireNonNull(serviceName, "serviceName");
            return this;
        }

        /**
         * Sets the base URI call paths are relative to. Required.
         *
         * @param baseUri an absolute {@code http} or {@code https} URI without query, e.g.
         *     {@code https://kaspi.kz/shop/api}
         * @return this builder
         */
        public Builder baseUri(URI baseUri) {
            this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
            this.baseUriText = null;
            return this;
        }

        /**
         * Sets the base URI call paths are relative to. Required.
         *
         * @param baseUri an absolute {@code http} or {@code https} URI without query
         * @return this builder
         */
        public Builder baseUri(String baseUri) {
            this.baseUriText = Objects.requireNonNull(baseUri, "baseUri");
            this.baseUri = null;
            return this;
        }

        /**
         * Sets the JDK client to send with, instead of the one this builder makes (HTTP/1.1, no redirects,
         * the connect timeout and the proxy of this builder). Its own proxy and timeouts then apply.
         *
         * @param httpClient the client
         * @return this builder
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /**
         * Sets the connect timeout of the client this builder makes. Default 10 s.
         *
         * @param connectTimeout a positive duration
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            this.connectTimeoutSet = true;
            return this;
        }

        /**
         * Sets how long to wait for a response, per attempt; a call may override it. Default 30 s.
         *
         * @param requestTimeout a positive duration
         * @return this builder
         */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
            return this;
        }

        /**
         * Sets the retry policy. Default {@link RetryPolicy#defaults()}.
         *
         * @param retryPolicy the policy; {@link RetryPolicy#none()} for no retries
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
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
         * Sets the clock HTTP-date {@code Retry-After} values are measured against. Default system UTC.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Adds a header sent with every call unless the call sets the same name.
         *
         * @param name the header name
         * @param value the value
         * @return this builder
         */
        public Builder defaultHeader(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            defaultHeaders.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
            defaultHeaders.put(name, value);
            return this;
        }

        /**
         * Adds headers sent with every call unless the call sets the same name.
         *
         * @param headers names and values
         * @return this builder
         */
        public Builder defaultHeaders(Map<String, String> headers) {
            headers.forEach(this::defaultHeader);
            return this;
        }

        /**
         * Sets headers read, in order, for the wait when a response has no {@code Retry-After}, e.g.
         * {@link HttpStatusMapper#WILDBERRIES_RETRY_HEADERS}. To read one of them before {@code Retry-After},
         * name {@code Retry-After} in the list at its place: {@code [X-Ratelimit-Retry, Retry-After]}.
         *
         * @param headerNames the header names
         * @return this builder
         */
        public Builder extraRetryAfterHeaders(List<String> headerNames) {
            extraRetryAfterHeaders.clear();
            extraRetryAfterHeaders.addAll(headerNames);
            return this;
        }

        /**
         * Sets the proxy of the client this builder makes, e.g. a Kazakhstan proxy for Kaspi, which
         * answers only Kazakh addresses.
         *
         * @param proxy the proxy selector, e.g. {@code ProxySelector.of(new InetSocketAddress(host, port))}
         * @return this builder
         */
        public Builder proxy(ProxySelector proxy) {
            this.proxy = Objects.requireNonNull(proxy, "proxy");
            return this;
        }

        /**
         * Sets where request and response lines go. Default {@link HttpLogSink#slf4j()}.
         *
         * @param logSink the sink; {@link HttpLogSink#none()} for no lines
         * @return this builder
         */
        public Builder logSink(HttpLogSink logSink) {
            this.logSink = Objects.requireNonNull(logSink, "logSink");
            return this;
        }

        /**
         * Sets the {@code User-Agent} header. Default {@code aihq/<version>}.
         *
         * @param userAgent the header value
         * @return this builder
         */
        public Builder userAgent(String userAgent) {
            this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
            return this;
        }

        /**
         * Sets the JSON codec of {@link #getJson(String, Map, Class)} and {@link #postJson(String, Object,
         * Class)}. Default {@link JsonCodec#defaults()}.
         *
         * @param codec the codec
         * @return this builder
         */
        public Builder jsonCodec(JsonCodec codec) {
            this.codec = Objects.requireNonNull(codec, "codec");
            return this;
        }

        /**
         * Sets a mapper that reads error responses before the status mapping does, for APIs that say in the
         * body what went wrong. Default none: the status decides.
         *
         * @param mapper the mapper
         * @return this builder
         */
        public Builder errorMapper(ErrorResponseMapper mapper) {
            this.errorMapper = Objects.requireNonNull(mapper, "mapper");
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws ConfigurationException listing every missing or invalid setting
         */
        public HqHttpClient build() {
            List<String> problems = new ArrayList<>();
            if (serviceName == null || serviceName.isBlank()) {
                problems.add("serviceName is required");
            }
            URI uri = checkBaseUri(problems);
            requirePositive(problems, "requestTimeout", requestTimeout);
            requirePositive(problems, "connectTimeout", connectTimeout);
            if (httpClient != null && proxy != null) {
                problems.add("proxy applies only to the HttpClient this builder makes: set it on the given"
                        + " httpClient instead");
            }
            if (httpClient != null && connectTimeoutSet) {
                problems.add("connectTimeout applies only to the HttpClient this builder makes: set it on the"
                        + " given httpClient instead");
            }
            for (String name : defaultHeaders.keySet()) {
                if (RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    problems.add("default header " + name + " is set by the HTTP client and may not be given");
                }
            }
            for (String name : extraRetryAfterHeaders) {
                if (name == null || name.isBlank()) {
                    problems.add("extraRetryAfterHeaders must not contain blank names");
                    break;
                }
            }
            if (!problems.isEmpty() || uri == null) {
                throw new ConfigurationException("HqHttpClient"
                        + (serviceName == null || serviceName.isBlank() ? "" : " for " + serviceName)
                        + " is not configured correctly: " + String.join("; ", problems));
            }
            return new HqHttpClient(this, uri, httpClient != null ? httpClient : defaultClient());
        }

        private @Nullable URI checkBaseUri(List<String> problems) {
            URI uri = baseUri;
            if (uri == null && baseUriText != null) {
                try {
                    uri = new URI(baseUriText);
                } catch (URISyntaxException e) {
                    problems.add("baseUri is not a valid URI: " + e.getReason());
                    return null;
                }
            }
            if (uri == null) {
                problems.add("baseUri is required");
                return null;
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                problems.add("baseUri must be an absolute http or https URI with a host");
                return null;
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                problems.add("baseUri must not have a query or fragment: give query parameters per call");
                return null;
            }
            return uri;
        }

        private static void requirePositive(List<String> problems, String name, Duration value) {
            if (value.isNegative() || value.isZero()) {
                problems.add(name + " must be positive, got " + value);
            }
        }

        private HttpClient defaultClient() {
            HttpClient.Builder client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(connectTimeout);
            if (proxy != null) {
                client.proxy(proxy);
            }
            return client.build();
        }
    }
}

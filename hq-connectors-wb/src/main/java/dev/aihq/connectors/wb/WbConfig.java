package dev.aihq.connectors.wb;

import dev.aihq.api.error.ConfigurationException;
import dev.aihq.http.Masking;
import dev.aihq.http.RetryPolicy;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Settings of the Wildberries connector shared by every shop: the base URL of each API category ({@link WbApi},
 * WB's hosts by default), timeouts, retries, an optional proxy and the rate limit of each method group
 * ({@link WbMethodGroup}, WB's documented limits by default). Tokens are per shop and live in a
 * {@link WbCredentialsProvider}, not here.
 *
 * <pre>{@code
 * WbConfig config = WbConfig.builder().build();                      // WB's hosts and limits
 * WbConfig test = WbConfig.builder().baseUrlForAll(wireMock.baseUrl()).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class WbConfig {

    /** The default connect timeout, 10 s. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** The default request timeout, 30 s. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** The most feedbacks one list request may ask for ({@code take}). */
    public static final int MAX_FEEDBACK_PAGE = 5000;

    /** The most questions one list request may ask for; {@code take + skip} may not pass 10 000 either. */
    public static final int MAX_QUESTION_PAGE = 10_000;

    /** The most FBS assembly tasks one list request may ask for ({@code limit}). */
    public static final int MAX_ORDER_PAGE = 1000;

    /** The most sales report rows one {@code reportDetailByPeriod} request may ask for ({@code limit}). */
    public static final int MAX_REPORT_PAGE = 100_000;

    private final Map<WbApi, URI> baseUrls;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final RetryPolicy retryPolicy;
    private final @Nullable ProxySelector proxy;
    private final Map<WbMethodGroup, WbRateLimit> rateLimits;
    private final int feedbackPageSize;
    private final int questionPageSize;
    private final int orderPageSize;
    private final int reportPageSize;

    private WbConfig(Builder builder, Map<WbApi, URI> baseUrls) {
        this.baseUrls = Collections.unmodifiableMap(new EnumMap<>(baseUrls));
        this.connectTimeout = builder.connectTimeout;
        this.requestTimeout = builder.requestTimeout;
        this.retryPolicy = builder.retryPolicy;
        this.proxy = builder.proxy;
        Map<WbMethodGroup, WbRateLimit> limits = new EnumMap<>(WbMethodGroup.class);
        for (WbMethodGroup group : WbMethodGroup.values()) {
            limits.put(group, builder.rateLimits.getOrDefault(group, group.defaultLimit()));
        }
        this.rateLimits = Collections.unmodifiableMap(limits);
        this.feedbackPageSize = builder.feedbackPageSize;
        this.questionPageSize = builder.questionPageSize;
        this.orderPageSize = builder.orderPageSize;
        this.reportPageSize = builder.reportPageSize;
    }

    /**
     * Starts a builder with the defaults.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the defaults: WB's hosts and limits, 10 s to connect, 30 s per request, the default retry policy,
     * no proxy, the largest pages WB serves.
     *
     * @return the default configuration
     */
    public static WbConfig defaults() {
        return builder().build();
    }

    /**
     * Starts a builder holding this configuration.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder().connectTimeout(connectTimeout).requestTimeout(requestTimeout)
                .retryPolicy(retryPolicy).feedbackPageSize(feedbackPageSize).questionPageSize(questionPageSize)
                .orderPageSize(orderPageSize).reportPageSize(reportPageSize);
        baseUrls.forEach((api, url) -> builder.baseUrl(api, url.toString()));
        rateLimits.forEach(builder::rateLimit);
        if (proxy != null) {
            builder.proxy(proxy);
        }
        return builder;
    }

    /**
     * Returns an API category's base URL.
     *
     * @param api the category
     * @return e.g. {@code https://feedbacks-api.wildberries.ru}
     */
    public URI baseUrl(WbApi api) {
        return baseUrls.get(api);
    }

    /**
     * Returns how long to wait for a connection.
     *
     * @return the connect timeout
     */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * Returns how long to wait for a response.
     *
     * @return the request timeout
     */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * Returns how failed requests are retried; a 429 waits {@code X-Ratelimit-Retry}, then {@code Retry-After},
     * then {@code X-Ratelimit-Reset}, else the policy's backoff.
     *
     * @return the retry policy
     */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /**
     * Returns the proxy requests go through.
     *
     * @return the proxy, or empty for a direct connection
     */
    public Optional<ProxySelector> proxy() {
        return Optional.ofNullable(proxy);
    }

    /**
     * Returns a method group's rate limit.
     *
     * @param group the group
     * @return its limit, WB's documented one unless overridden
     */
    public WbRateLimit rateLimit(WbMethodGroup group) {
        return rateLimits.get(group);
    }

    /**
     * Returns how many feedbacks each list request asks for ({@code take}).
     *
     * @return 1 to {@value #MAX_FEEDBACK_PAGE}
     */
    public int feedbackPageSize() {
        return feedbackPageSize;
    }

    /**
     * Returns how many questions each list request asks for ({@code take}).
     *
     * @return 1 to {@value #MAX_QUESTION_PAGE}
     */
    public int questionPageSize() {
        return questionPageSize;
    }

    /**
     * Returns how many FBS assembly tasks each list request asks for ({@code limit}).
     *
     * @return 1 to {@value #MAX_ORDER_PAGE}
     */
    public int orderPageSize() {
        return orderPageSize;
    }

    /**
     * Returns how many sales report rows each {@code reportDetailByPeriod} request asks for ({@code limit}).
     *
     * @return 1 to {@value #MAX_REPORT_PAGE}
     */
    public int reportPageSize() {
        return reportPageSize;
    }

    /** Describes the configuration; it holds no secret. */
    @Override
    public String toString() {
        return "WbConfig[baseUrls=" + baseUrls + ", connectTimeout=" + connectTimeout + ", requestTimeout="
                + requestTimeout + ", proxy=" + (proxy != null) + ", retryPolicy=" + retryPolicy + ", rateLimits="
                + rateLimits + ", feedbackPageSize=" + feedbackPageSize + ", questionPageSize=" + questionPageSize
                + ", orderPageSize=" + orderPageSize + ", reportPageSize=" + reportPageSize + "]";
    }

    /** Builds a {@link WbConfig}; starts from the defaults. Not thread-safe. */
    public static final class Builder {
        private final Map<WbApi, String> baseUrls = new EnumMap<>(WbApi.class);
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private @Nullable ProxySelector proxy;
        private final Map<WbMethodGroup, WbRateLimit> rateLimits = new EnumMap<>(WbMethodGroup.class);
        private int feedbackPageSize = MAX_FEEDBACK_PAGE;
        private int questionPageSize = 5000;
        private int orderPageSize = MAX_ORDER_PAGE;
        private int reportPageSize = MAX_REPORT_PAGE;

        private Builder() {
            for (WbApi api : WbApi.values()) {
                baseUrls.put(api, api.defaultBaseUrl());
            }
        }

        /**
         * Sets one API category's base URL, e.g. a sandbox host or a test server.
         *
         * @param api the category
         * @param baseUrl an absolute http or https URL; default {@link WbApi#defaultBaseUrl()}
         * @return this builder
         */
        public Builder baseUrl(WbApi api, String baseUrl) {
            baseUrls.put(Objects.requireNonNull(api, "api"), Objects.requireNonNull(baseUrl, "baseUrl"));
            return this;
        }

        /**
         * Sets every API category's base URL to one, e.g. a WireMock server that fakes them all.
         *
         * @param baseUrl an absolute http or https URL
         * @return this builder
         */
        public Builder baseUrlForAll(String baseUrl) {
            for (WbApi api : WbApi.values()) {
                baseUrl(api, baseUrl);
            }
            return this;
        }

        /**
         * Sets how long to wait for a connection.
         *
         * @param connectTimeout positive; default 10 s
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        /**
         * Sets how long to wait for a response.
         *
         * @param requestTimeout positive; default 30 s
         * @return this builder
         */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
            return this;
        }

        /**
         * Sets how failed requests are retried.
         *
         * @param retryPolicy the policy; default {@link RetryPolicy#defaults()}
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * Sends requests through a proxy.
         *
         * @param proxy the proxy
         * @return this builder
         */
        public Builder proxy(ProxySelector proxy) {
            this.proxy = Objects.requireNonNull(proxy, "proxy");
            return this;
        }

        /**
         * Overrides a method group's rate limit, e.g. lower limits for a basic token.
         *
         * @param group the group
         * @param limit the limit; default {@link WbMethodGroup#defaultLimit()}
         * @return this builder
         */
        public Builder rateLimit(WbMethodGroup group, WbRateLimit limit) {
            rateLimits.put(Objects.requireNonNull(group, "group"), Objects.requireNonNull(limit, "limit"));
            return this;
        }

        /**
         * Sets how many feedbacks each list request asks for.
         *
         * @param size 1 to {@value WbConfig#MAX_FEEDBACK_PAGE}; default 5000
         * @return this builder
         */
        public Builder feedbackPageSize(int size) {
            this.feedbackPageSize = size;
            return this;
        }

        /**
         * Sets how many questions each list request asks for.
         *
         * @param size 1 to {@value WbConfig#MAX_QUESTION_PAGE}; default 5000
         * @return this builder
         */
        public Builder questionPageSize(int size) {
            this.questionPageSize = size;
            return this;
        }

        /**
         * Sets how many FBS assembly tasks each list request asks for.
         *
         * @param size 1 to {@value WbConfig#MAX_ORDER_PAGE}; default 1000
         * @return this builder
         */
        public Builder orderPageSize(int size) {
            this.orderPageSize = size;
            return this;
        }

        /**
         * Sets how many sales report rows each {@code reportDetailByPeriod} request asks for.
         *
         * @param size 1 to {@value WbConfig#MAX_REPORT_PAGE}; default 100 000
         * @return this builder
         */
        public Builder reportPageSize(int size) {
            this.reportPageSize = size;
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         * @throws ConfigurationException listing every invalid setting
         */
        public WbConfig build() {
            List<String> problems = new ArrayList<>();
            Map<WbApi, URI> uris = new EnumMap<>(WbApi.class);
            baseUrls.forEach((api, url) -> {
                URI uri = checkBaseUrl(problems, api, url);
                if (uri != null) {
                    uris.put(api, uri);
                }
            });
            requirePositive(problems, "connectTimeout", connectTimeout);
            requirePositive(problems, "requestTimeout", requestTimeout);
            checkRange(problems, "feedbackPageSize", feedbackPageSize, MAX_FEEDBACK_PAGE);
            checkRange(problems, "questionPageSize", questionPageSize, MAX_QUESTION_PAGE);
            checkRange(problems, "orderPageSize", orderPageSize, MAX_ORDER_PAGE);
            checkRange(problems, "reportPageSize", reportPageSize, MAX_REPORT_PAGE);
            if (!problems.isEmpty()) {
                throw new ConfigurationException("WbConfig is not configured correctly: " + String.join("; ", problems));
            }
            return new WbConfig(this, uris);
        }

        private static void checkRange(List<String> problems, String name, int value, int max) {
            if (value < 1 || value > max) {
                problems.add(name + " must be 1-" + max + " (Wildberries' maximum), got " + value);
            }
        }

        private static @Nullable URI checkBaseUrl(List<String> problems, WbApi api, String baseUrl) {
            URI uri;
            try {
                uri = new URI(baseUrl.strip());
            } catch (URISyntaxException e) {
                problems.add("baseUrl of " + api + " is not a valid URL: " + e.getReason());
                return null;
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                problems.add("baseUrl of " + api + " must be an absolute http or https URL with a host, got '"
                        + Masking.excerpt(baseUrl, 80) + "'");
                return null;
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                problems.add("baseUrl of " + api + " must not have user info, a query or a fragment");
                return null;
            }
            return uri;
        }

        private static void requirePositive(List<String> problems, String name, Duration value) {
            if (value.isNegative() || value.isZero()) {
                problems.add(name + " must be positive, got " + value);
            }
        }
    }
}

package dev.aihq.connectors.ozon;

import dev.aihq.api.error.ConfigurationException;
import dev.aihq.http.Masking;
import dev.aihq.http.RetryPolicy;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Settings of the Ozon connector shared by every shop: the base URL ({@value #DEFAULT_BASE_URL} by default),
 * timeouts, retries, an optional proxy, the requests per second allowed per {@code Client-Id} (Ozon's 50 by
 * default, reference §3.2) and page sizes. Credentials and subscriptions are per shop and live in an
 * {@link OzonCredentialsProvider}, not here.
 *
 * <pre>{@code
 * OzonConfig config = OzonConfig.defaults();
 * OzonConfig test = OzonConfig.builder().baseUrl(wireMock.baseUrl()).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class OzonConfig {

    /** Ozon's Seller API host. */
    public static final String DEFAULT_BASE_URL = "https://api-seller.ozon.ru";

    /** The default connect timeout, 10 s. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** The default request timeout, 30 s. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** Ozon's global limit: requests per second per {@code Client-Id}, across all methods (reference §3.2). */
    public static final int DEFAULT_REQUESTS_PER_SECOND = 50;

    /**
     * The largest {@code limit} of one posting list request. The reference does not state it; 1000 is the maximum
     * Ozon's method docs give for the FBS and FBO lists.
     */
    public static final int MAX_POSTING_PAGE = 1000;

    /** The largest {@code offset} of the FBO list; beyond it Ozon answers {@code MAX_OFFSET_EXCEEDED} (§3.3). */
    public static final int MAX_FBO_OFFSET = 20_000;

    private final URI baseUrl;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final RetryPolicy retryPolicy;
    private final @Nullable ProxySelector proxy;
    private final int requestsPerSecond;
    private final int postingPageSize;

    private OzonConfig(Builder builder, URI baseUrl) {
        this.baseUrl = baseUrl;
        this.connectTimeout = builder.connectTimeout;
        this.requestTimeout = builder.requestTimeout;
        this.retryPolicy = builder.retryPolicy;
        this.proxy = builder.proxy;
        this.requestsPerSecond = builder.requestsPerSecond;
        this.postingPageSize = builder.postingPageSize;
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
     * Returns the defaults: Ozon's host and limit, 10 s to connect, 30 s per request, the default retry policy, no
     * proxy, pages of {@value #MAX_POSTING_PAGE}.
     *
     * @return the default configuration
     */
    public static OzonConfig defaults() {
        return builder().build();
    }

    /**
     * Starts a builder holding this configuration.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder().baseUrl(baseUrl.toString()).connectTimeout(connectTimeout)
                .requestTimeout(requestTimeout).retryPolicy(retryPolicy).requestsPerSecond(requestsPerSecond)
                .postingPageSize(postingPageSize);
        if (proxy != null) {
            builder.proxy(proxy);
        }
        return builder;
    }

    /**
     * Returns the base URL every path is relative to.
     *
     * @return e.g. {@code https://api-seller.ozon.ru}
     */
    public URI baseUrl() {
        return baseUrl;
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
     * Returns how failed requests are retried (429, 5xx, {@code Circle is open}, timeouts).
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
     * Returns how many requests a second one {@code Client-Id} may send, across all methods.
     *
     * @return 1 to {@value #DEFAULT_REQUESTS_PER_SECOND}
     */
    public int requestsPerSecond() {
        return requestsPerSecond;
    }

    /**
     * Returns the {@code limit} of each posting list request.
     *
     * @return 1 to {@value #MAX_POSTING_PAGE}
     */
    public int postingPageSize() {
        return postingPageSize;
    }

    /** Describes the configuration; it holds no secret. */
    @Override
    public String toString() {
        return "OzonConfig[baseUrl=" + baseUrl + ", connectTimeout=" + connectTimeout + ", requestTimeout="
                + requestTimeout + ", proxy=" + (proxy != null) + ", retryPolicy=" + retryPolicy
                + ", requestsPerSecond=" + requestsPerSecond + ", postingPageSize=" + postingPageSize + "]";
    }

    /** Builds an {@link OzonConfig}; starts from the defaults. Not thread-safe. */
    public static final class Builder {
        private String baseUrl = DEFAULT_BASE_URL;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private @Nullable ProxySelector proxy;
        private int requestsPerSecond = DEFAULT_REQUESTS_PER_SECOND;
        private int postingPageSize = MAX_POSTING_PAGE;

        private Builder() {}

        /**
         * Sets the base URL, e.g. a test server.
         *
         * @param baseUrl an absolute http or https URL; default {@value OzonConfig#DEFAULT_BASE_URL}
         * @return this builder
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
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
         * Lowers the requests per second per {@code Client-Id}, e.g. to leave room for another program using the
         * same key.
         *
         * @param requestsPerSecond 1 to {@value OzonConfig#DEFAULT_REQUESTS_PER_SECOND}; default 50
         * @return this builder
         */
        public Builder requestsPerSecond(int requestsPerSecond) {
            this.requestsPerSecond = requestsPerSecond;
            return this;
        }

        /**
         * Sets the {@code limit} of each posting list request.
         *
         * @param size 1 to {@value OzonConfig#MAX_POSTING_PAGE}; default 1000
         * @return this builder
         */
        public Builder postingPageSize(int size) {
            this.postingPageSize = size;
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         * @throws ConfigurationException listing every invalid setting
         */
        public OzonConfig build() {
            List<String> problems = new ArrayList<>();
            URI uri = checkBaseUrl(problems, baseUrl);
            if (connectTimeout.isNegative() || connectTimeout.isZero()) {
                problems.add("connectTimeout must be positive, got " + connectTimeout);
            }
            if (requestTimeout.isNegative() || requestTimeout.isZero()) {
                problems.add("requestTimeout must be positive, got " + requestTimeout);
            }
            if (requestsPerSecond < 1 || requestsPerSecond > DEFAULT_REQUESTS_PER_SECOND) {
                problems.add("requestsPerSecond must be 1-" + DEFAULT_REQUESTS_PER_SECOND
                        + " (Ozon's limit per Client-Id), got " + requestsPerSecond);
            }
            if (postingPageSize < 1 || postingPageSize > MAX_POSTING_PAGE) {
                problems.add("postingPageSize must be 1-" + MAX_POSTING_PAGE + ", got " + postingPageSize);
            }
            if (!problems.isEmpty() || uri == null) {
                throw new ConfigurationException("OzonConfig is not configured correctly: "
                        + String.join("; ", problems));
            }
            return new OzonConfig(this, uri);
        }

        private static @Nullable URI checkBaseUrl(List<String> problems, String baseUrl) {
            URI uri;
            try {
                uri = new URI(baseUrl.strip());
            } catch (URISyntaxException e) {
                problems.add("baseUrl is not a valid URL: " + e.getReason());
                return null;
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                problems.add("baseUrl must be an absolute http or https URL with a host, got '"
                        + Masking.excerpt(baseUrl, 80) + "'");
                return null;
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                problems.add("baseUrl must not have user info, a query or a fragment");
                return null;
            }
            return uri;
        }
    }
}

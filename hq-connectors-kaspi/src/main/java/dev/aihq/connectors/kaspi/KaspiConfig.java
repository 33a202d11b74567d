package dev.aihq.connectors.kaspi;

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
 * Settings of the Kaspi connector shared by every shop: where the API is, how long to wait, how to
 * retry, how many orders per page and which proxy to go through. Tokens are per shop and live in a
 * {@link KaspiCredentialsProvider}, not here.
 *
 * <pre>{@code
 * KaspiConfig config = KaspiConfig.builder()
 *         .proxy(ProxySelector.of(new InetSocketAddress("proxy.example.kz", 3128))) // Kazakh IPs only
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class KaspiConfig {

    /** Kaspi's orders API, {@code https://kaspi.kz/shop/api/v2}. */
    public static final String DEFAULT_BASE_URL = "https://kaspi.kz/shop/api/v2";

    /** The largest page Kaspi serves: 100 orders. */
    public static final int MAX_PAGE_SIZE = 100;

    /** The longest creation-date window one orders request may ask for: 14 days. */
    public static final Duration MAX_WINDOW = Duration.ofDays(14);

    /** The default connect timeout, 10 s. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** The default request timeout, 30 s. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /**
     * The default least time between two requests for one shop, 500 ms: at most 2 requests a second, the
     * pace integrators keep since Kaspi documents no rate limit.
     */
    public static final Duration DEFAULT_REQUEST_INTERVAL = Duration.ofMillis(500);

    private final URI baseUrl;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final RetryPolicy retryPolicy;
    private final int pageSize;
    private final @Nullable ProxySelector proxy;
    private final Duration requestInterval;

    private KaspiConfig(Builder builder, URI baseUrl) {
        this.baseUrl = baseUrl;
        this.connectTimeout = builder.connectTimeout;
        this.requestTimeout = builder.requestTimeout;
        this.retryPolicy = builder.retryPolicy;
        this.pageSize = builder.pageSize;
        this.proxy = builder.proxy;
        this.requestInterval = builder.requestInterval;
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
     * Returns the defaults: Kaspi's URL, 10 s to connect, 30 s per request, the default retry policy,
     * pages of 100, no proxy, at most 2 requests a second per shop.
     *
     * @return the default configuration
     */
    public static KaspiConfig defaults() {
        return builder().build();
    }

    /**
     * Starts a builder holding this configuration.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder()
                .baseUrl(baseUrl.toString())
                .connectTimeout(connectTimeout)
                .requestTimeout(requestTimeout)
                .retryPolicy(retryPolicy)
                .pageSize(pageSize)
                .requestInterval(requestInterval);
        if (proxy != null) {
            builder.proxy(proxy);
        }
        return builder;
    }

    /**
     * Returns the orders API's base URL.
     *
     * @return e.g. {@code https://kaspi.kz/shop/api/v2}
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
     * Returns how failed requests are retried.
     *
     * @return the retry policy
     */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /**
     * Returns how many orders each page request asks for.
     *
     * @return 1 to {@value #MAX_PAGE_SIZE}
     */
    public int pageSize() {
        return pageSize;
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
     * Returns the least time between the starts of two requests for one shop (retries of a request wait
     * under the retry policy instead).
     *
     * @return the interval; zero for no pacing
     */
    public Duration requestInterval() {
        return requestInterval;
    }

    /** Describes the configuration; it holds no secret. */
    @Override
    public String toString() {
        return "KaspiConfig[baseUrl=" + baseUrl + ", connectTimeout=" + connectTimeout + ", requestTimeout="
                + requestTimeout + ", pageSize=" + pageSize + ", proxy=" + (proxy != null) + ", requestInterval="
                + requestInterval + ", retryPolicy=" + retryPolicy + "]";
    }

    /** Builds a {@link KaspiConfig}; starts from the defaults. Not thread-safe. */
    public static final class Builder {
        private String baseUrl = DEFAULT_BASE_URL;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestInterval = DEFAULT_REQUEST_INTERVAL;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private int pageSize = MAX_PAGE_SIZE;
        private @Nullable ProxySelector proxy;

        private Builder() {}

        /**
         * Sets the orders API's base URL, e.g. a test server's.
         *
         * @param baseUrl an absolute http or https URL; default {@value KaspiConfig#DEFAULT_BASE_URL}
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
         * Sets how many orders each page request asks for.
         *
         * @param pageSize 1 to {@value KaspiConfig#MAX_PAGE_SIZE}; default 100
         * @return this builder
         */
        public Builder pageSize(int pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        /**
         * Sends requests through a proxy: Kaspi is reported to answer Kazakh IP addresses only.
         *
         * @param proxy the proxy
         * @return this builder
         */
        public Builder proxy(ProxySelector proxy) {
            this.proxy = Objects.requireNonNull(proxy, "proxy");
            return this;
        }

        /**
         * Sets the least time between the starts of two requests for one shop. Default
         * {@link #DEFAULT_REQUEST_INTERVAL}: Kaspi documents no rate limit, and integrators keep to 1–2
         * requests a second.
         *
         * @param interval the interval; zero turns pacing off
         * @return this builder
         */
        public Builder requestInterval(Duration interval) {
            this.requestInterval = Objects.requireNonNull(interval, "requestInterval");
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         * @throws ConfigurationException listing every invalid setting
         */
        public KaspiConfig build() {
            List<String> problems = new ArrayList<>();
            URI uri = checkBaseUrl(problems);
            requirePositive(problems, "connectTimeout", connectTimeout);
            requirePositive(problems, "requestTimeout", requestTimeout);
            if (requestInterval.isNegative() || requestInterval.compareTo(Duration.ofMinutes(1)) > 0) {
                problems.add("requestInterval must be 0-60 s, got " + requestInterval);
            }
            if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
                problems.add("pageSize must be 1-" + MAX_PAGE_SIZE + " (Kaspi's maximum), got " + pageSize);
            }
            if (!problems.isEmpty() || uri == null) {
                throw new ConfigurationException("KaspiConfig is not configured correctly: "
                        + String.join("; ", problems));
            }
            return new KaspiConfig(this, uri);
        }

        private @Nullable URI checkBaseUrl(List<String> problems) {
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

        private static void requirePositive(List<String> problems, String name, Duration value) {
            if (value.isNegative() || value.isZero()) {
                problems.add(name + " must be positive, got " + value);
            }
        }
    }
}

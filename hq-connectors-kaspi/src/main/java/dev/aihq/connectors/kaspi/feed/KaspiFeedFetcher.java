package dev.aihq.connectors.kaspi.feed;

import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.error.MarketplaceException;
import dev.aihq.http.HqHttpClient;
import dev.aihq.http.HttpCall;
import dev.aihq.http.HttpLogSink;
import dev.aihq.http.RetryPolicy;
import dev.aihq.http.Sleeper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javax.annotation.Nullable;

/**
 * Downloads a seller's price list from the URL the seller hosts it at (the one Kaspi fetches about hourly)
 * with {@link HqHttpClient}, and parses it.
 *
 * <pre>{@code
 * KaspiFeedFetcher feed = KaspiFeedFetcher.builder(URI.create("https://shop.example.kz/kaspi.xml")).build();
 * KaspiImportReport report = KaspiCatalogImport.of(stores.catalog()).apply(shop, feed.open());
 * }</pre>
 *
 * <p><b>Size.</b> hq-http reads a response body whole, so the feed is held in memory as bytes while it is
 * parsed (parsing itself streams). A price list is about 500 bytes per offer, so 10,000 offers are about
 * 5 MB; {@link #open()} and {@link #fetch(Consumer)} keep only the bytes and the current offer,
 * {@link #fetch()} also every parsed offer.
 *
 * <p><b>Failures</b> are hq-http's table under the service name {@value #SERVICE}: 404 is a
 * {@link dev.aihq.api.error.ResourceNotFoundException}, 401/403 an
 * {@link dev.aihq.api.error.AuthenticationException}, 5xx a
 * {@link dev.aihq.api.error.ServiceUnavailableException} after the retries of the {@link RetryPolicy};
 * redirects are not followed (a 3xx is a {@link dev.aihq.api.error.RequestRejectedException}). A body that
 * is not a price list is a {@link KaspiFeedException}. The encoding is the document's own (its XML
 * declaration), not the {@code Content-Type} charset. Query values of the URL (often a secret) are masked
 * in log lines.
 *
 * <p>Immutable and thread-safe.
 */
public final class KaspiFeedFetcher {

    /** The service name in exception messages and logs. */
    public static final String SERVICE = "kaspi-feed";

    /** The default time to wait for a connection. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** The default time to wait for the whole response; a large feed on a slow host takes a while. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(120);

    private final HqHttpClient http;
    private final URI feedUrl;
    private final String path;
    private final List<Map.Entry<String, String>> query;
    private final Map<String, String> headers;
    private final KaspiPriceListParser parser = KaspiPriceListParser.create();

    private KaspiFeedFetcher(Builder builder) {
        this.feedUrl = builder.feedUrl;
        HqHttpClient.Builder http = HqHttpClient.builder()
                .serviceName(SERVICE)
                .baseUri(feedUrl.getScheme() + "://" + feedUrl.getRawAuthority())
                .connectTimeout(builder.connectTimeout)
                .requestTimeout(builder.requestTimeout)
                .retryPolicy(builder.retryPolicy)
                .sleeper(builder.sleeper)
                .clock(builder.clock)
                .logSink(builder.logSink);
        if (builder.proxy != null) {
            http.proxy(builder.proxy);
        }
        this.http = http.build();
        // hq-http takes a base URI without query and the query per call, so the URL is split here and
        // its query given back decoded (the client encodes it again)
        this.path = feedUrl.getRawPath() == null ? "" : feedUrl.getRawPath();
        this.query = queryOf(feedUrl);
        this.headers = Map.copyOf(builder.headers);
    }

    /**
     * Creates a fetcher with the defaults.
     *
     * @param feedUrl the price list's absolute http or https URL
     * @return the fetcher
     */
    public static KaspiFeedFetcher create(URI feedUrl) {
        return builder(feedUrl).build();
    }

    /**
     * Starts a builder.
     *
     * @param feedUrl the price list's absolute http or https URL
     * @return a builder
     * @throws ConfigurationException if the URL is not absolute http or https
     */
    public static Builder builder(URI feedUrl) {
        return new Builder(feedUrl);
    }

    /**
     * Downloads the feed and returns its bytes as a stream, e.g. for
     * {@link KaspiCatalogImport#apply(dev.aihq.api.ShopId, InputStream)}.
     *
     * @return the body
     * @throws MarketplaceException if the host refuses, fails or does not answer
     */
    public InputStream open() {
        HttpCall.Builder call = HttpCall.get(path).header("Accept", "application/xml, text/xml;q=0.9, */*;q=0.1");
        headers.forEach(call::header);
        query.forEach(parameter -> call.query(parameter.getKey(), parameter.getValue()));
        return new ByteArrayInputStream(http.execute(call.build()).body());
    }

    /**
     * Downloads the feed and parses it whole.
     *
     * @return the price list
     * @throws MarketplaceException if the host refuses, fails or does not answer
     * @throws KaspiFeedException if the body is not a readable price list
     */
    public KaspiPriceList fetch() {
        return parser.read(open());
    }

    /**
     * Downloads the feed and hands each well-formed offer to a consumer as it is parsed.
     *
     * @param offers receives the offers
     * @return the header, the number of offers and the problems
     * @throws MarketplaceException if the host refuses, fails or does not answer
     * @throws KaspiFeedException if the body is not a readable price list
     */
    public KaspiFeedSummary fetch(Consumer<KaspiOffer> offers) {
        return parser.parse(open(), offers);
    }

    /**
     * Returns the feed's URL.
     *
     * @return the URL
     */
    public URI feedUrl() {
        return feedUrl;
    }

    /** Describes the fetcher without the URL's query or any header value, which may hold secrets. */
    @Override
    public String toString() {
        return "KaspiFeedFetcher[" + feedUrl.getScheme() + "://" + feedUrl.getRawAuthority() + feedUrl.getRawPath()
                + (feedUrl.getRawQuery() == null ? "" : "?…") + ", headers=" + headers.keySet() + "]";
    }

    /**
     * Splits a URL's query into decoded name-value pairs in order. {@code +} is kept as a plus (RFC 3986),
     * not read as a space; a name without {@code =} gets an empty value.
     */
    private static List<Map.Entry<String, String>> queryOf(URI url) {
        String raw = url.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return List.of();
        }
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            pairs.add(Map.entry(decode(name), decode(value)));
        }
        return List.copyOf(pairs);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Builds a {@link KaspiFeedFetcher}. Not thread-safe. */
    public static final class Builder {
        private final URI feedUrl;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private @Nullable ProxySelector proxy;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private HttpLogSink logSink = HttpLogSink.slf4j();

        private Builder(URI feedUrl) {
            Objects.requireNonNull(feedUrl, "feed url");
            String scheme = feedUrl.getScheme() == null ? "" : feedUrl.getScheme().toLowerCase(Locale.ROOT);
            if (!feedUrl.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))
                    || feedUrl.getRawAuthority() == null || feedUrl.getRawFragment() != null) {
                throw new ConfigurationException("the price list URL must be an absolute http or https URL without"
                        + " a fragment, got a " + (scheme.isEmpty() ? "relative" : scheme) + " URL");
            }
            this.feedUrl = feedUrl;
        }

        /**
         * Sets the time to wait for a connection. Default {@link #DEFAULT_CONNECT_TIMEOUT}.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "connect timeout");
            return this;
        }

        /**
         * Sets the time to wait for the whole response. Default {@link #DEFAULT_REQUEST_TIMEOUT}.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout, "request timeout");
            return this;
        }

        /**
         * Sets how failures such as 5xx and timeouts are retried. Default {@link RetryPolicy#defaults()}.
         *
         * @param retryPolicy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retry policy");
            return this;
        }

        /**
         * Routes requests through a proxy. Default none.
         *
         * @param proxy the proxy selector
         * @return this builder
         */
        public Builder proxy(ProxySelector proxy) {
            this.proxy = Objects.requireNonNull(proxy, "proxy");
            return this;
        }

        /**
         * Adds a header to every request, e.g. {@code Authorization} when the seller protects the feed.
         * Credential headers are masked in log lines by hq-http.
         *
         * @param name the header name
         * @param value the value
         * @return this builder
         */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "header name"), Objects.requireNonNull(value, "header value"));
            return this;
        }

        /**
         * Sets the clock of HTTP-date {@code Retry-After} values. Default system UTC.
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
            this.logSink = Objects.requireNonNull(logSink, "log sink");
            return this;
        }

        /**
         * Builds the fetcher.
         *
         * @return the fetcher
         * @throws ConfigurationException if a setting is invalid (reported by hq-http)
         */
        public KaspiFeedFetcher build() {
            return new KaspiFeedFetcher(this);
        }
    }
}

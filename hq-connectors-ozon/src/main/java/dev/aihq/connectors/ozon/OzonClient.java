package dev.aihq.connectors.ozon;

import dev.aihq.api.ShopId;
import dev.aihq.connectors.ozon.internal.client.OzonHttp;
import dev.aihq.connectors.ozon.internal.client.OzonHttpAccess;
import dev.aihq.http.HttpLogSink;
import dev.aihq.http.Sleeper;
import java.time.Clock;
import java.util.Objects;

/**
 * The Ozon Seller API for any number of shops (seller accounts), each with its own {@code Client-Id} and
 * {@code Api-Key} and subscription from the {@link OzonCredentialsProvider}: {@link #postings()}, {@link #finance()},
 * and with Premium Plus {@link #reviews()}, {@link #questions()} and {@link #chats()}, all on one HTTP path. Build one
 * per application and share it.
 *
 * <pre>{@code
 * OzonClient ozon = OzonClient.create(OzonConfig.defaults(), OzonCredentialsProvider.of(shop,
 *         OzonCredentials.of("123456", apiKey), OzonSubscription.STANDARD));
 * List<OzonPosting> postings = ozon.postings().fbsList(shop, since, now, null);
 * }</pre>
 *
 * <p><b>Requests</b> go to {@link OzonConfig#baseUrl()} as {@code POST} with a JSON body and the headers
 * {@code Client-Id}, {@code Api-Key} and {@code Content-Type: application/json}. Each takes a token of the
 * Client-Id's bucket first (50 a second by default; the wait goes through the builder's sleeper). The key never
 * appears in a log line or an exception message.
 *
 * <p><b>Failures</b> are the SDK's exception tree, with Ozon's {@code rpcStatus} message in the text: 401/403 and
 * the key's problems ({@code Offer not signed}, {@code Api-Key is restricted to specific IP addresses}, …) an
 * {@link dev.aihq.api.error.AuthenticationException} after one request; {@code code 7 PermissionDenied} on a
 * subscription method an {@link OzonSubscriptionRequiredException}; 429, {@code You have reached request rate limit
 * per second}, {@code Circle is open}, 5xx and timeouts retried under the config's retry policy; other 4xx a
 * {@link dev.aihq.api.error.RequestRejectedException}. A body that cannot be read is an
 * {@link OzonResponseException} naming the field. A shop without credentials, or without the subscription a method
 * needs, gets a {@link dev.aihq.api.error.CapabilityNotSupportedException} before any request.
 *
 * <p>Thread-safe.
 */
public final class OzonClient {

    /** The service name in exception messages and logs. */
    public static final String SERVICE = "ozon";

    static {
        OzonHttpAccess.register(client -> client.http);
    }

    private final OzonHttp http;
    private final OzonPostings postings;
    private final OzonFinance finance;
    private final Clock clock;
    private final OzonReviews reviews;
    private final OzonQuestions questions;
    private final OzonChats chats;

    private OzonClient(Builder builder) {
        this.clock = builder.clock;
        this.http = new OzonHttp(SERVICE, builder.config, builder.credentials, builder.clock, builder.sleeper,
                builder.logSink);
        this.postings = new OzonPostings(http, builder.config.postingPageSize());
        this.finance = new OzonFinance(http);
        this.reviews = new OzonReviews(http);
        this.questions = new OzonQuestions(http);
        this.chats = new OzonChats(http);
    }

    /**
     * Creates a client with the system clock, real waits and SLF4J logging.
     *
     * @param config the settings
     * @param credentials each shop's credentials and subscription
     * @return the client
     */
    public static OzonClient create(OzonConfig config, OzonCredentialsProvider credentials) {
        return builder(config, credentials).build();
    }

    /**
     * Starts a builder for the parts that are not settings: clock, sleeper, log sink.
     *
     * @param config the settings
     * @param credentials each shop's credentials and subscription
     * @return a builder
     */
    public static Builder builder(OzonConfig config, OzonCredentialsProvider credentials) {
        return new Builder(config, credentials);
    }

    /**
     * Tells whether a shop has credentials, i.e. whether requests for it can be made at all.
     *
     * @param shopId the shop
     * @return {@code true} when the provider has credentials for it
     */
    public boolean hasCredentials(ShopId shopId) {
        return http.hasCredentials(shopId);
    }

    /**
     * Returns the subscription the provider says a shop has.
     *
     * @param shopId the shop
     * @return the subscription
     */
    public OzonSubscription subscription(ShopId shopId) {
        return http.subscription(shopId);
    }

    /**
     * Returns the postings API: FBS/rFBS and FBO lists, one posting.
     *
     * @return the postings
     */
    public OzonPostings postings() {
        return postings;
    }

    /**
     * Returns the finance API: transactions by one-month windows, recorded as the ledger's actual figures.
     *
     * @return the finance API
     */
    public OzonFinance finance() {
        return finance;
    }

    /**
     * Returns the reviews API (Premium Plus): list, details, comments, status, counts.
     *
     * @return the reviews API
     */
    public OzonReviews reviews() {
        return reviews;
    }

    /**
     * Returns the questions API (Premium Plus): list, answers, status, counts.
     *
     * @return the questions API
     */
    public OzonQuestions questions() {
        return questions;
    }

    /**
     * Returns the chats API (Premium Plus): list, history with the order context, send, start, mark read.
     *
     * @return the chats API
     */
    public OzonChats chats() {
        return chats;
    }

    /**
     * Returns the client's clock.
     *
     * @return the clock set on the builder
     */
    public Clock clock() {
        return clock;
    }

    /** Describes the client without credentials. */
    @Override
    public String toString() {
        return "OzonClient[" + http + "]";
    }

    /** Builds an {@link OzonClient}. Not thread-safe. */
    public static final class Builder {
        private final OzonConfig config;
        private final OzonCredentialsProvider credentials;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private HttpLogSink logSink = HttpLogSink.slf4j();

        private Builder(OzonConfig config, OzonCredentialsProvider credentials) {
            this.config = Objects.requireNonNull(config, "config");
            this.credentials = Objects.requireNonNull(credentials, "credentials");
        }

        /**
         * Sets the clock of the rate limiter and of HTTP-date waits. Default system UTC.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets how waits are made, for the rate limiter and between attempts. Default {@link Sleeper#system()};
         * tests record instead.
         *
         * @param sleeper the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Sets where masked request and response lines go. Default SLF4J at DEBUG.
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
        public OzonClient build() {
            return new OzonClient(this);
        }
    }
}

package dev.aihq.connectors.wb;

import dev.aihq.api.ShopId;
import dev.aihq.api.error.CapabilityNotSupportedException;
import dev.aihq.connectors.wb.internal.client.WbHttp;
import dev.aihq.http.HttpLogSink;
import dev.aihq.http.Sleeper;
import java.time.Clock;
import java.util.Objects;

/**
 * The Wildberries seller API for any number of shops (seller accounts), each with its own token from the
 * {@link WbCredentialsProvider}: {@link #feedbacks()}, {@link #questions()}, buyer {@link #chats()},
 * {@link #orders()} (FBS/DBS tasks, statistics orders) and {@link #reports()} (sales report, balance). Build one per
 * application and share it.
 *
 * <pre>{@code
 * WbClient wb = WbClient.builder(WbConfig.defaults(), WbCredentialsProvider.of(shop, token)).build();
 * List<WbFeedback> open = wb.feedbacks().list(shop, WbListQuery.unanswered());
 * }</pre>
 *
 * <p><b>Requests</b> go to the host of their API category ({@link WbConfig#baseUrl(WbApi)}) with the shop's token
 * raw in {@code Authorization} (no {@code Bearer}). Each takes a token of the shop's bucket for its
 * {@link WbMethodGroup} first (WB's token bucket, kept per seller and method group; the wait goes through the
 * builder's sleeper). The token never appears in a log line or an exception message.
 *
 * <p><b>Failures</b> are the SDK's exception tree: 401/403 an {@link dev.aihq.api.error.AuthenticationException}
 * after one request; 429, 5xx and timeouts retried under the config's retry policy, a 429 waiting
 * {@code X-Ratelimit-Retry} seconds, else {@code Retry-After}, else {@code X-Ratelimit-Reset}, else backoff; other 4xx
 * a {@link dev.aihq.api.error.RequestRejectedException}. Messages carry what WB said, read from whichever of its
 * error shapes came back. A body the connector cannot read is a {@link WbResponseException} naming the field; a
 * request WB would refuse is a {@link WbValidationException} before sending. A shop without a token gets a
 * {@link CapabilityNotSupportedException} before any request.
 *
 * <p><b>Paging</b> of feedbacks and questions walks {@code take}/{@code skip} to the end; where WB caps
 * {@code skip} the date window moves on from the last item read (items read twice are kept once).
 *
 * <p>Thread-safe.
 */
public final class WbClient {

    /** The service name in exception messages and logs. */
    public static final String SERVICE = "wildberries";

    private final WbHttp http;
    private final WbConfig config;
    private final WbFeedbacks feedbacks;
    private final WbQuestions questions;
    private final WbChats chats;
    private final WbOrders orders;
    private final WbReports reports;
    private final Clock clock;

    private WbClient(Builder builder) {
        this.config = builder.config;
        this.clock = builder.clock;
        this.http = new WbHttp(SERVICE, builder.config, builder.credentials, builder.clock, builder.sleeper,
                builder.logSink);
        this.feedbacks = new WbFeedbacks(http, builder.config.feedbackPageSize());
        this.questions = new WbQuestions(http, builder.config.questionPageSize());
        this.chats = new WbChats(http);
        this.orders = new WbOrders(http, builder.config.orderPageSize());
        this.reports = new WbReports(http, builder.config.reportPageSize());
    }

    /**
     * Creates a client with the system clock, real waits and SLF4J logging.
     *
     * @param config the settings
     * @param credentials each shop's token
     * @return the client
     */
    public static WbClient create(WbConfig config, WbCredentialsProvider credentials) {
        return builder(config, credentials).build();
    }

    /**
     * Starts a builder for the parts that are not settings: clock, sleeper, log sink.
     *
     * @param config the settings
     * @param credentials each shop's token
     * @return a builder
     */
    public static Builder builder(WbConfig config, WbCredentialsProvider credentials) {
        return new Builder(config, credentials);
    }

    /**
     * Tells whether a shop has a token, i.e. whether requests for it can be made at all.
     *
     * @param shopId the shop
     * @return {@code true} when the provider has credentials for it
     */
    public boolean hasCredentials(ShopId shopId) {
        return http.hasCredentials(shopId);
    }

    /**
     * Returns the client's clock.
     *
     * @return the clock set on the builder
     */
    public Clock clock() {
        return clock;
    }

    /**
     * Returns the feedbacks (reviews) API.
     *
     * @return the feedbacks
     */
    public WbFeedbacks feedbacks() {
        return feedbacks;
    }

    /**
     * Returns the questions API.
     *
     * @return the questions
     */
    public WbQuestions questions() {
        return questions;
    }

    /**
     * Returns the buyer chat API: chats, the events feed, sending, downloads.
     *
     * @return the chats
     */
    public WbChats chats() {
        return chats;
    }

    /**
     * Returns the orders API: FBS and DBS assembly tasks, FBS statuses, DBS delivery contacts and the statistics
     * orders of every scheme.
     *
     * @return the orders
     */
    public WbOrders orders() {
        return orders;
    }

    /**
     * Returns the finance API: the sales report ({@code reportDetailByPeriod}), its recording in the ledger, and
     * the balance.
     *
     * @return the reports
     */
    public WbReports reports() {
        return reports;
    }

    /** Describes the client without credentials. */
    @Override
    public String toString() {
        return "WbClient[" + http + "]";
    }

    /**
     * Returns the shared HTTP path, for the other parts of this module (chat, orders, finance).
     *
     * @return the path
     */
    WbHttp http() {
        return http;
    }

    /** Builds a {@link WbClient}. Not thread-safe. */
    public static final class Builder {
        private final WbConfig config;
        private final WbCredentialsProvider credentials;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private HttpLogSink logSink = HttpLogSink.slf4j();

        private Builder(WbConfig config, WbCredentialsProvider credentials) {
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
        public WbClient build() {
            return new WbClient(this);
        }
    }
}

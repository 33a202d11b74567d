package dev.aihq.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.aihq.api.ShopId;
import dev.aihq.api.connector.Capability;
import dev.aihq.api.connector.CapabilitySet;
import dev.aihq.api.connector.MarketplaceConnector;
import dev.aihq.api.error.AuthenticationException;
import dev.aihq.api.error.CapabilityNotSupportedException;
import dev.aihq.api.error.HqException;
import dev.aihq.api.error.MarketplaceException;
import dev.aihq.api.error.RateLimitedException;
import dev.aihq.api.error.RemoteTimeoutException;
import dev.aihq.api.error.ServiceUnavailableException;
import dev.aihq.testkit.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.annotation.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link MarketplaceConnector}: what the pipeline may rely on whichever marketplace
 * (Kaspi, Wildberries, Ozon) sits behind it. Every connector runs it against its own fake of the
 * marketplace (WireMock, typically) by subclassing it and answering the hooks below in the marketplace's
 * own wire format; the suite then asserts, for any connector:
 *
 * <ul>
 *   <li><b>paging</b>: an order listing of {@value #PAGES} full pages and a short last one is read to the
 *       end, every order once, in the marketplace's order; an empty result is an empty list after one
 *       request;</li>
 *   <li><b>tolerant reading</b>: fields the connector does not know are ignored, and orders without the
 *       optional fields (customer, delivery, …) are still read;</li>
 *   <li><b>refusals</b>: 401 and 403 are a non-retriable {@link AuthenticationException} after exactly one
 *       request (no retry storm); 429 with {@code Retry-After} and 5xx are retried at most
 *       {@link #MAX_ATTEMPTS} times in all, waiting what the marketplace asked (recorded by the
 *       {@link RecordedWaits} the connector sleeps through, so nothing really sleeps) and succeed when the
 *       marketplace recovers; a timeout is a {@link RemoteTimeoutException}; a malformed body is an
 *       {@link HqException} naming what was wrong, not retried; no exception message shows the secret;</li>
 *   <li><b>capabilities</b>: answered per shop; {@link Capability#ORDERS} is supported for the shop with
 *       credentials; every capability is either supported or refused with a reason; asking for a refused
 *       one is a {@link CapabilityNotSupportedException} naming it; a shop the connector has no credentials
 *       for gets no orders, and listing them is refused the same way.</li>
 * </ul>
 *
 * <p>A subclass is about forty lines:
 *
 * <pre>{@code
 * class KaspiConnectorContractTest extends MarketplaceConnectorContract {
 *     @RegisterExtension
 *     static final WireMockExtension SERVER = WireMockExtension.newInstance()
 *             .options(wireMockConfig().dynamicPort()).build();
 *
 *     @Override protected MarketplaceConnector createConnector(RecordedWaits waits) {
 *         ... pointed at SERVER, MAX_ATTEMPTS attempts, no jitter, .sleeper(waits::record),
 *         ... a request timeout of at most TIMEOUT_AT_MOST ...
 *     }
 *     @Override protected List<String> listOrderIds(MarketplaceConnector c, ShopId shop) { ... }
 *     @Override protected void stubOrders(List<List<String>> pages, Shape shape) { ... }
 *     @Override protected void stubFailure(Failure failure, @Nullable List<String> thenOrders) { ... }
 *     @Override protected int listingRequests() { ... read SERVER's journal ... }
 *     @Override protected String secret() { return TOKEN; }
 *     @Override protected Set<Capability> supportedCapabilities() { return EnumSet.of(ORDERS, ...); }
 *     @Override protected String malformedBodyMention() { return "data"; }
 * }
 * }</pre>
 *
 * <p>The connector is created once per test, on first use, after every {@code @BeforeEach} of the
 * subclass (reset the fake there). Orders are listed for {@link #shopId()}, which the connector has
 * credentials for, and {@link #shopWithoutCredentials()}, which it has none for. The hooks speak in order
 * ids only, so that the same suite fits any marketplace's order model.
 */
public abstract class MarketplaceConnectorContract {

    /** The attempts in all the connector must be configured with: one request and two retries. */
    public static final int MAX_ATTEMPTS = 3;

    /** The {@code Retry-After} a {@link Failure#RATE_LIMITED} stub sends, in seconds. */
    public static final int RETRY_AFTER_SECONDS = 2;

    /** The longest request timeout the connector may be configured with, so the timeout case stays quick. */
    public static final Duration TIMEOUT_AT_MOST = Duration.ofMillis(500);

    /** How many full pages the paging case serves, before a short last page. */
    public static final int PAGES = 3;

    private final RecordedWaits waits = new RecordedWaits();
    private @Nullable MarketplaceConnector connector;

    /** Creates the suite. */
    protected MarketplaceConnectorContract() {}

    /** How the orders of a stub are written; see {@link #stubOrders(List, Shape)}. */
    public enum Shape {
        /** Every field the connector reads, filled, as the marketplace's documentation shows them. */
        FULL,
        /** As {@link #FULL}, plus fields and objects the connector does not know, at every level. */
        WITH_UNKNOWN_FIELDS,
        /** Only the fields the marketplace always sends; every optional one (customer, delivery, …) absent. */
        OPTIONAL_FIELDS_MISSING
    }

    /** How the marketplace fake fails a listing request; see {@link #stubFailure(Failure, List)}. */
    public enum Failure {
        /** HTTP 401 with the marketplace's own error body. */
        UNAUTHORIZED,
        /** HTTP 403 with the marketplace's own error body. */
        FORBIDDEN,
        /** HTTP 429 with {@code Retry-After:} {@value MarketplaceConnectorContract#RETRY_AFTER_SECONDS}. */
        RATE_LIMITED,
        /** HTTP 503 (or another 5xx the marketplace sends) without {@code Retry-After}. */
        SERVER_ERROR,
        /** A success answered only after the connector's request timeout (e.g. WireMock's fixed delay of 2 s). */
        TIMEOUT,
        /** HTTP 200 with a body that is not the API's shape: e.g. the list of orders is a string. */
        MALFORMED_BODY
    }

    /**
     * The waits a connector made between attempts, in order. Give the connector a sleeper that calls
     * {@link #record(Duration)} instead of sleeping. Thread-safe.
     */
    public static final class RecordedWaits {
        private final List<Duration> waits = new CopyOnWriteArrayList<>();

        /** Creates an empty record. */
        public RecordedWaits() {}

        /**
         * Records one wait instead of making it.
         *
         * @param wait the wait the connector asked for
         */
        public void record(Duration wait) {
            waits.add(wait);
        }

        /**
         * Returns the waits recorded so far.
         *
         * @return the waits, oldest first
         */
        public List<Duration> all() {
            return Collections.unmodifiableList(new ArrayList<>(waits));
        }

        void clear() {
            waits.clear();
        }
    }

    // ------------------------------------------------------------------ hooks

    /**
     * Creates the connector under test, pointed at the marketplace fake, with credentials for
     * {@link #shopId()} only, {@link #MAX_ATTEMPTS} attempts per request without jitter, a request timeout
     * of at most {@link #TIMEOUT_AT_MOST}, and a sleeper that records into {@code waits} instead of
     * sleeping. Called once per test, on first use, after the subclass's {@code @BeforeEach}.
     *
     * @param waits where the connector's waits between attempts go
     * @return the connector
     */
    protected abstract MarketplaceConnector createConnector(RecordedWaits waits);

    /**
     * Lists a shop's orders through the connector's own API, to the end of the result, and returns their
     * ids in the order the connector gave them. Use whatever filters the marketplace requires (a state, a
     * date window) such that every stubbed order matches.
     *
     * @param connector the connector from {@link #createConnector(RecordedWaits)}
     * @param shopId the shop to list for
     * @return the order ids, as the marketplace writes them
     */
    protected abstract List<String> listOrderIds(MarketplaceConnector connector, ShopId shopId);

    /**
     * Makes the marketplace fake serve these orders, page by page, in the marketplace's exact wire shape
     * (its envelope, its paging metadata, realistic values). Every page but the last has the same size, the
     * page size the connector requests; an empty list means "no orders at all" and is served as the
     * marketplace's empty page.
     *
     * @param pages the order ids of each page, in order
     * @param shape how the orders are written
     */
    protected abstract void stubOrders(List<List<String>> pages, Shape shape);

    /**
     * Makes the marketplace fake fail listing requests. With {@code thenOrders} {@code null} every request
     * fails; otherwise only the first does and later ones get one page of these orders (in
     * {@link Shape#FULL}), e.g. with a WireMock scenario.
     *
     * @param failure how to fail
     * @param thenOrders the orders served once the marketplace recovers, or {@code null} for never
     */
    protected abstract void stubFailure(Failure failure, @Nullable List<String> thenOrders);

    /**
     * Returns how many order listing requests the marketplace fake received in this test (read back from
     * e.g. WireMock's request journal).
     *
     * @return the count
     */
    protected abstract int listingRequests();

    /**
     * Returns the secret the connector authenticates {@link #shopId()} with (the token), so the suite can
     * check that no exception message shows it.
     *
     * @return the secret
     */
    protected abstract String secret();

    /**
     * Returns the capabilities the connector declares supported for {@link #shopId()}; every other
     * capability must be refused with a reason. {@link Capability#ORDERS} must be among them.
     *
     * @return the supported capabilities
     */
    protected abstract Set<Capability> supportedCapabilities();

    /**
     * Returns a word the error for {@link Failure#MALFORMED_BODY} must name: the field or part of the
     * body that was wrong, e.g. {@code data}.
     *
     * @return the word, matched ignoring case
     */
    protected abstract String malformedBodyMention();

    /**
     * Returns the page size the connector requests, which {@link #stubOrders(List, Shape)} pages by.
     * Default 5; override when the connector's configuration cannot make it that small.
     *
     * @return the page size, at least 1
     */
    protected int pageSize() {
        return 5;
    }

    /**
     * Returns the shop the connector has credentials for. Default {@link Fixtures#SHOP_ID}.
     *
     * @return the shop
     */
    protected ShopId shopId() {
        return Fixtures.SHOP_ID;
    }

    /**
     * Returns a shop the connector has no credentials for. Default {@code shop-without-token}.
     *
     * @return the shop
     */
    protected ShopId shopWithoutCredentials() {
        return ShopId.of("shop-without-token");
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Returns this test's connector, creating it on first use.
     *
     * @return the connector under test
     */
    protected final MarketplaceConnector connector() {
        MarketplaceConnector c = connector;
        if (c == null) {
            c = createConnector(waits);
            connector = c;
        }
        return c;
    }

    /**
     * Returns the waits the connector recorded in this test.
     *
     * @return the waits, oldest first
     */
    protected final List<Duration> waits() {
        return waits.all();
    }

    /** Forgets the previous test's connector and waits. */
    @BeforeEach
    protected final void forgetPreviousConnector() {
        connector = null;
        waits.clear();
    }

    private static List<String> ids(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + i).collect(Collectors.toList());
    }

    private List<String> list() {
        return listOrderIds(connector(), shopId());
    }

    private Throwable failingList() {
        Throwable thrown = catchThrowable(this::list);
        assertThat(thrown).as("listing must fail").isNotNull();
        assertThat(thrown.getMessage()).as("the message must not show the secret").doesNotContain(secret());
        return thrown;
    }

    // ------------------------------------------------------------------ paging

    @Test
    public void should_read_every_page_to_the_end_when_orders_span_several_pages() {
        List<List<String>> pages = new ArrayList<>();
        for (int p = 0; p < PAGES; p++) {
            pages.add(ids("ORD-" + p + "-", pageSize()));
        }
        pages.add(ids("ORD-last-", Math.max(1, pageSize() - 2)));
        stubOrders(pages, Shape.FULL);

        List<String> listed = list();

        List<String> expected = pages.stream().flatMap(List::stream).collect(Collectors.toList());
        assertThat(listed).containsExactlyElementsOf(expected);
        assertThat(listingRequests()).as("one request per page").isEqualTo(pages.size());
    }

    @Test
    public void should_return_an_empty_list_after_one_request_when_there_are_no_orders() {
        stubOrders(List.of(), Shape.FULL);

        assertThat(list()).isEmpty();
        assertThat(listingRequests()).isEqualTo(1);
    }

    @Test
    public void should_ignore_unknown_fields_when_the_marketplace_adds_some() {
        stubOrders(List.of(ids("NEWF-", 2)), Shape.WITH_UNKNOWN_FIELDS);

        assertThat(list()).containsExactly("NEWF-1", "NEWF-2");
    }

    @Test
    public void should_read_orders_when_optional_fields_are_missing() {
        stubOrders(List.of(ids("MIN-", 2)), Shape.OPTIONAL_FIELDS_MISSING);

        assertThat(list()).containsExactly("MIN-1", "MIN-2");
    }

    // ------------------------------------------------------------------ refusals

    @Test
    public void should_fail_once_without_retrying_when_the_token_is_refused_with_401() {
        stubFailure(Failure.UNAUTHORIZED, null);

        Throwable thrown = failingList();

        assertThat(thrown).isInstanceOf(AuthenticationException.class);
        assertThat(((MarketplaceException) thrown).isRetriable()).isFalse();
        assertThat(((MarketplaceException) thrown).status()).isEqualTo(401);
        assertThat(listingRequests()).as("exactly one request: no retry storm").isEqualTo(1);
        assertThat(waits()).isEmpty();
    }

    @Test
    public void should_fail_once_without_retrying_when_the_token_is_refused_with_403() {
        stubFailure(Failure.FORBIDDEN, null);

        Throwable thrown = failingList();

        assertThat(thrown).isInstanceOf(AuthenticationException.class);
        assertThat(((MarketplaceException) thrown).status()).isEqualTo(403);
        assertThat(listingRequests()).as("exactly one request: no retry storm").isEqualTo(1);
        assertThat(waits()).isEmpty();
    }

    @Test
    public void should_retry_a_bounded_number_of_times_waiting_retry_after_when_rate_limited() {
        stubFailure(Failure.RATE_LIMITED, null);

        Throwable thrown = failingList();

        assertThat(thrown).isInstanceOf(RateLimitedException.class);
        assertThat(((MarketplaceException) thrown).isRetriable()).isTrue();
        assertThat(listingRequests()).isEqualTo(MAX_ATTEMPTS);
        assertThat(waits()).containsExactly(Duration.ofSeconds(RETRY_AFTER_SECONDS),
                Duration.ofSeconds(RETRY_AFTER_SECONDS));
    }

    @Test
    public void should_succeed_after_waiting_retry_after_when_the_rate_limit_passes() {
        stubFailure(Failure.RATE_LIMITED, List.of("AFTER-1"));

        assertThat(list()).containsExactly("AFTER-1");
        assertThat(listingRequests()).isEqualTo(2);
        assertThat(waits()).containsExactly(Duration.ofSeconds(RETRY_AFTER_SECONDS));
    }

    @Test
    public void should_retry_a_bounded_number_of_times_when_the_server_fails() {
        stubFailure(Failure.SERVER_ERROR, null);

        Throwable thrown = failingList();

        assertThat(thrown).isInstanceOf(ServiceUnavailableException.class);
        assertThat(listingRequests()).isEqualTo(MAX_ATTEMPTS);
        assertThat(waits()).hasSize(MAX_ATTEMPTS - 1);
    }

    @Test
    public void should_succeed_when_the_server_recovers_after_a_failure() {
        stubFailure(Failure.SERVER_ERROR, List.of("BACK-1", "BACK-2"));

        assertThat(list()).containsExactly("BACK-1", "BACK-2");
        assertThat(waits()).hasSize(1);
    }

    @Test
    public void should_fail_with_a_timeout_when_the_marketplace_does_not_answer_in_time() {
        stubFailure(Failure.TIMEOUT, null);

        Throwable thrown = failingList();

        assertThat(thrown).isInstanceOf(RemoteTimeoutException.class);
        assertThat(listingRequests()).isBetween(1, MAX_ATTEMPTS);
    }

    @Test
    public void should_name_what_was_wrong_without_retrying_when_the_body_is_malformed() {
        stubFailure(Failure.MALFORMED_BODY, null);

        Throwable thrown = failingList();

        assertThat(thrown).isInstanceOf(HqException.class);
        assertThat(thrown).isNotInstanceOf(CapabilityNotSupportedException.class);
        if (thrown instanceof MarketplaceException) {
            assertThat(((MarketplaceException) thrown).isRetriable()).isFalse();
        }
        assertThat(thrown.getMessage()).containsIgnoringCase(malformedBodyMention());
        assertThat(listingRequests()).isEqualTo(1);
    }

    // ------------------------------------------------------------------ capabilities

    @Test
    public void should_answer_capabilities_for_the_shop_asked_about() {
        CapabilitySet capabilities = connector().capabilities(shopId());

        assertThat(capabilities.shopId()).isEqualTo(shopId());
        assertThat(supportedCapabilities()).contains(Capability.ORDERS);
        for (Capability capability : Capability.values()) {
            if (supportedCapabilities().contains(capability)) {
                assertThat(capabilities.supports(capability)).as(capability + " supported").isTrue();
            } else {
                assertThat(capabilities.supports(capability)).as(capability + " refused").isFalse();
                assertThat(capabilities.refused().get(capability)).as("reason for " + capability)
                        .isNotBlank();
            }
        }
    }

    @Test
    public void should_refuse_naming_the_capability_when_it_is_not_supported() {
        Set<Capability> refused = EnumSet.allOf(Capability.class);
        refused.removeAll(supportedCapabilities());
        for (Capability capability : refused) {
            Throwable thrown = catchThrowable(() -> connector().require(shopId(), capability));

            assertThat(thrown).isInstanceOf(CapabilityNotSupportedException.class);
            assertThat(((CapabilityNotSupportedException) thrown).capability()).isEqualTo(capability);
            assertThat(thrown.getMessage()).contains(capability.name());
        }
        connector().require(shopId(), Capability.ORDERS);
    }

    @Test
    public void should_refuse_orders_when_the_shop_has_no_credentials() {
        CapabilitySet capabilities = connector().capabilities(shopWithoutCredentials());

        assertThat(capabilities.shopId()).isEqualTo(shopWithoutCredentials());
        assertThat(capabilities.supports(Capability.ORDERS)).isFalse();
        Throwable thrown = catchThrowable(() -> listOrderIds(connector(), shopWithoutCredentials()));
        assertThat(thrown).isInstanceOf(CapabilityNotSupportedException.class);
        assertThat(((CapabilityNotSupportedException) thrown).capability()).isEqualTo(Capability.ORDERS);
        assertThat(listingRequests()).as("nothing sent without credentials").isZero();
    }
}

package dev.aihq.testkit.contract;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import dev.aihq.api.connector.Capability;
import dev.aihq.api.connector.CapabilitySet;
import dev.aihq.api.connector.MarketplaceConnector;
import dev.aihq.api.error.AuthenticationException;
import dev.aihq.api.error.HqException;
import dev.aihq.api.error.MarketplaceException;
import dev.aihq.api.error.RateLimitedException;
import dev.aihq.api.error.RemoteTimeoutException;
import dev.aihq.api.error.ServiceUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.annotation.Nullable;
import org.junit.jupiter.api.Test;

/** Proves the connector suite can fail: a connector with one fault switched on must not pass it. */
class MarketplaceConnectorContractSelfTest {

    /** A marketplace in memory and a connector over it, with faults to switch on. */
    static final class FakeSuite extends MarketplaceConnectorContract {
        boolean stopsAfterFirstPage;
        boolean retriesAuthentication;
        boolean ignoresRetryAfter;
        boolean claimsReviews;
        private List<List<String>> pages = List.of();
        private @Nullable Failure failure;
        private @Nullable List<String> thenOrders;
        private int requests;
        private @Nullable RecordedWaits waits;

        @Override
        protected MarketplaceConnector createConnector(RecordedWaits waits) {
            this.waits = waits;
            return new MarketplaceConnector() {
                @Override
                public Marketplace marketplace() {
                    return Marketplace.of("fake");
                }

                @Override
                public CapabilitySet capabilities(ShopId shopId) {
                    CapabilitySet.Builder set = CapabilitySet.builder(shopId);
                    for (Capability c : Capability.values()) {
                        set.refuses(c, "the fake has none");
                    }
                    if (shopId.equals(shopId())) {
                        set.supports(Capability.ORDERS, "");
                        if (claimsReviews) {
                            set.supports(Capability.REVIEWS_READ, "");
                        }
                    }
                    return set.build();
                }
            };
        }

        @Override
        protected List<String> listOrderIds(MarketplaceConnector connector, ShopId shopId) {
            connector.require(shopId, Capability.ORDERS);
            List<String> ids = new ArrayList<>();
            for (int page = 0; ; page++) {
                ids.addAll(fetch(page));
                if (stopsAfterFirstPage || thenOrders != null || page + 1 >= pages.size()) {
                    return ids;
                }
            }
        }

        private List<String> fetch(int page) {
            for (int attempt = 1; ; attempt++) {
                requests++;
                Failure f = failure != null && (thenOrders == null || requests == 1) ? failure : null;
                if (f == null) {
                    return thenOrders != null ? thenOrders : pages.isEmpty() ? List.of() : pages.get(page);
                }
                MarketplaceException failed = switch (f) {
                    case UNAUTHORIZED -> new AuthenticationException("fake", 401, "refused", null);
                    case FORBIDDEN -> new AuthenticationException("fake", 403, "refused", null);
                    case RATE_LIMITED -> new RateLimitedException("fake", 429, "throttled",
                            Duration.ofSeconds(RETRY_AFTER_SECONDS), null);
                    case SERVER_ERROR -> new ServiceUnavailableException("fake", 503, "down", null, null);
                    case TIMEOUT -> new RemoteTimeoutException("fake", 0, "no answer", null, null);
                    case MALFORMED_BODY -> throw new HqException("malformed response: data is not a list");
                };
                boolean retry = failed.isRetriable() || retriesAuthentication;
                if (!retry || attempt >= MAX_ATTEMPTS) {
                    throw failed;
                }
                Duration wait = f == Failure.RATE_LIMITED && !ignoresRetryAfter
                        ? Duration.ofSeconds(RETRY_AFTER_SECONDS) : Duration.ofMillis(500);
                waits.record(wait);
            }
        }

        @Override
        protected void stubOrders(List<List<String>> pages, Shape shape) {
            this.pages = pages;
        }

        @Override
        protected void stubFailure(Failure failure, @Nullable List<String> thenOrders) {
            this.failure = failure;
            this.thenOrders = thenOrders;
        }

        @Override
        protected int listingRequests() {
            return requests;
        }

        @Override
        protected String secret() {
            return "fake-secret-token";
        }

        @Override
        protected Set<Capability> supportedCapabilities() {
            return EnumSet.of(Capability.ORDERS);
        }

        @Override
        protected String malformedBodyMention() {
            return "data";
        }
    }

    @Test
    void should_pass_when_the_connector_behaves() {
        assertThatCode(() -> new FakeSuite().should_read_every_page_to_the_end_when_orders_span_several_pages())
                .doesNotThrowAnyException();
        assertThatCode(() -> new FakeSuite().should_fail_once_without_retrying_when_the_token_is_refused_with_401())
                .doesNotThrowAnyException();
        assertThatCode(() -> new FakeSuite()
                .should_retry_a_bounded_number_of_times_waiting_retry_after_when_rate_limited())
                .doesNotThrowAnyException();
        assertThatCode(() -> new FakeSuite().should_succeed_after_waiting_retry_after_when_the_rate_limit_passes())
                .doesNotThrowAnyException();
        assertThatCode(() -> new FakeSuite().should_name_what_was_wrong_without_retrying_when_the_body_is_malformed())
                .doesNotThrowAnyException();
        assertThatCode(() -> new FakeSuite().should_answer_capabilities_for_the_shop_asked_about())
                .doesNotThrowAnyException();
        assertThatCode(() -> new FakeSuite().should_refuse_orders_when_the_shop_has_no_credentials())
                .doesNotThrowAnyException();
    }

    @Test
    void should_fail_paging_when_the_connector_stops_after_the_first_page() {
        FakeSuite suite = new FakeSuite();
        suite.stopsAfterFirstPage = true;

        assertThatThrownBy(suite::should_read_every_page_to_the_end_when_orders_span_several_pages)
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void should_fail_authentication_when_the_connector_retries_a_refused_token() {
        FakeSuite suite = new FakeSuite();
        suite.retriesAuthentication = true;

        assertThatThrownBy(suite::should_fail_once_without_retrying_when_the_token_is_refused_with_403)
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void should_fail_rate_limiting_when_the_connector_ignores_retry_after() {
        FakeSuite suite = new FakeSuite();
        suite.ignoresRetryAfter = true;

        assertThatThrownBy(suite::should_retry_a_bounded_number_of_times_waiting_retry_after_when_rate_limited)
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void should_fail_capabilities_when_the_connector_claims_more_than_declared() {
        FakeSuite suite = new FakeSuite();
        suite.claimsReviews = true;

        assertThatThrownBy(suite::should_answer_capabilities_for_the_shop_asked_about)
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(suite::should_refuse_naming_the_capability_when_it_is_not_supported)
                .isInstanceOf(AssertionError.class);
    }
}

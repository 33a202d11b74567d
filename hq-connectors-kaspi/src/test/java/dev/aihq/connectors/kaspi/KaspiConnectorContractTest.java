package dev.aihq.connectors.kaspi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.aihq.api.ShopId;
import dev.aihq.api.connector.Capability;
import dev.aihq.api.connector.MarketplaceConnector;
import dev.aihq.http.HttpLogSink;
import dev.aihq.http.RetryPolicy;
import dev.aihq.testkit.contract.MarketplaceConnectorContract;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.annotation.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Kaspi connector against the connector contract, on WireMock. */
class KaspiConnectorContractTest extends MarketplaceConnectorContract {

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final Instant TO = Instant.ofEpochMilli(KaspiFixtures.CREATED).plus(Duration.ofDays(1));
    private static final Instant FROM = TO.minus(Duration.ofDays(10));

    @BeforeEach
    void resetServer() {
        SERVER.resetAll();
    }

    @Override
    protected MarketplaceConnector createConnector(RecordedWaits waits) {
        KaspiConfig config = KaspiConfig.builder()
                .baseUrl(SERVER.baseUrl())
                .pageSize(pageSize())
                .requestTimeout(Duration.ofMillis(300))
                .retryPolicy(RetryPolicy.builder().maxAttempts(MAX_ATTEMPTS).jitter(0).build())
                .requestInterval(Duration.ZERO) // the recorded waits are the retries' only
                .build();
        KaspiClient client = KaspiClient.builder(config, KaspiCredentialsProvider.of(shopId(), KaspiFixtures.TOKEN))
                .sleeper(waits::record)
                .logSink(HttpLogSink.none())
                .build();
        return KaspiConnector.of(client);
    }

    @Override
    protected List<String> listOrderIds(MarketplaceConnector connector, ShopId shopId) {
        return ((KaspiConnector) connector).listOrders(shopId, KaspiOrderQuery.of(KaspiOrderState.NEW, FROM, TO))
                .stream().map(KaspiOrder::id).toList();
    }

    @Override
    protected void stubOrders(List<List<String>> pages, Shape shape) {
        KaspiFixtures.Shape fixtureShape = KaspiFixtures.Shape.valueOf(shape.name());
        if (pages.isEmpty()) {
            SERVER.stubFor(orders().willReturn(jsonApi(KaspiFixtures.ordersPage(List.of(), 0, fixtureShape))));
            return;
        }
        for (int p = 0; p < pages.size(); p++) {
            SERVER.stubFor(orders().withQueryParam("page[number]", WireMock.equalTo(Integer.toString(p)))
                    .willReturn(jsonApi(KaspiFixtures.ordersPage(pages.get(p), pages.size(), fixtureShape))));
        }
    }

    @Override
    protected void stubFailure(Failure failure, @Nullable List<String> thenOrders) {
        ResponseDefinitionBuilder response = switch (failure) {
            case UNAUTHORIZED -> aResponse().withStatus(401)
                    .withBody("{\"errors\":[{\"title\":\"Unauthorized\"}]}");
            case FORBIDDEN -> aResponse().withStatus(403)
                    .withBody("{\"errors\":[{\"title\":\"Access denied\"}]}");
            case RATE_LIMITED -> aResponse().withStatus(429).withHeader("Retry-After",
                    Integer.toString(RETRY_AFTER_SECONDS));
            case SERVER_ERROR -> aResponse().withStatus(503).withBody("<html>Service Unavailable</html>");
            case TIMEOUT -> jsonApi(KaspiFixtures.ordersPage(List.of(), 0, KaspiFixtures.Shape.FULL))
                    .withFixedDelay(2_000);
            case MALFORMED_BODY -> jsonApi("{\"data\":\"not a list\",\"meta\":{\"pageCount\":1}}");
        };
        if (thenOrders == null) {
            SERVER.stubFor(orders().willReturn(response));
            return;
        }
        SERVER.stubFor(orders().inScenario("recovery").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(response).willSetStateTo("recovered"));
        SERVER.stubFor(orders().inScenario("recovery").whenScenarioStateIs("recovered")
                .willReturn(jsonApi(KaspiFixtures.ordersPage(thenOrders, 1, KaspiFixtures.Shape.FULL))));
    }

    @Override
    protected int listingRequests() {
        return SERVER.findAll(getRequestedFor(urlPathEqualTo(KaspiFixtures.ORDERS_PATH))).size();
    }

    @Override
    protected String secret() {
        return KaspiFixtures.TOKEN;
    }

    @Override
    protected Set<Capability> supportedCapabilities() {
        return EnumSet.of(Capability.ORDERS, Capability.CUSTOMER_CONTACT, Capability.PURCHASE_HISTORY);
    }

    @Override
    protected String malformedBodyMention() {
        return "data";
    }

    private static MappingBuilder orders() {
        return get(urlPathEqualTo(KaspiFixtures.ORDERS_PATH));
    }

    private static ResponseDefinitionBuilder jsonApi(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", KaspiClient.MEDIA_TYPE).withBody(body);
    }
}

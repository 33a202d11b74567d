package dev.aihq.connectors.wb;

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
import dev.aihq.testkit.wb.FakeWbApi;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.annotation.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Wildberries connector against the connector contract, on WireMock, with FBS assembly tasks as the orders. */
class WbConnectorContractTest extends MarketplaceConnectorContract {

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final Instant TO = WbFixtures.CREATED.plus(Duration.ofDays(1));
    private static final Instant FROM = TO.minus(Duration.ofDays(10));

    @BeforeEach
    void resetServer() {
        SERVER.resetAll();
    }

    @Override
    protected MarketplaceConnector createConnector(RecordedWaits waits) {
        WbConfig config = WbConfig.builder()
                .baseUrlForAll(SERVER.baseUrl())
                .orderPageSize(pageSize())
                .requestTimeout(Duration.ofMillis(300))
                .retryPolicy(RetryPolicy.builder().maxAttempts(MAX_ATTEMPTS).jitter(0).build())
                .build();
        WbClient client = WbClient.builder(config, WbCredentialsProvider.of(shopId(), WbFixtures.TOKEN))
                .sleeper(waits::record)
                .logSink(HttpLogSink.none())
                .build();
        return WbConnector.of(client);
    }

    @Override
    protected List<String> listOrderIds(MarketplaceConnector connector, ShopId shopId) {
        return ((WbConnector) connector).listFbsOrders(shopId, FROM, TO).stream().map(WbOrder::rid).toList();
    }

    @Override
    protected void stubOrders(List<List<String>> pages, Shape shape) {
        WbFixtures.Shape fixtureShape = WbFixtures.Shape.valueOf(shape.name());
        if (pages.isEmpty()) {
            SERVER.stubFor(orders().willReturn(json(WbFixtures.ordersPage(List.of(), 0, fixtureShape))));
            return;
        }
        for (int p = 0; p < pages.size(); p++) {
            String cursor = p == 0 ? "0" : Long.toString(1_000L + p);
            SERVER.stubFor(orders().withQueryParam("next", WireMock.equalTo(cursor))
                    .willReturn(json(WbFixtures.ordersPage(pages.get(p), 1_000L + p + 1, fixtureShape))));
        }
    }

    @Override
    protected void stubFailure(Failure failure, @Nullable List<String> thenOrders) {
        ResponseDefinitionBuilder response = switch (failure) {
            case UNAUTHORIZED -> aResponse().withStatus(401).withHeader("Content-Type", "application/problem+json")
                    .withBody(FakeWbApi.ErrorShape.PROBLEM_JSON.body(401, "token problem; token is malformed"));
            case FORBIDDEN -> aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                    .withBody(FakeWbApi.ErrorShape.MARKETPLACE.body(403, "Доступ запрещён"));
            case RATE_LIMITED -> aResponse().withStatus(429).withHeader("Content-Type", "application/problem+json")
                    .withHeader("X-Ratelimit-Retry", Integer.toString(RETRY_AFTER_SECONDS))
                    .withBody(FakeWbApi.ErrorShape.PROBLEM_JSON.body(429, "limited by c2d1"));
            case SERVER_ERROR -> aResponse().withStatus(503).withBody("<html>Service Unavailable</html>");
            case TIMEOUT -> json(WbFixtures.ordersPage(List.of(), 0, WbFixtures.Shape.FULL)).withFixedDelay(2_000);
            case MALFORMED_BODY -> json("{\"next\":0,\"orders\":\"not a list\"}");
        };
        if (thenOrders == null) {
            SERVER.stubFor(orders().willReturn(response));
            return;
        }
        SERVER.stubFor(orders().inScenario("recovery").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(response).willSetStateTo("recovered"));
        SERVER.stubFor(orders().inScenario("recovery").whenScenarioStateIs("recovered")
                .willReturn(json(WbFixtures.ordersPage(thenOrders, 1, WbFixtures.Shape.FULL))));
    }

    @Override
    protected int listingRequests() {
        return SERVER.findAll(getRequestedFor(urlPathEqualTo(WbFixtures.ORDERS_PATH))).size();
    }

    @Override
    protected String secret() {
        return WbFixtures.TOKEN;
    }

    @Override
    protected Set<Capability> supportedCapabilities() {
        return EnumSet.of(Capability.ORDERS, Capability.REVIEWS_READ, Capability.REVIEW_REPLY, Capability.QUESTIONS,
                Capability.CHATS, Capability.CHAT_ORDER_LINK, Capability.FINANCE_DATA);
    }

    @Override
    protected String malformedBodyMention() {
        return "orders";
    }

    private static MappingBuilder orders() {
        return get(urlPathEqualTo(WbFixtures.ORDERS_PATH));
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}

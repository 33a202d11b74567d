package dev.aihq.connectors.ozon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.aihq.api.ShopId;
import dev.aihq.api.connector.Capability;
import dev.aihq.api.connector.MarketplaceConnector;
import dev.aihq.http.HttpLogSink;
import dev.aihq.http.RetryPolicy;
import dev.aihq.testkit.contract.MarketplaceConnectorContract;
import dev.aihq.testkit.ozon.FakeOzonApi;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.annotation.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The connector contract against Ozon's FBS list, in Ozon's shapes; the shop has Premium Plus. */
class OzonConnectorContractTest extends MarketplaceConnectorContract {

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String PATH = OzonPostings.FBS_LIST_PATH;
    private static final Instant SINCE = OzonFixtures.NOW.minus(Duration.ofDays(7));

    @BeforeEach
    void resetServer() {
        SERVER.resetAll();
    }

    @Override
    protected MarketplaceConnector createConnector(RecordedWaits waits) {
        OzonConfig config = OzonConfig.builder()
                .baseUrl(SERVER.baseUrl())
                .postingPageSize(pageSize())
                .requestTimeout(Duration.ofMillis(300))
                .retryPolicy(RetryPolicy.builder().maxAttempts(MAX_ATTEMPTS).jitter(0).build())
                .build();
        OzonClient client = OzonClient.builder(config, OzonCredentialsProvider.of(shopId(),
                        OzonCredentials.of(OzonFixtures.CLIENT_ID, OzonFixtures.API_KEY), OzonSubscription.PREMIUM_PLUS))
                .sleeper(waits::record)
                .logSink(HttpLogSink.none())
                .build();
        return OzonConnector.of(client);
    }

    @Override
    protected List<String> listOrderIds(MarketplaceConnector connector, ShopId shopId) {
        return ((OzonConnector) connector).listFbsPostings(shopId, SINCE, OzonFixtures.NOW, null).stream()
                .map(OzonPosting::postingNumber).toList();
    }

    @Override
    protected void stubOrders(List<List<String>> pages, Shape shape) {
        if (pages.isEmpty()) {
            SERVER.stubFor(list().willReturn(json(FakeOzonApi.fbsListBody(List.of(), false))));
            return;
        }
        for (int p = 0; p < pages.size(); p++) {
            boolean hasNext = p < pages.size() - 1;
            SERVER.stubFor(list().withRequestBody(matchingJsonPath("$.offset", equalToNumber(p * pageSize())))
                    .willReturn(json(body(pages.get(p), hasNext, shape))));
        }
    }

    @Override
    protected void stubFailure(Failure failure, @Nullable List<String> thenOrders) {
        ResponseDefinitionBuilder response = switch (failure) {
            case UNAUTHORIZED -> error(401, FakeOzonApi.rpcStatusBody(16,
                    "Invalid Api-Key, please check the key and try again"));
            case FORBIDDEN -> error(403, FakeOzonApi.rpcStatusBody(7, "Offer not signed"));
            case RATE_LIMITED -> error(429, FakeOzonApi.rpcStatusBody(8, FakeOzonApi.RATE_LIMIT_TEXT))
                    .withHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            case SERVER_ERROR -> aResponse().withStatus(503).withBody("<html>Service Unavailable</html>");
            case TIMEOUT -> json(FakeOzonApi.fbsListBody(List.of(), false)).withFixedDelay(2_000);
            case MALFORMED_BODY -> json("{\"result\":{\"postings\":\"not a list\",\"has_next\":false}}");
        };
        if (thenOrders == null) {
            SERVER.stubFor(list().willReturn(response));
            return;
        }
        SERVER.stubFor(list().inScenario("recovery").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(response).willSetStateTo("recovered"));
        SERVER.stubFor(list().inScenario("recovery").whenScenarioStateIs("recovered")
                .willReturn(json(body(thenOrders, false, Shape.FULL))));
    }

    @Override
    protected int listingRequests() {
        return SERVER.findAll(postRequestedFor(urlPathEqualTo(PATH))).size();
    }

    @Override
    protected String secret() {
        return OzonFixtures.API_KEY;
    }

    @Override
    protected Set<Capability> supportedCapabilities() {
        return EnumSet.of(Capability.ORDERS, Capability.REVIEWS_READ, Capability.REVIEW_REPLY, Capability.QUESTIONS,
                Capability.CHATS, Capability.CHAT_ORDER_LINK, Capability.PROACTIVE_MESSAGE, Capability.FINANCE_DATA);
    }

    @Override
    protected String malformedBodyMention() {
        return "postings";
    }

    private static String body(List<String> numbers, boolean hasNext, Shape shape) {
        List<FakeOzonApi.Posting> postings = numbers.stream()
                .map(n -> FakeOzonApi.posting(n, "awaiting_packaging", SINCE.plusSeconds(60))).toList();
        if (shape == Shape.FULL) {
            return FakeOzonApi.fbsListBody(postings, hasNext);
        }
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        ObjectNode root = json.createObjectNode();
        ObjectNode result = root.putObject("result");
        var list = result.putArray("postings");
        for (FakeOzonApi.Posting p : postings) {
            if (shape == Shape.WITH_UNKNOWN_FIELDS) {
                ObjectNode node = FakeOzonApi.fbsPostingJson(p);
                node.put("brand_new_field", "x").putObject("new_block").put("nested", 1);
                ((ObjectNode) node.get("products").get(0)).put("new_product_field", true);
                ((ObjectNode) node.get("analytics_data")).put("new_analytics_field", "y");
                list.add(node);
            } else {
                list.addObject().put("posting_number", p.postingNumber()).put("status", p.status());
            }
        }
        result.put("has_next", hasNext);
        if (shape == Shape.WITH_UNKNOWN_FIELDS) {
            result.put("cursor_v4", "next");
            root.put("trace_id", "abc");
        }
        return root.toString();
    }

    private static com.github.tomakehurst.wiremock.matching.StringValuePattern equalToNumber(int n) {
        return com.github.tomakehurst.wiremock.client.WireMock.equalTo(Integer.toString(n));
    }

    private static MappingBuilder list() {
        return post(urlPathEqualTo(PATH));
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static ResponseDefinitionBuilder error(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}

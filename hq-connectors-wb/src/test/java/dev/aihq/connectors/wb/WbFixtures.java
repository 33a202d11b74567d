package dev.aihq.connectors.wb;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aihq.api.ShopId;
import dev.aihq.http.HttpLogSink;
import dev.aihq.http.RetryPolicy;
import dev.aihq.http.Sleeper;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Shared values and builders of the Wildberries tests. */
final class WbFixtures {

    /** A token shaped like WB's JWT; the tests check it never shows. */
    static final String TOKEN = "eyJhbGciOiJFUzI1NiIsImtpZCI6IjIwMjUwNTIwdjEiLCJ0eXAiOiJKV1QifQ.eyJlbnQiOjEsImV4cCI6MTc2"
            + "NDg2NDAwMCwiaWQiOiIwMTk2ZjQyZS1hYmNkIiwicyI6MTA3Mzc0MTgyNiwic2lkIjoiOTg3NjU0MzIxIn0.c2lnbmF0dXJlLXNlY3JldA";
    static final ShopId SHOP = ShopId.of("wb_shop_1");
    static final ShopId OTHER_SHOP = ShopId.of("wb_shop_2");
    static final Instant CREATED = Instant.parse("2025-10-01T09:00:00Z");
    static final String ORDERS_PATH = "/api/v3/orders";

    private static final ObjectMapper JSON = new ObjectMapper();

    private WbFixtures() {}

    static WbConfig.Builder config(String baseUrl) {
        return WbConfig.builder().baseUrlForAll(baseUrl)
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).jitter(0).build());
    }

    static WbClient client(WbConfig config, Clock clock, Sleeper sleeper) {
        return WbClient.builder(config, WbCredentialsProvider.of(SHOP, TOKEN)).clock(clock).sleeper(sleeper)
                .logSink(HttpLogSink.none()).build();
    }

    /** The shapes of the orders page, as the connector contract names them. */
    enum Shape { FULL, WITH_UNKNOWN_FIELDS, OPTIONAL_FIELDS_MISSING }

    /**
     * An FBS orders page in WB's shape: {@code {next, orders:[...]}}.
     *
     * @param rids the orders' rids
     * @param next the cursor to send
     * @param shape how full
     * @return the JSON
     */
    static String ordersPage(List<String> rids, long next, Shape shape) {
        ObjectNode body = JSON.createObjectNode();
        body.put("next", next);
        ArrayNode orders = body.putArray("orders");
        long id = 5_632_423_001L;
        for (String rid : rids) {
            ObjectNode o = orders.addObject();
            o.put("rid", rid).put("createdAt", "2025-10-01T09:00:00Z");
            if (shape != Shape.OPTIONAL_FIELDS_MISSING) {
                o.putNull("address").put("scanPrice", 0).put("deliveryType", "fbs").putNull("supplyId")
                        .put("orderUid", "165918930_629fbc924b984618a44354475ca58675").put("article", "TS-OVS-BLK-M")
                        .put("colorCode", "").put("warehouseId", 658_434).put("nmId", 146_123_456).put("chrtId", 987_654)
                        .put("price", 149_000).put("finalPrice", 99_000).put("convertedPrice", 149_000)
                        .put("convertedFinalPrice", 99_000).put("currencyCode", 643).put("convertedCurrencyCode", 643)
                        .put("cargoType", 1).put("crossBorderType", 0).put("isZeroOrder", false).put("id", id++)
                        .put("comment", "");
                o.putArray("skus").add("6665956397512");
                o.putArray("offices").add("Калуга");
                o.putObject("options").put("isB2b", false);
            }
            if (shape == Shape.WITH_UNKNOWN_FIELDS) {
                o.put("brandNewField", "x").putObject("newObject").put("nested", 1).putArray("deep").add(1);
            }
        }
        if (shape == Shape.WITH_UNKNOWN_FIELDS) {
            body.put("totalAdded", 3).putObject("meta").put("v", 2);
        }
        return body.toString();
    }
}

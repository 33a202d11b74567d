package dev.aihq.agents.inbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aihq.agents.inbox.insight.InboxMetricsReport;
import dev.aihq.api.ShopId;
import dev.aihq.api.inbox.Classification;
import dev.aihq.api.inbox.Interaction;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.store.ShopStore;
import dev.aihq.api.web.WebhookRequest;
import dev.aihq.api.web.WebhookResponse;
import dev.aihq.api.web.WebhookRoute;
import dev.aihq.pipeline.json.SdkJson;
import dev.aihq.pipeline.web.ShopAuthenticator;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * The inbox over HTTP, for a dashboard: two {@code GET} routes the front door mounts, each authenticated per shop
 * like {@code GET /runs/{id}} ({@code X-AIHQ-Signature} or {@code Authorization: Bearer <the shop's secret>}).
 *
 * <ul>
 *   <li>{@code GET /inbox/metrics?shop_id=…&from=2026-03-01&to=2026-03-31}: the {@link InboxMetricsReport} of the
 *       days {@code from} to {@code to} inclusive in the shop's zone, as JSON (durations in seconds).</li>
 *   <li>{@code GET /inbox/queue?shop_id=…&limit=50}: what waits for the shop, the soonest deadline first.</li>
 * </ul>
 * A missing or malformed parameter is a {@code 400} naming it; an unknown shop {@code 404}. Thread-safe.
 */
public final class InboxRoutes {

    /** The metrics route's path. */
    public static final String METRICS_PATH = "/inbox/metrics";

    /** The queue route's path. */
    public static final String QUEUE_PATH = "/inbox/queue";

    private static final int MAX_LIMIT = 500;

    private final Inbox inbox;
    private final ShopStore shops;
    private final ShopAuthenticator authenticator;

    /**
     * Creates the routes.
     *
     * @param inbox the inbox
     * @param shops the shops
     * @param authenticator how shops are authenticated (the front door's)
     */
    public InboxRoutes(Inbox inbox, ShopStore shops, ShopAuthenticator authenticator) {
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.shops = Objects.requireNonNull(shops, "shops");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    }

    /**
     * Returns the two routes.
     *
     * @return the metrics and queue routes
     */
    public List<WebhookRoute> routes() {
        return List.of(route(METRICS_PATH, this::metrics), route(QUEUE_PATH, this::queue));
    }

    private WebhookResponse metrics(Shop shop, Map<String, String> query) {
        LocalDate from;
        LocalDate to;
        try {
            from = LocalDate.parse(required(query, "from"));
            to = LocalDate.parse(required(query, "to"));
        } catch (DateTimeParseException e) {
            return error(400, "from and to must be dates like 2026-03-01");
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage());
        }
        if (to.isBefore(from)) {
            return error(400, "to must not be before from");
        }
        InboxMetricsReport r = inbox.metrics(shop.id(), from.atStartOfDay(shop.zone()).toInstant(),
                to.plusDays(1).atStartOfDay(shop.zone()).toInstant());
        ObjectNode json = SdkJson.mapper().createObjectNode();
        json.put("shop_id", shop.id().value()).put("from", from.toString()).put("to", to.toString())
                .put("interactions", r.interactions());
        ObjectNode response = json.putObject("response_time");
        response.put("answered", r.responseTime().answered());
        seconds(response, "median_seconds", r.responseTime().median());
        seconds(response, "mean_seconds", r.responseTime().mean());
        ObjectNode sla = json.putObject("sla_compliance");
        sla.put("met", r.sla().met()).put("missed", r.sla().missed()).put("pending", r.sla().pending());
        sla.put("share", r.sla().share());
        ObjectNode automation = json.putObject("automation");
        automation.put("draft_as_is", r.automation().draftAsIs()).put("draft_edited", r.automation().draftEdited())
                .put("by_hand", r.automation().byHand());
        automation.put("automated_share", r.automation().automatedShare());
        automation.put("edited_share", r.automation().editedShare());
        automation.put("by_hand_share", r.automation().byHandShare());
        ObjectNode classification = json.putObject("classification_accuracy");
        classification.put("classified", r.classification().classified()).put("reviewed", r.classification()
                .reviewed()).put("corrected", r.classification().corrected());
        classification.put("accuracy", r.classification().accuracy());
        classification.put("reviewed_accuracy", r.classification().reviewedAccuracy());
        ObjectNode conversion = json.putObject("review_conversion");
        conversion.put("answered_negative", r.reviewConversion().answeredNegative())
                .put("raised", r.reviewConversion().raised());
        conversion.put("share", r.reviewConversion().share());
        ObjectNode churn = json.putObject("churn_prevention");
        churn.put("churn_risk_chats", r.churnPrevention().churnRiskChats()).put("linked", r.churnPrevention().linked())
                .put("lost", r.churnPrevention().lost());
        churn.put("share", r.churnPrevention().share());
        return WebhookResponse.json(200, json.toString());
    }

    private WebhookResponse queue(Shop shop, Map<String, String> query) {
        int limit;
        try {
            limit = query.containsKey("limit") ? Integer.parseInt(query.get("limit")) : 50;
        } catch (NumberFormatException e) {
            return error(400, "limit must be a number");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            return error(400, "limit must be 1-" + MAX_LIMIT);
        }
        ArrayNode items = SdkJson.mapper().createArrayNode();
        for (Interaction i : inbox.queue(shop.id(), limit)) {
            ObjectNode item = items.addObject();
            item.put("id", i.id()).put("marketplace", i.marketplace().code()).put("kind", i.kind().wireValue())
                    .put("status", i.status().wireValue());
            item.put("sla_deadline", i.slaDeadline() == null ? null : i.slaDeadline().toString());
            item.put("product_name", i.productName());
            item.put("rating", i.rating());
            item.put("order_ref", i.orderLink() == null ? null : i.orderLink().orderRef());
            Classification c = i.effectiveClassification();
            if (c != null) {
                item.put("intent", c.intent().name()).put("emotion", c.emotion().wireValue())
                        .put("priority", c.priority().wireValue()).put("classified_by", c.source().wireValue());
            }
        }
        ObjectNode json = SdkJson.mapper().createObjectNode();
        json.put("shop_id", shop.id().value());
        json.set("queue", items);
        return WebhookResponse.json(200, json.toString());
    }

    private static void seconds(ObjectNode node, String field, @Nullable Duration value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value.toSeconds());
        }
    }

    private WebhookRoute route(String path, Handler handler) {
        return new WebhookRoute() {
            @Override
            public String method() {
                return "GET";
            }

            @Override
            public String path() {
                return path;
            }

            @Override
            public WebhookResponse handle(WebhookRequest request) {
                Map<String, String> query = query(request.query());
                String shopId = query.get("shop_id");
                if (shopId == null || shopId.isBlank()) {
                    return error(400, "name the shop in the shop_id query parameter");
                }
                ShopId id;
                try {
                    id = ShopId.of(shopId.strip());
                } catch (IllegalArgumentException e) {
                    return error(400, "shop_id is not a valid shop id");
                }
                Shop shop = shops.find(id).orElse(null);
                if (shop == null) {
                    return error(404, "unknown shop");
                }
                WebhookResponse denied = authenticator.authenticate(request, id);
                return denied != null ? denied : handler.handle(shop, query);
            }

            @Override
            public String toString() {
                return "InboxRoute[GET " + path + "]";
            }
        };
    }

    private static String required(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the " + name + " query parameter is required");
        }
        return value.strip();
    }

    private static Map<String, String> query(@Nullable String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(name, value);
        }
        return values;
    }

    private static WebhookResponse error(int status, String message) {
        ObjectNode json = SdkJson.mapper().createObjectNode();
        json.put("error", status == 404 ? "not_found" : "invalid_request").put("message", message);
        return WebhookResponse.json(status, json.toString());
    }

    @FunctionalInterface
    private interface Handler {
        WebhookResponse handle(Shop shop, Map<String, String> query);
    }
}

package dev.aihq.pipeline.web;

import static dev.aihq.pipeline.web.FrontDoorFixture.OTHER_SECRET;
import static dev.aihq.pipeline.web.FrontDoorFixture.SECRET;
import static dev.aihq.pipeline.web.FrontDoorFixture.SHOP;
import static dev.aihq.pipeline.web.FrontDoorFixture.bearer;
import static dev.aihq.pipeline.web.FrontDoorFixture.json;
import static dev.aihq.pipeline.web.FrontDoorFixture.signed;
import static dev.aihq.pipeline.web.FrontDoorFixture.unsigned;
import static dev.aihq.pipeline.web.FrontDoorFixture.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.api.web.WebhookRequest;
import dev.aihq.api.web.WebhookResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests the front door must refuse with a 4xx that names the problem, before anything is journaled
 * or any agent runs.
 */
class MalformedRequestTest {

    private static final String KEY = "probe-key";
    private static final String ITEM = "{\"sku\":\"A-1\",\"name\":\"Чехол\",\"price\":4990,\"quantity\":1}";

    private final FrontDoorFixture fixture = new FrontDoorFixture();
    private final WebhookFrontDoor frontDoor = fixture.frontDoor();

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    /**
     * One malformed request.
     *
     * @param request the request
     * @param status the expected status
     * @param error the expected {@code error} code, or {@code null} when the body has none
     * @param field the field an {@code errors} entry must name, or {@code null}
     * @param fragment text the field's problem (or, without a field, the body) must contain
     */
    record Case(WebhookRequest request, int status, @Nullable String error, @Nullable String field, String fragment) {}

    static Stream<Arguments> cases() {
        byte[] huge = new byte[WebhookFrontDoor.DEFAULT_MAX_BODY_BYTES + 1];
        Arrays.fill(huge, (byte) 'x');
        return Stream.of(
                arguments("malformed JSON", new Case(legal("{\"shop_id\": \"kaspi_123\",\n  \"event_type\": }"),
                        400, "malformed_json", null, "line 2")),
                arguments("duplicate key", new Case(legal("{\"shop_id\":\"kaspi_123\",\"shop_id\":\"kaspi_456\"}"),
                        400, "malformed_json", null, "Duplicate field")),
                arguments("root is an array", new Case(legal("[{\"shop_id\":\"kaspi_123\"}]"),
                        400, "invalid_event", "$", "must be a JSON object, got array")),
                arguments("empty body", new Case(legal(""), 400, "empty_body", null, "body is empty")),
                arguments("body over 1 MiB", new Case(signed("/legal-event", huge, SECRET),
                        413, "payload_too_large", null, "the limit is 1048576")),
                arguments("wrong content type", new Case(signed("/legal-event", "{\"shop_id\":\"kaspi_123\"}", SECRET,
                        "Content-Type", "text/plain"), 415, "unsupported_media_type", null, "text/plain")),
                arguments("JSON not in UTF-8", new Case(signed("/legal-event", "{\"shop_id\":\"kaspi_123\"}", SECRET,
                        "Content-Type", "application/json; charset=ISO-8859-1"), 415, "unsupported_media_type", null,
                        "UTF-8")),
                arguments("wrong method", new Case(bearer("GET", "/legal-event", new byte[0], SECRET),
                        405, "method_not_allowed", null, "use POST")),
                arguments("unknown path", new Case(signed("/legal-events", "{\"shop_id\":\"kaspi_123\"}", SECRET),
                        404, "not_found", null, "/legal-events")),
                arguments("missing shop_id", new Case(legal("{\"event_type\":\"fine\"}"),
                        400, "invalid_event", "shop_id", "is required")),
                arguments("shop_id not a string", new Case(legal("{\"shop_id\":123,\"event_type\":\"fine\"}"),
                        400, "invalid_event", "shop_id", "must be a string, got number 123")),
                arguments("shop_id malformed", new Case(legal("{\"shop_id\":\"kaspi 123\",\"event_type\":\"fine\"}"),
                        400, "invalid_event", "shop_id", "must be 1-64 characters")),
                arguments("unknown shop", new Case(legal("{\"shop_id\":\"kaspi_999\",\"event_type\":\"fine\"}"),
                        404, "unknown_shop", null, "unknown shop 'kaspi_999'")),
                arguments("missing credentials", new Case(unsigned("POST", "/legal-event",
                        utf8("{\"shop_id\":\"kaspi_123\",\"event_type\":\"fine\"}"), "Idempotency-Key", KEY),
                        401, "unauthenticated", null, "credentials are missing")),
                arguments("signature with another shop's secret", new Case(signed("/legal-event",
                        "{\"shop_id\":\"kaspi_123\",\"event_type\":\"fine\"}", OTHER_SECRET, "Idempotency-Key", KEY),
                        401, "unauthenticated", null, "X-HQ-Signature does not match")),
                arguments("wrong bearer token", new Case(bearer("POST", "/legal-event",
                        utf8("{\"shop_id\":\"kaspi_123\",\"event_type\":\"fine\"}"), "not-the-secret",
                        "Idempotency-Key", KEY), 401, "unauthenticated", null, "token in the Authorization header is not")),
                arguments("Authorization with another scheme", new Case(unsigned("POST", "/legal-event",
                        utf8("{\"shop_id\":\"kaspi_123\",\"event_type\":\"fine\"}"), "Authorization",
                        "Basic a2FzcGk6c2VjcmV0", "Idempotency-Key", KEY), 401, "unauthenticated", null,
                        "must be 'Bearer <the shop's webhook secret>'")),
                arguments("unknown legal event_type", new Case(legal(
                        "{\"shop_id\":\"kaspi_123\",\"event_type\":\"penalty\"}"), 400, "invalid_event", "event_type",
                        "must be one of fine, product_block, return, customer_dispute, manual_request, got string"
                                + " \"penalty\"")),
                arguments("unknown finance event_type", new Case(finance(
                        "{\"shop_id\":\"kaspi_123\",\"period\":\"2026-01\",\"event_type\":\"weekly_report\"}"), 400,
                        "invalid_event", "event_type", "must be one of new_sale, monthly_report, manual_request")),
                arguments("bad period", new Case(finance(
                        "{\"shop_id\":\"kaspi_123\",\"period\":\"2026-13\",\"event_type\":\"monthly_report\"}"), 400,
                        "invalid_event", "period", "must be a month (2026-01), a quarter (2026-Q1), a half-year (2026-H1) or a year")),
                arguments("tax_mode not a code", new Case(finance(
                        "{\"shop_id\":\"kaspi_123\",\"period\":\"2026-01\",\"event_type\":\"monthly_report\","
                                + "\"tax_mode\":\"УСН 6%\"}"), 400,
                        "invalid_event", "tax_mode", "must be a tax mode code such as KZ_SIMPLIFIED_DECLARATION or IP_USN")),
                arguments("no items", new Case(purchase("{\"shop_id\":\"kaspi_123\",\"order_id\":\"K-1\"}"),
                        400, "invalid_event", "items", "is required")),
                arguments("items empty", new Case(purchase(
                        "{\"shop_id\":\"kaspi_123\",\"order_id\":\"K-1\",\"items\":[]}"), 400, "invalid_event", "items",
                        "at least one item")),
                arguments("more than 500 items", new Case(purchase(order(String.join(",",
                        java.util.Collections.nCopies(501, ITEM)))), 400, "invalid_event", "items",
                        "at most 500 items, got 501")),
                arguments("item price not a number", new Case(purchase(order(ITEM
                        + ",{\"sku\":\"B\",\"name\":\"Стекло\",\"price\":\"abc\",\"quantity\":1}")), 400, "invalid_event",
                        "items[1].price", "must be a number, got string \"abc\"")),
                arguments("negative price", new Case(purchase(order(
                        "{\"sku\":\"B\",\"name\":\"Стекло\",\"price\":-1,\"quantity\":1}")), 400, "invalid_event",
                        "items[0].price", "must not be negative")),
                arguments("quantity 0", new Case(purchase(order(
                        "{\"sku\":\"B\",\"name\":\"Стекло\",\"price\":1,\"quantity\":0}")), 400, "invalid_event",
                        "items[0].quantity", "must be at least 1")),
                arguments("quantity not an integer", new Case(purchase(order(
                        "{\"sku\":\"B\",\"name\":\"Стекло\",\"price\":1,\"quantity\":1.5}")), 400, "invalid_event",
                        "items[0].quantity", "must be an integer, got number 1.5")),
                arguments("bad currency code", new Case(purchase(
                        "{\"shop_id\":\"kaspi_123\",\"order_id\":\"K-1\",\"currency\":\"TENGE\",\"items\":[" + ITEM + "]}"),
                        400, "invalid_event", "currency", "ISO 4217")),
                arguments("bad phone number", new Case(purchase(
                        "{\"shop_id\":\"kaspi_123\",\"order_id\":\"K-1\",\"customer_whatsapp\":\"12345\",\"items\":["
                                + ITEM + "]}"), 400, "invalid_event", "customer_whatsapp", "is not a phone number")),
                arguments("bad occurred_at", new Case(purchase(
                        "{\"shop_id\":\"kaspi_123\",\"order_id\":\"K-1\",\"occurred_at\":\"2026-03-02 11:00\",\"items\":["
                                + ITEM + "]}"), 400, "invalid_event", "occurred_at", "ISO-8601 date-time with an offset")),
                arguments("bad dates entry", new Case(legal(
                        "{\"shop_id\":\"kaspi_123\",\"event_type\":\"fine\",\"dates\":{\"notice_at\":\"10.03.2026\"}}"),
                        400, "invalid_event", "dates.notice_at", "must be a date yyyy-MM-dd or an ISO-8601 date-time")),
                arguments("documents not an array", new Case(legal(
                        "{\"shop_id\":\"kaspi_123\",\"event_type\":\"fine\",\"documents\":\"fine_notice.pdf\"}"),
                        400, "invalid_event", "documents", "must be an array of file names or {name, text} objects")),
                arguments("document neither name nor object", new Case(legal(
                        "{\"shop_id\":\"kaspi_123\",\"event_type\":\"fine\",\"documents\":[\"a.pdf\",42]}"),
                        400, "invalid_event", "documents[1]", "got number 42")),
                arguments("amount value not a number", new Case(legal(
                        "{\"shop_id\":\"kaspi_123\",\"event_type\":\"fine\",\"amount\":{\"value\":\"12abc\"}}"),
                        400, "invalid_event", "amount.value", "must be a number")),
                arguments("unknown business type", new Case(legal(
                        "{\"shop_id\":\"kaspi_123\",\"event_type\":\"fine\",\"business_type\":\"АО\"}"),
                        400, "invalid_event", "business_type", "must be one of ИП, ТОО, ООО")),
                arguments("Idempotency-Key header and field differ", new Case(signed("/legal-event",
                        "{\"shop_id\":\"kaspi_123\",\"event_type\":\"fine\",\"idempotency_key\":\"other-key\"}", SECRET,
                        "Idempotency-Key", KEY), 400, "invalid_event", "idempotency_key",
                        "differs from the Idempotency-Key header")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void should_answer_4xx_naming_the_problem_and_store_nothing_when_the_request_is_malformed(String name,
            Case c) {
        // when
        WebhookResponse response = frontDoor.handle(c.request());

        // then
        assertThat(response.status()).as(response.bodyText()).isEqualTo(c.status());
        JsonNode body = json(response);
        if (c.error() != null) {
            assertThat(body.path("error").asText()).isEqualTo(c.error());
        }
        if (c.field() != null) {
            List<String> problems = new ArrayList<>();
            body.path("errors").forEach(e -> {
                if (e.path("field").asText().equals(c.field())) {
                    problems.add(e.path("problem").asText());
                }
            });
            assertThat(problems).as(response.bodyText()).anySatisfy(p -> assertThat(p).contains(c.fragment()));
            assertThat(body.path("message").asText()).contains(c.field());
        } else {
            assertThat(body.path("message").asText() + body.path("reason").asText()).contains(c.fragment());
        }
        if (c.status() == 405) {
            assertThat(response.headers()).containsEntry("Allow", "POST");
        }
        if (c.status() == 401) {
            assertThat(response.headers()).containsKey("WWW-Authenticate");
        }
        assertNothingStored();
    }

    @Test
    void should_report_every_bad_field_in_one_answer_when_several_fields_are_wrong() {
        // given
        String body = "{\"shop_id\":\"kaspi_123\",\"order_id\":{\"n\":1},\"currency\":\"KZ\",\"items\":["
                + "{\"sku\":\"A\",\"name\":\"Чехол\",\"price\":\"abc\",\"quantity\":1},"
                + "{\"sku\":\"B\",\"name\":\" \",\"price\":10,\"quantity\":0},"
                + "{\"name\":\"Стекло\",\"price\":10,\"quantity\":1}],"
                + "\"customer_whatsapp\":\"12345\",\"occurred_at\":\"yesterday\",\"trigger\":\"Order Accepted!\"}";

        // when
        WebhookResponse response = frontDoor.handle(purchase(body));

        // then
        assertThat(response.status()).isEqualTo(400);
        JsonNode answer = json(response);
        List<String> fields = new ArrayList<>();
        answer.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("order_id", "currency", "items[0].price", "items[1].name",
                "items[1].quantity", "items[2].sku", "customer_whatsapp", "occurred_at", "trigger");
        assertThat(answer.get("message").asText()).startsWith("invalid purchase event: ");
        assertNothingStored();
    }

    @Test
    void should_name_line_and_column_when_the_json_is_malformed() {
        // when
        WebhookResponse response = frontDoor.handle(legal("{\n  \"shop_id\": \"kaspi_123\"\n  \"event_type\": \"fine\"\n}"));

        // then
        assertThat(response.status()).isEqualTo(400);
        JsonNode answer = json(response);
        assertThat(answer.get("line").asInt()).isEqualTo(3);
        assertThat(answer.get("column").asInt()).isPositive();
        assertThat(answer.get("message").asText()).contains("line 3");
    }

    private void assertNothingStored() {
        assertThat(fixture.stores.journal().size()).isZero();
        assertThat(fixture.stores.journal().find(SHOP, KEY)).isEmpty();
        assertThat(fixture.stores.journal().find(SHOP, "other-key")).isEmpty();
        assertThat(fixture.stores.runLog().recent(SHOP, 10)).isEmpty();
        assertThat(fixture.recorded).isEmpty();
        assertThat(fixture.agentRuns).hasValue(0);
    }

    private static WebhookRequest legal(String body) {
        return signed("/legal-event", body, SECRET, "Idempotency-Key", KEY);
    }

    private static WebhookRequest finance(String body) {
        return signed("/finance-event", body, SECRET, "Idempotency-Key", KEY);
    }

    private static WebhookRequest purchase(String body) {
        return signed("/purchase-event", body, SECRET, "Idempotency-Key", KEY);
    }

    private static String order(String items) {
        return "{\"shop_id\":\"kaspi_123\",\"order_id\":\"K-1\",\"items\":[" + items + "]}";
    }

    private static Arguments arguments(String name, Case c) {
        return Arguments.of(name, c);
    }
}

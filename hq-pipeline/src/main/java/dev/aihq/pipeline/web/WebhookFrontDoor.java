package dev.aihq.pipeline.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aihq.api.ShopId;
import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.error.FieldError;
import dev.aihq.api.error.InvalidEventException;
import dev.aihq.api.error.StoreException;
import dev.aihq.api.event.FinanceEvent;
import dev.aihq.api.event.HqEvent;
import dev.aihq.api.event.LegalEvent;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.result.RunId;
import dev.aihq.api.result.RunOutcome;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.store.CatalogStore;
import dev.aihq.api.store.RunLog;
import dev.aihq.api.store.RunRecord;
import dev.aihq.api.store.ShopStore;
import dev.aihq.api.web.WebhookRequest;
import dev.aihq.api.web.WebhookResponse;
import dev.aihq.api.web.WebhookRoute;
import dev.aihq.http.JsonFormatException;
import dev.aihq.http.Masking;
import dev.aihq.pipeline.AgentPipeline;
import dev.aihq.pipeline.Submission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook front door: one framework-agnostic {@link #handle(WebhookRequest)} that integrators mount
 * in any HTTP server (the JDK's {@code HttpServer}, a servlet, Spring, Javalin …) by copying method,
 * path, query, headers and the raw body into a {@link WebhookRequest} and the {@link WebhookResponse}
 * back. It serves the SDK's own endpoints and dispatches every other path to the {@link WebhookRoute}s
 * that connectors and channels contribute. It never holds a call open while a model thinks: an event is
 * validated, journaled and answered {@code 202 Accepted} with a run id at once, unless the caller asks
 * to wait.
 *
 * <h2>Endpoints</h2>
 *
 * <p>Bodies are JSON objects with snake_case fields, at most {@link Builder#maxBodyBytes(int)} bytes
 * (1 MiB by default), {@code Content-Type: application/json} (or none). Unknown fields are ignored.
 *
 * <p><b>{@code POST /purchase-event}</b> (the sales agent's purchase trigger), full form:
 * <pre>{@code
 * {"shop_id": "kaspi_123", "order_id": "512345678",
 *  "items": [{"sku": "PHN-A55", "name": "Смартфон", "price": 189990, "quantity": 1}],
 *  "currency": "KZT", "customer_whatsapp": "+7 701 123 45 67",
 *  "occurred_at": "2026-03-02T11:00:00+05:00", "trigger": "order_accepted", "idempotency_key": "…"}
 * }</pre>
 * {@code order_id} and {@code sku} are strings or integers; {@code items} holds 1–500 lines; {@code price}
 * is a number or a numeric string, at least 0, kept exact; {@code quantity} an integer of at least 1;
 * {@code currency} (optional, an ISO 4217 code, default the shop's) applies to every line (a line's own
 * {@code currency}, if given, must equal it); {@code customer_whatsapp} is optional, and a masked
 * ({@code +0(000)-…}, {@code *}) or all-zero number means "no contact"; {@code occurred_at} is optional
 * ISO-8601 with an offset (default: when the request arrived); {@code trigger} is optional snake_case
 * ({@code order_accepted}, {@code order_delivered}, other values kept as sent).
 *
 * <p>The seed's one-product form is accepted too, recognised by {@code product} without {@code items}:
 * <pre>{@code
 * {"shop_id": "kaspi_123", "product": "Мужской шампунь", "price": 4990, "order_number": "KSP-1",
 *  "whatsapp": "87011234567"}
 * }</pre>
 * It becomes one line of quantity 1 in the shop's currency with trigger {@code order_accepted} (the seed's
 * "оформление заказа"). The line's SKU is the {@code sku} field when given; otherwise the SKU of the
 * catalog product with exactly this name when a {@link Builder#catalog(CatalogStore) catalog} is
 * configured (the first by SKU if several share the name); otherwise {@code name:} followed by the
 * first 16 hex digits of the SHA-256 of the name's UTF-8 bytes, so the same product always gets the
 * same SKU. {@code order_id}, {@code customer_whatsapp}, {@code currency}, {@code trigger},
 * {@code occurred_at} and {@code idempotency_key} are accepted in this form as well.
 *
 * <p><b>{@code POST /legal-event}</b>, the seed's body exactly as written, plus optional fields:
 * <pre>{@code
 * {"shop_id": "kaspi_123", "event_type": "fine", "order_id": "KSP-556677",
 *  "product_name": "Мужской шампунь", "fine_reason": "Нарушение сроков доставки",
 *  "documents": ["fine_notice.pdf", {"name": "kaspi_message.txt", "text": "…"}],
 *  "marketplace": "kaspi", "country": "KZ", "business_type": "ИП",
 *  "amount": {"value": "289990", "currency": "KZT"},
 *  "measure": {"type": "disconnection", "days": 7, "from": "2026-03-10", "to": "2026-03-17"},
 *  "stats": {"orders_30d": 100}, "dates": {"notice_at": "2026-03-10T09:00+05:00", "ordered_at": "2026-02-18"},
 *  "delivery": {"type": "city", "return_act_damage_mark": false}}
 * }</pre>
 * {@code event_type} is one of {@code fine}, {@code product_block}, {@code return},
 * {@code customer_dispute}, {@code manual_request}. {@code order_id}, {@code product_name} and
 * {@code fine_reason} may be {@code null} (an empty string counts as {@code null}). {@code documents} mixes file names and {@code {name, text}}
 * objects. {@code marketplace} is {@code kaspi}, {@code wildberries} (or {@code wb}) or {@code ozon};
 * {@code country} {@code KZ} or {@code RU}; {@code business_type} {@code ИП}, {@code ТОО} or {@code ООО}.
 * {@code amount} is {@code null}, a number, a numeric string, or {@code {value, currency}} (value a number
 * or a string; without a currency the shop's). {@code stats} holds numbers; {@code dates} holds
 * {@code yyyy-MM-dd} days or ISO-8601 date-times with an offset. Every field but {@code shop_id} and
 * {@code event_type} is optional.
 *
 * <p><b>{@code POST /finance-event}</b>, the seed's body exactly as written:
 * <pre>{@code
 * {"shop_id": "kaspi_123", "period": "2026-01", "event_type": "monthly_report", "order_id": "KSP-1"}
 * }</pre>
 * {@code event_type} is {@code new_sale}, {@code monthly_report} or {@code manual_request};
 * {@code period} is a month ({@code 2026-01}), a quarter ({@code 2026-Q1}) or a year ({@code 2026}) and
 * may be left out for a {@code new_sale} (the month of {@code occurred_at} in the shop's zone);
 * {@code order_id} is optional.
 *
 * <p><b>Idempotency.</b> The key is the {@code Idempotency-Key} header or the {@code idempotency_key}
 * field (both only with the same value). Without one the event derives it: {@code purchase:<order
 * id>:<trigger>}, {@code legal.<type>:<order id>:<digest of product and reason>},
 * {@code finance.<type>:<period>[:<order id>]}; a {@code manual_request} is never deduplicated unless
 * keyed. The same shop and key again is answered as a duplicate of the first run; nothing runs twice.
 *
 * <p><b>{@code GET /runs/{id}}</b> answers a run's status and result (see {@link RunView}) for the shop
 * named by the {@code X-HQ-Shop-Id} header or the {@code shop_id} query parameter; a run of another
 * shop is {@code 404}, like an unknown one.
 *
 * <p><b>Any other path</b> goes to the contributed {@link WebhookRoute} with the same method and exact
 * path, which gets the raw request and owns its authentication and reply; a known path with another
 * method is {@code 405} with {@code Allow}; an unknown path is {@code 404}.
 *
 * <h2>Authentication</h2>
 *
 * <p>The three event endpoints and {@code GET /runs/{id}} authenticate per shop with the secret from
 * the {@link WebhookSecretProvider}: either {@code X-HQ-Signature: sha256=<lower-case hex HMAC-SHA256 of
 * the raw body bytes>} ({@link WebhookSignature}; a {@code GET} signs its empty body) or
 * {@code Authorization: Bearer <the shop's secret>}. When the signature header is present it decides;
 * comparisons take constant time. Missing or wrong credentials are {@code 401} with
 * {@code WWW-Authenticate}.
 *
 * <p>A {@code POST} is checked in this order, and the first failure answers: method ({@code 405}) →
 * {@code Content-Type} ({@code 415}) → size ({@code 413}, the body is never parsed) → empty body
 * ({@code 400}) → well-formed JSON ({@code 400} naming line and column) → a JSON object ({@code 400}) →
 * {@code shop_id} ({@code 400}) → known shop ({@code 404}, nothing stored) → credentials ({@code 401}) →
 * a pipeline for the endpoint ({@code 422}, no run) → every field ({@code 400} listing all bad fields at
 * once) → the pipeline's shop gate and journal. Until the journal, nothing is stored.
 *
 * <h2>Answers</h2>
 *
 * <table>
 *   <caption>HTTP status of each answer</caption>
 *   <tr><th>situation</th><th>status</th><th>body</th></tr>
 *   <tr><td>accepted, no {@code Prefer: wait} (or the run did not end in time)</td><td>202 Accepted,
 *       {@code Location: /runs/<id>}</td><td>{@code {"run_id","status":"IN_PROGRESS","status_url"}}</td></tr>
 *   <tr><td>accepted with {@code Prefer: wait=N} and ended within N s (capped by
 *       {@link Builder#maxWait(Duration)}) as SENT, COMPLETED, SCHEDULED, HELD_FOR_REVIEW or FAILED</td>
 *       <td>200 OK, {@code Preference-Applied}</td><td>run view ({@link RunView})</td></tr>
 *   <tr><td>ended within the wait as REJECTED (e.g. by the delivery)</td><td>422</td><td>run view</td></tr>
 *   <tr><td>duplicate (same shop and key as an earlier event)</td><td>200 OK</td><td>run view of the first
 *       run plus {@code "duplicate": true}; {@code status} {@code IN_PROGRESS} while it runs (with
 *       {@code Prefer: wait} the first run is waited for)</td></tr>
 *   <tr><td>rejected at the pipeline's gate (inactive shop, agent not available)</td><td>422</td>
 *       <td>run view with {@code outcome} REJECTED and {@code reason}</td></tr>
 *   <tr><td>no pipeline configured for the endpoint</td><td>422</td>
 *       <td>{@code {"outcome":"REJECTED","reason":"no pipeline is configured for legal events"}}</td></tr>
 *   <tr><td>unknown shop</td><td>404</td>
 *       <td>{@code {"outcome":"REJECTED","error":"unknown_shop","reason":"unknown shop 'x'"}}</td></tr>
 *   <tr><td>bad fields, missing or bad {@code shop_id}, body not an object</td><td>400</td>
 *       <td>{@code {"error":"invalid_event","message","errors":[{"field","problem"}]}}</td></tr>
 *   <tr><td>malformed JSON</td><td>400</td><td>{@code {"error":"malformed_json","message","line","column"}}</td></tr>
 *   <tr><td>empty body</td><td>400</td><td>{@code {"error":"empty_body","message"}}</td></tr>
 *   <tr><td>missing or wrong credentials</td><td>401, {@code WWW-Authenticate}</td>
 *       <td>{@code {"error":"unauthenticated","message"}}</td></tr>
 *   <tr><td>unknown path; unknown run or another shop's</td><td>404</td>
 *       <td>{@code {"error":"not_found"|"run_not_found","message"}}</td></tr>
 *   <tr><td>wrong method</td><td>405, {@code Allow}</td><td>{@code {"error":"method_not_allowed","message"}}</td></tr>
 *   <tr><td>body too large</td><td>413</td><td>{@code {"error":"payload_too_large","message"}}</td></tr>
 *   <tr><td>{@code Content-Type} not JSON or not UTF-8</td><td>415</td>
 *       <td>{@code {"error":"unsupported_media_type","message"}}</td></tr>
 *   <tr><td>a store failed ({@link StoreException}, nothing was stored), or the pipeline is stopped</td>
 *       <td>503, {@code Retry-After: 5}</td><td>{@code {"error":"unavailable","message"}}</td></tr>
 *   <tr><td>an unexpected failure (logged at ERROR)</td><td>500</td><td>{@code {"error":"internal_error"}}</td></tr>
 * </table>
 *
 * <p>A run that ended FAILED is still {@code 200}: the event was accepted and sending it again would
 * only be a duplicate. Error messages never contain secrets or full phone numbers; a field's problem
 * quotes its value only when the value is short and not a phone number.
 *
 * <p>Thread-safe; build it once and share it. The pipelines must be started and should use the same
 * shop store and run log as the front door.
 */
public final class WebhookFrontDoor {

    /** The purchase endpoint's path. */
    public static final String PURCHASE_EVENT_PATH = "/purchase-event";
    /** The legal endpoint's path. */
    public static final String LEGAL_EVENT_PATH = "/legal-event";
    /** The finance endpoint's path. */
    public static final String FINANCE_EVENT_PATH = "/finance-event";
    /** The prefix of run status paths, {@code /runs/{id}}. */
    public static final String RUNS_PATH_PREFIX = "/runs/";
    /** The header naming the shop on {@code GET /runs/{id}}. */
    public static final String SHOP_HEADER = "X-HQ-Shop-Id";
    /** The default body limit: 1 MiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1_048_576;
    /** The default cap of {@code Prefer: wait}. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(60);
    /** The {@code Retry-After} of a {@code 503}, in seconds. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(WebhookFrontDoor.class);

    private final ShopStore shops;
    private final RunLog runLog;
    private final WebhookSecretProvider secrets;
    private final @Nullable CatalogStore catalog;
    private final Clock clock;
    private final int maxBodyBytes;
    private final Duration maxWait;
    private final String basePath;
    private final ShopAuthenticator authenticator;
    private final SubmissionResponder responder;
    private final Map<String, Endpoint<?>> endpoints;
    private final Map<String, Map<String, WebhookRoute>> routes;

    private WebhookFrontDoor(Builder b, Map<String, Map<String, WebhookRoute>> routes) {
        this.shops = Objects.requireNonNull(b.shops);
        this.runLog = Objects.requireNonNull(b.runLog);
        this.secrets = Objects.requireNonNull(b.secrets);
        this.catalog = b.catalog;
        this.clock = b.clock;
        this.maxBodyBytes = b.maxBodyBytes;
        this.maxWait = b.maxWait;
        this.basePath = b.basePath;
        this.authenticator = new ShopAuthenticator(secrets);
        this.responder = new SubmissionResponder(runLog, maxWait, basePath);
        Map<String, Endpoint<?>> e = new LinkedHashMap<>();
        e.put(PURCHASE_EVENT_PATH, new Endpoint<>("purchase", new PurchaseEventDecoder(), b.purchases));
        e.put(LEGAL_EVENT_PATH, new Endpoint<>("legal", new LegalEventDecoder(), b.legal));
        e.put(FINANCE_EVENT_PATH, new Endpoint<>("finance", new FinanceEventDecoder(), b.finance));
        this.endpoints = Map.copyOf(e);
        this.routes = routes;
    }

    /**
     * Starts a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Answers one HTTP request. Never throws for anything a caller sends; see the type's description for
     * the endpoints and the status of each answer.
     *
     * @param request the request as the server received it
     * @return the response to send
     */
    public WebhookResponse handle(WebhookRequest request) {
        Objects.requireNonNull(request, "request");
        try {
            return dispatch(request);
        } catch (StoreException e) {
            LOG.warn("{} {} answered 503: a store failed: {}", request.method(), Answers.abbreviate(request.path()),
                    Masking.maskText(String.valueOf(e.getMessage())));
            return Answers.unavailable("a store is unavailable; nothing was stored, send the request again",
                    RETRY_AFTER_SECONDS);
        } catch (RuntimeException e) {
            LOG.error("{} {} failed unexpectedly", request.method(), Answers.abbreviate(request.path()), e);
            return Answers.internalError();
        }
    }

    private WebhookResponse dispatch(WebhookRequest request) {
        String path = request.path();
        Endpoint<?> endpoint = endpoints.get(path);
        if (endpoint != null) {
            return handleEvent(request, endpoint);
        }
        if (path.startsWith(RUNS_PATH_PREFIX) && path.length() > RUNS_PATH_PREFIX.length()
                && path.indexOf('/', RUNS_PATH_PREFIX.length()) < 0) {
            return handleRunStatus(request, path.substring(RUNS_PATH_PREFIX.length()));
        }
        Map<String, WebhookRoute> byMethod = routes.get(path);
        if (byMethod == null) {
            return Answers.notFound(path);
        }
        WebhookRoute route = byMethod.get(request.method());
        if (route == null) {
            return Answers.methodNotAllowed(request.method(), path, String.join(", ", byMethod.keySet()));
        }
        WebhookResponse response = route.handle(request);
        if (response == null) {
            throw new IllegalStateException("route " + route.getClass().getName() + " for " + request.method() + " "
                    + path + " returned no response");
        }
        return response;
    }

    // ---------------------------------------------------------------- event endpoints

    private <E extends HqEvent> WebhookResponse handleEvent(WebhookRequest request, Endpoint<E> endpoint) {
        if (!request.method().equals("POST")) {
            return Answers.methodNotAllowed(request.method(), request.path(), "POST");
        }
        WebhookResponse refused = checkContentType(request);
        if (refused != null) {
            return refused;
        }
        byte[] body = request.body();
        if (body.length > maxBodyBytes) {
            return Answers.error(413, "payload_too_large", "the body has " + body.length + " bytes; the limit is "
                    + maxBodyBytes);
        }
        if (isBlank(body)) {
            return Answers.error(400, "empty_body", "the request body is empty; send a JSON object");
        }
        Instant receivedAt = clock.instant();
        long parseStart = System.nanoTime();
        JsonNode root;
        try {
            root = Json.readTree(body);
        } catch (JsonFormatException e) {
            ObjectNode answer = Json.object();
            answer.put("error", "malformed_json");
            answer.put("message", Masking.maskText(malformedMessage(e)));
            answer.put("line", e.line());
            answer.put("column", e.column());
            return Answers.json(400, answer);
        }
        long parseNanos = System.nanoTime() - parseStart;
        String what = endpoint.label() + " event";
        if (!root.isObject()) {
            return Answers.invalidEvent(what, List.of(new FieldError("$", "must be a JSON object, got "
                    + FieldReader.kind(root))));
        }
        ObjectNode object = (ObjectNode) root;
        FieldReader reader = new FieldReader();
        ShopId shopId = shopId(object, reader);
        if (shopId == null) {
            return Answers.invalidEvent(what, reader.errors());
        }
        Optional<Shop> shop = shops.find(shopId);
        if (shop.isEmpty()) {
            ObjectNode answer = Json.object();
            answer.put("outcome", RunOutcome.REJECTED.name());
            answer.put("error", "unknown_shop");
            answer.put("reason", "unknown shop '" + Answers.abbreviate(shopId.value()) + "'");
            return Answers.json(404, answer);
        }
        WebhookResponse denied = authenticator.authenticate(request, shopId);
        if (denied != null) {
            return denied;
        }
        AgentPipeline<E, ?, ?> pipeline = endpoint.pipeline();
        if (pipeline == null) {
            return Answers.rejectedWithoutRun("no pipeline is configured for " + endpoint.label() + " events");
        }
        if (!pipeline.isRunning()) {
            return notRunning(endpoint);
        }
        long decodeStart = System.nanoTime();
        E event;
        try {
            event = endpoint.decoder().decode(object, new EventDecoder.Context(shop.get(), receivedAt,
                    request.header(EventDecoder.IDEMPOTENCY_HEADER).orElse(null), catalog));
        } catch (InvalidEventException e) {
            LOG.debug("{} for shop {} refused: {}", request.path(), shopId, e.getMessage());
            return Answers.invalidEvent(what, e.errors());
        }
        Duration decodeTime = Duration.ofNanos(parseNanos + System.nanoTime() - decodeStart);
        Submission submission;
        try {
            submission = pipeline.submit(event, decodeTime);
        } catch (StoreException e) {
            LOG.warn("{} for shop {} answered 503: the journal failed: {}", request.path(), shopId,
                    Masking.maskText(String.valueOf(e.getMessage())));
            return Answers.unavailable("the event could not be journaled; nothing was stored, send it again",
                    RETRY_AFTER_SECONDS);
        } catch (IllegalStateException e) {
            if (!pipeline.isRunning()) {
                return notRunning(endpoint);
            }
            throw e;
        }
        return responder.answer(request, submission, event, pipeline.name());
    }

    private static WebhookResponse notRunning(Endpoint<?> endpoint) {
        return Answers.unavailable("the " + endpoint.label() + " pipeline is not running; send the event again later",
                RETRY_AFTER_SECONDS);
    }

    private static @Nullable WebhookResponse checkContentType(WebhookRequest request) {
        Optional<String> header = request.header("Content-Type").filter(v -> !v.isBlank());
        if (header.isEmpty()) {
            return null;
        }
        String[] parts = header.get().split(";");
        String media = parts[0].strip().toLowerCase(Locale.ROOT);
        boolean json = media.equals("application/json")
                || media.startsWith("application/") && media.endsWith("+json");
        if (!json) {
            return Answers.error(415, "unsupported_media_type", "Content-Type must be application/json, got '"
                    + Answers.abbreviate(media) + "'").withHeader("Accept-Post", "application/json");
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            int eq = parameter.indexOf('=');
            if (eq < 0 || !parameter.substring(0, eq).strip().equalsIgnoreCase("charset")) {
                continue;
            }
            String charset = parameter.substring(eq + 1).strip().replace("\"", "").toLowerCase(Locale.ROOT);
            if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                return Answers.error(415, "unsupported_media_type", "JSON must be UTF-8, got charset '"
                        + Answers.abbreviate(charset) + "'").withHeader("Accept-Post", "application/json");
            }
        }
        return null;
    }

    private static @Nullable ShopId shopId(ObjectNode body, FieldReader reader) {
        JsonNode value = reader.required(body, "shop_id", "shop_id");
        if (value == null) {
            return null;
        }
        String text = reader.string(value, "shop_id");
        if (text == null) {
            return null;
        }
        try {
            return ShopId.of(text.strip());
        } catch (IllegalArgumentException e) {
            reader.error("shop_id", "must be 1-64 characters of letters, digits, '_', '-', '.' or ':', got "
                    + FieldReader.describe(value));
            return null;
        }
    }

    /** "the body is not well-formed JSON at line 2, column 16 ($.event_type): expected a value". */
    private static String malformedMessage(JsonFormatException e) {
        String message = String.valueOf(e.getMessage());
        if (e.line() <= 0) {
            return "the body is not well-formed JSON: " + message;
        }
        int cut = message.indexOf("): ");
        String problem = cut < 0 ? message : message.substring(cut + 3);
        String near = e.path().equals("$") ? "" : " (" + e.path() + ")";
        return "the body is not well-formed JSON at line " + e.line() + ", column " + e.column() + near + ": "
                + problem.replaceFirst("^not well-formed JSON: ", "");
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- GET /runs/{id}

    private WebhookResponse handleRunStatus(WebhookRequest request, String id) {
        if (!request.method().equals("GET")) {
            return Answers.methodNotAllowed(request.method(), request.path(), "GET");
        }
        Optional<String> named = request.header(SHOP_HEADER).filter(v -> !v.isBlank())
                .or(() -> request.queryParameter("shop_id").filter(v -> !v.isBlank()));
        if (named.isEmpty()) {
            return Answers.error(400, "invalid_request", "name the shop in the " + SHOP_HEADER
                    + " header or the shop_id query parameter");
        }
        ShopId shopId;
        try {
            shopId = ShopId.of(named.get().strip());
        } catch (IllegalArgumentException e) {
            return Answers.error(400, "invalid_request", "the shop id must be 1-64 characters of letters, digits,"
                    + " '_', '-', '.' or ':'");
        }
        if (shops.find(shopId).isEmpty()) {
            return Answers.error(404, "unknown_shop", "unknown shop '" + Answers.abbreviate(shopId.value()) + "'");
        }
        WebhookResponse denied = authenticator.authenticate(request, shopId);
        if (denied != null) {
            return denied;
        }
        Optional<RunRecord> record;
        try {
            record = runLog.find(shopId, RunId.of(id));
        } catch (IllegalArgumentException e) {
            record = Optional.empty();
        }
        if (record.isEmpty()) {
            return Answers.error(404, "run_not_found", "shop '" + Answers.abbreviate(shopId.value())
                    + "' has no run with this id");
        }
        return Answers.json(200, RunView.toNode(record.get()));
    }


    /** One of the SDK's event endpoints. */
    private record Endpoint<E extends HqEvent>(
            String label, EventDecoder<E> decoder, @Nullable AgentPipeline<E, ?, ?> pipeline) {}

    /**
     * Returns how this front door authenticates shops, for contributed routes that speak for shops.
     *
     * @return the authenticator
     */
    public ShopAuthenticator authenticator() {
        return authenticator;
    }

    /**
     * Returns how this front door answers submitted events, for contributed routes that submit events.
     *
     * @return the responder
     */
    public SubmissionResponder responder() {
        return responder;
    }

    /**
     * Builds a {@link WebhookFrontDoor}. Required: {@link #shops(ShopStore)}, {@link #runLog(RunLog)} and
     * {@link #secrets(WebhookSecretProvider)}; everything else is optional. {@link #build()} reports every
     * missing or inconsistent part at once. Not thread-safe.
     */
    public static final class Builder {
        private @Nullable ShopStore shops;
        private @Nullable RunLog runLog;
        private @Nullable WebhookSecretProvider secrets;
        private @Nullable AgentPipeline<PurchaseEvent, ?, ?> purchases;
        private @Nullable AgentPipeline<LegalEvent, ?, ?> legal;
        private @Nullable AgentPipeline<FinanceEvent, ?, ?> finance;
        private final List<WebhookRoute> routes = new ArrayList<>();
        private @Nullable CatalogStore catalog;
        private Clock clock = Clock.systemUTC();
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private @Nullable Duration maxWait = DEFAULT_MAX_WAIT;
        private String basePath = "";

        private Builder() {}

        /**
         * Sets the shop store (required), which decides whether a {@code shop_id} is known.
         *
         * @param shops the store
         * @return this builder
         */
        public Builder shops(ShopStore shops) {
            this.shops = shops;
            return this;
        }

        /**
         * Sets the run log (required), which {@code GET /runs/{id}} reads.
         *
         * @param runLog the run log
         * @return this builder
         */
        public Builder runLog(RunLog runLog) {
            this.runLog = runLog;
            return this;
        }

        /**
         * Sets where each shop's webhook secret comes from (required).
         *
         * @param secrets the provider
         * @return this builder
         */
        public Builder secrets(WebhookSecretProvider secrets) {
            this.secrets = secrets;
            return this;
        }

        /**
         * Sets the pipeline behind {@code POST /purchase-event}; without one the endpoint answers
         * {@code 422} without a run.
         *
         * @param pipeline the sales pipeline
         * @return this builder
         */
        public Builder purchases(AgentPipeline<PurchaseEvent, ?, ?> pipeline) {
            this.purchases = pipeline;
            return this;
        }

        /**
         * Sets the pipeline behind {@code POST /legal-event}; without one the endpoint answers {@code 422}
         * without a run.
         *
         * @param pipeline the legal pipeline
         * @return this builder
         */
        public Builder legal(AgentPipeline<LegalEvent, ?, ?> pipeline) {
            this.legal = pipeline;
            return this;
        }

        /**
         * Sets the pipeline behind {@code POST /finance-event}; without one the endpoint answers
         * {@code 422} without a run.
         *
         * @param pipeline the accounting pipeline
         * @return this builder
         */
        public Builder finance(AgentPipeline<FinanceEvent, ?, ?> pipeline) {
            this.finance = pipeline;
            return this;
        }

        /**
         * Mounts a route a connector or channel contributes. Each method and path may be mounted once,
         * and not on the SDK's own paths.
         *
         * @param route the route
         * @return this builder
         */
        public Builder route(WebhookRoute route) {
            routes.add(Objects.requireNonNull(route, "route"));
            return this;
        }

        /**
         * Mounts several routes; see {@link #route(WebhookRoute)}.
         *
         * @param routes the routes
         * @return this builder
         */
        public Builder routes(List<? extends WebhookRoute> routes) {
            routes.forEach(this::route);
            return this;
        }

        /**
         * Sets the catalog the one-product purchase form looks SKUs up in by product name; optional.
         *
         * @param catalog the catalog
         * @return this builder
         */
        public Builder catalog(CatalogStore catalog) {
            this.catalog = catalog;
            return this;
        }

        /**
         * Sets the clock that stamps when a request arrived (the default {@code occurred_at}); default
         * the system UTC clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the largest body accepted, in bytes; default {@value WebhookFrontDoor#DEFAULT_MAX_BODY_BYTES}
         * (1 MiB). Larger bodies are answered {@code 413} without being parsed. Servers should enforce a
         * limit too, so that a huge body is not read into memory at all.
         *
         * @param maxBodyBytes the limit, at least 1
         * @return this builder
         */
        public Builder maxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /**
         * Sets the longest wait granted to {@code Prefer: wait=N}; default 60 s. {@link Duration#ZERO}
         * turns waiting off. A waiting request holds its server thread.
         *
         * @param maxWait the cap, not negative
         * @return this builder
         */
        public Builder maxWait(Duration maxWait) {
            this.maxWait = maxWait;
            return this;
        }

        /**
         * Sets the prefix of the links the front door answers with ({@code status_url}, {@code Location}),
         * for servers that mount it below a path and strip that path before calling
         * {@link WebhookFrontDoor#handle(WebhookRequest)}; default none.
         *
         * @param basePath e.g. {@code /hq}: starts with {@code /}, does not end with one
         * @return this builder
         */
        public Builder basePath(String basePath) {
            this.basePath = Objects.requireNonNull(basePath, "basePath");
            return this;
        }

        /**
         * Builds the front door.
         *
         * @return the front door
         * @throws ConfigurationException listing every missing or inconsistent part
         */
        public WebhookFrontDoor build() {
            List<String> problems = new ArrayList<>();
            if (shops == null) {
                problems.add("shops (a ShopStore) is missing");
            }
            if (runLog == null) {
                problems.add("runLog (a RunLog) is missing");
            }
            if (secrets == null) {
                problems.add("secrets (a WebhookSecretProvider) is missing");
            }
            if (maxBodyBytes < 1) {
                problems.add("maxBodyBytes must be at least 1, got " + maxBodyBytes);
            }
            if (maxWait == null || maxWait.isNegative()) {
                problems.add("maxWait must not be negative or null");
            }
            if (!basePath.isEmpty() && (!basePath.startsWith("/") || basePath.endsWith("/"))) {
                problems.add("basePath must be empty or start with '/' and not end with '/', got '" + basePath + "'");
            }
            Map<String, Map<String, WebhookRoute>> mounted = mount(problems);
            if (!problems.isEmpty()) {
                throw new ConfigurationException("the webhook front door is misconfigured: "
                        + String.join("; ", problems));
            }
            return new WebhookFrontDoor(this, mounted);
        }

        private Map<String, Map<String, WebhookRoute>> mount(List<String> problems) {
            Map<String, Map<String, WebhookRoute>> mounted = new LinkedHashMap<>();
            for (WebhookRoute route : routes) {
                String method = route.method() == null ? "" : route.method().strip().toUpperCase(Locale.ROOT);
                String path = route.path() == null ? "" : route.path();
                String name = route.getClass().getName();
                if (method.isEmpty()) {
                    problems.add("route " + name + " has no method");
                    continue;
                }
                if (!path.startsWith("/")) {
                    problems.add("route " + name + " has path '" + path + "', which does not start with '/'");
                    continue;
                }
                if (path.equals(PURCHASE_EVENT_PATH) || path.equals(LEGAL_EVENT_PATH)
                        || path.equals(FINANCE_EVENT_PATH) || path.startsWith(RUNS_PATH_PREFIX)) {
                    problems.add("route " + name + " wants " + method + " " + path
                            + ", a path the front door serves itself");
                    continue;
                }
                WebhookRoute earlier = mounted.computeIfAbsent(path, p -> new TreeMap<>()).putIfAbsent(method, route);
                if (earlier != null) {
                    problems.add("routes " + earlier.getClass().getName() + " and " + name + " both want " + method
                            + " " + path);
                }
            }
            Map<String, Map<String, WebhookRoute>> copy = new LinkedHashMap<>();
            mounted.forEach((path, byMethod) -> copy.put(path, java.util.Collections.unmodifiableMap(byMethod)));
            return Map.copyOf(copy);
        }
    }
}

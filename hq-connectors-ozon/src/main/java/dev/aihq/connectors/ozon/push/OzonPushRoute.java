package dev.aihq.connectors.ozon.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aihq.api.Money;
import dev.aihq.api.ShopId;
import dev.aihq.api.connector.EventSink;
import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.error.StoreException;
import dev.aihq.api.event.HqEvent;
import dev.aihq.api.event.InboxEvent;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.store.CatalogStore;
import dev.aihq.api.store.PurchaseStore;
import dev.aihq.api.web.WebhookRequest;
import dev.aihq.api.web.WebhookResponse;
import dev.aihq.api.web.WebhookRoute;
import dev.aihq.http.JsonCodec;
import dev.aihq.http.JsonFormatException;
import dev.aihq.http.Masking;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ozon's push notifications (webhooks) as a {@link WebhookRoute}: Ozon {@code POST}s one JSON message per
 * notification to the URL the shop entered in the seller cabinet (Settings → Notifications → Push
 * notifications), which is {@code <base path>/<the shop's secret>}.
 *
 * <h2>Authentication</h2>
 * Ozon documents no signature and no secret of its own, so a push is trusted on two grounds, both checked
 * before the body is read:
 * <ol>
 *   <li><b>Source network.</b> The client's address must lie in one of the {@linkplain Builder#allowedNetworks
 *       allowed networks}, by default Ozon's documented push sources {@link #OZON_NETWORKS}; else {@code 403}.
 *       The client's address is the connection's peer; {@code X-Forwarded-For} is read only when the peer is a
 *       {@linkplain Builder#trustedProxies trusted proxy} (read from the right, skipping trusted proxies), and
 *       is ignored from anyone else.</li>
 *   <li><b>Secret path.</b> The last path segment must equal a shop's secret from {@link OzonPushSecrets},
 *       compared in constant time; that shop is the push's shop. Else {@code 401}.</li>
 * </ol>
 * Refusals are logged with the client's address, never with the secret, the path or the body.
 *
 * <h2>Answers</h2>
 * As Ozon documents them:
 * <ul>
 *   <li>{@code TYPE_PING}: {@code 200} {@code {"version":"<app version>","name":"<app name>","time":"<UTC>"}}
 *       at once, {@code time} being when processing started, in whole seconds.</li>
 *   <li>Every other type, once handled: {@code 200} {@code {"result":true}}. A message that becomes an event
 *       is first handed to the {@link EventSink}, which returns once the event is journaled; the agents' run
 *       goes on after the answer, so Ozon's 5-second limit is kept. A redelivered message is a duplicate in
 *       the journal and is answered {@code 200} again, as Ozon asks.</li>
 *   <li>Errors: {@code {"error":{"code":"…","message":"…","details":null}}}: {@code 400}
 *       {@code ERROR_PARAMETER_VALUE_MISSED} naming the field when {@code message_type} or a field the route
 *       uses is missing or malformed; {@code 400} {@code ERROR_UNKNOWN} when the body is not a JSON object;
 *       {@code 401}/{@code 403} {@code ERROR_UNKNOWN} when unauthenticated; {@code 500} {@code ERROR_UNKNOWN}
 *       when the sink rejects the event (an inactive shop) and {@code 503} when the journal cannot be written,
 *       so that Ozon sends the message again (it retries for about an hour) and nothing is lost.</li>
 * </ul>
 *
 * <h2>Messages</h2>
 * See {@link OzonPushType}. {@code TYPE_NEW_POSTING} → {@link PurchaseEvent} {@code order_accepted};
 * {@code TYPE_POSTING_CANCELLED} → {@code order_cancelled}; {@code TYPE_STATE_CHANGED} to
 * {@code posting_delivered} → {@code order_delivered} (to {@code posting_canceled} → {@code order_cancelled}),
 * each keyed {@code purchase:<posting_number>:<trigger>} like the posting poller's, so a push and a poll are one
 * event. {@code TYPE_NEW_MESSAGE} in a buyer chat → {@link InboxEvent} {@code chat_message} (thread
 * {@code chat_id}, message {@code message_id}, the text from {@code data}). Everything else, unknown types
 * included, is acknowledged with a log line. {@code seller_id} may be a number or a string of digits; unknown
 * fields are ignored.
 *
 * <p>Ozon's pushes carry no prices and no product names: a new posting's lines are named by {@code offer_id}
 * and priced from the {@linkplain Builder#catalog catalog} when it has the product, else at zero; a
 * cancellation's lines come from the stored purchase when a {@linkplain Builder#purchases purchase store} is
 * given, else from the push (Ozon SKU, zero price). A status change names no products: it becomes an event only
 * when the purchase is stored, otherwise it is acknowledged and left to the posting poller.
 *
 * <h2>Mounting</h2>
 * {@link #path()} is the base path, and {@link #handle} takes any {@code <base path>/<secret>}: mount it under a
 * path prefix in a server that routes by prefix. The SDK's front door matches exact paths; give it
 * {@link #perShopRoutes()}, one route per shop's secret path. Thread-safe.
 */
public final class OzonPushRoute implements WebhookRoute {

    /** The base path used when none is given. */
    public static final String DEFAULT_BASE_PATH = "/ozon/push";

    /** Ozon's documented source networks for push notifications. */
    public static final List<String> OZON_NETWORKS = List.of("195.34.21.0/24", "185.73.192.0/22", "91.223.93.0/24");

    /** The largest body read: 1 MiB by default. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(OzonPushRoute.class);
    private static final long SLOW_NANOS = TimeUnit.SECONDS.toNanos(3);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String basePath;
    private final OzonPushSecrets secrets;
    private final Supplier<EventSink> sink;
    private final SourceCheck sources;
    private final PushTranslator translator;
    private final String appName;
    private final String appVersion;
    private final Clock clock;
    private final int maxBodyBytes;
    private final JsonCodec codec = JsonCodec.defaults();

    private OzonPushRoute(Builder b, SourceCheck sources) {
        this.basePath = b.basePath;
        this.secrets = Objects.requireNonNull(b.secrets);
        this.sink = Objects.requireNonNull(b.sink);
        this.sources = sources;
        this.translator = new PushTranslator(b.catalog, b.purchases, b.currency);
        this.appName = b.appName;
        this.appVersion = b.appVersion;
        this.clock = b.clock;
        this.maxBodyBytes = b.maxBodyBytes;
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
     * Returns {@code POST}.
     *
     * @return the method
     */
    @Override
    public String method() {
        return "POST";
    }

    /**
     * Returns the base path; the route answers {@code <base path>/<secret>}.
     *
     * @return e.g. {@value #DEFAULT_BASE_PATH}
     */
    @Override
    public String path() {
        return basePath;
    }

    /**
     * Returns one route per shop whose path is the shop's whole secret push path, for a front door that
     * matches exact paths such as the SDK's. Each answers exactly as {@link #handle} does. The list reflects
     * the secrets of the moment: after a rotation, build the front door again. The routes' {@code toString}
     * masks the secret; their {@link WebhookRoute#path()} holds it, so do not log it.
     *
     * @return the routes, one per shop with a well-formed secret
     */
    public List<WebhookRoute> perShopRoutes() {
        List<WebhookRoute> routes = new ArrayList<>();
        currentSecrets().forEach((shop, secret) -> routes.add(new ShopRoute(shop, basePath + "/" + secret)));
        return List.copyOf(routes);
    }

    /**
     * Tells whether a shop receives pushes: whether the secrets provider has a well-formed secret for it now.
     *
     * @param shopId the shop
     * @return {@code true} when a push for the shop can arrive
     */
    public boolean receives(ShopId shopId) {
        Objects.requireNonNull(shopId, "shop id");
        return currentSecrets().containsKey(shopId);
    }

    /**
     * Answers one push; see the type's description for the statuses. Never throws.
     *
     * @param request the raw request
     * @return the response
     */
    @Override
    public WebhookResponse handle(WebhookRequest request) {
        long start = System.nanoTime();
        Instant receivedAt = clock.instant();
        try {
            return answer(request, receivedAt);
        } catch (RuntimeException e) {
            LOG.error("Ozon push: failed unexpectedly ({}); answering 500 so that Ozon sends it again",
                    e.getClass().getName());
            return error(500, "ERROR_UNKNOWN", "the notification could not be handled; send it again");
        } finally {
            long took = System.nanoTime() - start;
            if (took > SLOW_NANOS) {
                LOG.warn("Ozon push: answered after {} ms; Ozon pauses all pushes of an endpoint slower than 5 s",
                        TimeUnit.NANOSECONDS.toMillis(took));
            }
        }
    }

    private WebhookResponse answer(WebhookRequest request, Instant receivedAt) {
        if (!"POST".equals(request.method())) {
            return error(405, "ERROR_UNKNOWN", "use POST").withHeader("Allow", "POST");
        }
        SourceCheck.Source source = sources.source(request);
        if (!sources.allowed(source)) {
            LOG.warn("Ozon push: refused with 403 ({} bytes): the client {} is outside the allowed networks",
                    request.body().length, source.text());
            return error(403, "ERROR_UNKNOWN", "the client's address is not allowed");
        }
        Optional<ShopId> shop = shopFor(request.path());
        if (shop.isEmpty()) {
            LOG.warn("Ozon push: refused with 401 ({} bytes) from {}: the path names no shop's secret (path {}/{})",
                    request.body().length, source.text(), basePath, Masking.MASK);
            return error(401, "ERROR_UNKNOWN", "unknown push URL");
        }
        return answer(shop.get(), request.body(), receivedAt);
    }

    private WebhookResponse answer(ShopId shop, byte[] body, Instant receivedAt) {
        if (body.length > maxBodyBytes) {
            LOG.warn("Ozon push for shop {}: refused a body of {} bytes (limit {})", shop.value(), body.length,
                    maxBodyBytes);
            return error(413, "ERROR_UNKNOWN", "the body exceeds " + maxBodyBytes + " bytes");
        }
        JsonNode root;
        try {
            root = codec.readTree(body);
        } catch (JsonFormatException e) {
            LOG.warn("Ozon push for shop {}: refused, the body is not JSON ({} bytes)", shop.value(), body.length);
            return error(400, "ERROR_UNKNOWN", "the body is not JSON");
        }
        if (!root.isObject()) {
            LOG.warn("Ozon push for shop {}: refused, the body is not a JSON object", shop.value());
            return error(400, "ERROR_UNKNOWN", "the body is not a JSON object");
        }
        JsonNode typeNode = root.path("message_type");
        if (!typeNode.isTextual() || typeNode.asText().isBlank()) {
            LOG.warn("Ozon push for shop {}: refused, message_type is missing", shop.value());
            return error(400, "ERROR_PARAMETER_VALUE_MISSED", "message_type is missing or not a string");
        }
        String messageType = typeNode.asText().strip();
        Optional<OzonPushType> type = OzonPushType.of(messageType);
        if (type.isPresent() && type.get() == OzonPushType.TYPE_PING) {
            LOG.debug("Ozon push for shop {}: TYPE_PING answered", shop.value());
            return ping(receivedAt);
        }
        PushTranslator.Translation translation;
        try {
            if (type.isEmpty()) {
                LOG.info("Ozon push for shop {}: {} is a type Ozon does not document; acknowledged and ignored",
                        shop.value(), PushTranslator.excerpt(messageType));
                return ok();
            }
            PushTranslator.checkSellerId(root);
            translation = translator.translate(shop, type.get(), root, receivedAt);
        } catch (PushFieldException e) {
            LOG.warn("Ozon push for shop {}: {} refused, {}", shop.value(), PushTranslator.excerpt(messageType),
                    e.getMessage());
            return error(400, "ERROR_PARAMETER_VALUE_MISSED", e.getMessage());
        } catch (StoreException e) {
            return storeFailed(shop, messageType, e);
        }
        HqEvent event = translation.event();
        if (event == null) {
            LOG.debug("Ozon push for shop {}: {} acknowledged and ignored: {}", shop.value(), messageType,
                    translation.note());
            return ok();
        }
        EventSink current = sink.get();
        if (current == null) {
            LOG.warn("Ozon push for shop {}: {} not journaled, the event sink is not ready yet; answering 503 so that"
                    + " Ozon sends it again", shop.value(), translation.note());
            return error(503, "ERROR_UNKNOWN", "not ready to record notifications yet; send it again");
        }
        EventSink.Acceptance acceptance;
        try {
            acceptance = current.accept(event);
        } catch (StoreException e) {
            return storeFailed(shop, messageType, e);
        } catch (RuntimeException e) {
            LOG.error("Ozon push for shop {}: the sink failed on {} ({}: {}); answering 500 so that Ozon sends it"
                    + " again", shop.value(), translation.note(), e.getClass().getName(),
                    Masking.maskText(String.valueOf(e.getMessage())));
            return error(500, "ERROR_UNKNOWN", "the notification could not be recorded; send it again");
        }
        switch (acceptance.outcome()) {
            case ACCEPTED -> LOG.info("Ozon push for shop {}: {} journaled as {}", shop.value(), translation.note(),
                    event.idempotencyKey());
            case DUPLICATE -> LOG.debug("Ozon push for shop {}: {} was journaled before ({})", shop.value(),
                    translation.note(), event.idempotencyKey());
            case REJECTED -> {
                LOG.warn("Ozon push for shop {}: {} rejected by the pipeline ({}); answering 500 so that Ozon sends"
                        + " it again", shop.value(), translation.note(), Masking.maskText(acceptance.reason()));
                return error(500, "ERROR_UNKNOWN", "the notification was not accepted now; send it again");
            }
            default -> throw new IllegalStateException("unknown outcome " + acceptance.outcome());
        }
        return ok();
    }

    private WebhookResponse storeFailed(ShopId shop, String messageType, StoreException e) {
        LOG.warn("Ozon push for shop {}: {} not journaled, a store failed ({}); answering 503 so that Ozon sends it"
                + " again", shop.value(), PushTranslator.excerpt(messageType),
                Masking.maskText(String.valueOf(e.getMessage())));
        return error(503, "ERROR_UNKNOWN", "the notification could not be recorded now; send it again");
    }

    private Optional<ShopId> shopFor(String path) {
        String prefix = basePath + "/";
        if (!path.startsWith(prefix)) {
            return Optional.empty();
        }
        String presented = path.substring(prefix.length());
        if (presented.endsWith("/")) {
            presented = presented.substring(0, presented.length() - 1);
        }
        byte[] presentedDigest = sha256(presented);
        ShopId found = null;
        // Every secret is compared, matched or not, so the time taken does not tell how close a guess was.
        for (Map.Entry<ShopId, String> entry : currentSecrets().entrySet()) {
            if (MessageDigest.isEqual(sha256(entry.getValue()), presentedDigest) && found == null) {
                found = entry.getKey();
            }
        }
        return Optional.ofNullable(found);
    }

    private Map<ShopId, String> currentSecrets() {
        Map<ShopId, String> all = secrets.secretsByShop();
        Map<ShopId, String> usable = new java.util.LinkedHashMap<>();
        all.forEach((shop, secret) -> {
            if (OzonPushSecrets.isWellFormed(secret)) {
                usable.put(shop, secret);
            } else {
                LOG.warn("Ozon push: the secret of shop {} is malformed and is not used (it must be {}-{} characters"
                        + " of A-Z a-z 0-9 - _)", shop.value(), OzonPushSecrets.MIN_LENGTH, OzonPushSecrets.MAX_LENGTH);
            }
        });
        return usable;
    }

    private WebhookResponse ping(Instant receivedAt) {
        ObjectNode body = NODES.objectNode();
        body.put("version", appVersion);
        body.put("name", appName);
        body.put("time", DateTimeFormatter.ISO_INSTANT.format(receivedAt.truncatedTo(ChronoUnit.SECONDS)));
        return WebhookResponse.json(200, body.toString());
    }

    private static WebhookResponse ok() {
        return WebhookResponse.json(200, "{\"result\":true}");
    }

    private static WebhookResponse error(int status, String code, String message) {
        ObjectNode error = NODES.objectNode();
        error.put("code", code);
        error.put("message", message);
        error.putNull("details");
        ObjectNode body = NODES.objectNode();
        body.set("error", error);
        return WebhookResponse.json(status, body.toString());
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Names the route without secrets. */
    @Override
    public String toString() {
        return "OzonPushRoute[POST " + basePath + "/" + Masking.MASK + "]";
    }

    /** One shop's exact secret path, answered by the enclosing route. */
    private final class ShopRoute implements WebhookRoute {
        private final ShopId shop;
        private final String path;

        ShopRoute(ShopId shop, String path) {
            this.shop = shop;
            this.path = path;
        }

        @Override
        public String method() {
            return "POST";
        }

        @Override
        public String path() {
            return path;
        }

        @Override
        public WebhookResponse handle(WebhookRequest request) {
            return OzonPushRoute.this.handle(request);
        }

        @Override
        public String toString() {
            return "OzonPushRoute[POST " + basePath + "/" + Masking.MASK + " of shop " + shop.value() + "]";
        }
    }

    /** Builds {@link OzonPushRoute}. Not thread-safe. */
    public static final class Builder {
        private String basePath = DEFAULT_BASE_PATH;
        private @Nullable OzonPushSecrets secrets;
        private @Nullable Supplier<EventSink> sink;
        private List<String> allowedNetworks = OZON_NETWORKS;
        private List<String> trustedProxies = List.of();
        private String appName = "AI HQ";
        private String appVersion = defaultVersion();
        private Clock clock = Clock.systemUTC();
        private @Nullable CatalogStore catalog;
        private @Nullable PurchaseStore purchases;
        private Currency currency = Money.RUB;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;

        private Builder() {}

        /**
         * Sets the base path; each shop's push URL is {@code <base path>/<secret>}.
         *
         * @param basePath starts with {@code /} and does not end with one; default {@value #DEFAULT_BASE_PATH}
         * @return this builder
         */
        public Builder basePath(String basePath) {
            this.basePath = Objects.requireNonNull(basePath, "basePath");
            return this;
        }

        /**
         * Sets each shop's secret path segment (required).
         *
         * @param secrets the secrets
         * @return this builder
         */
        public Builder secrets(OzonPushSecrets secrets) {
            this.secrets = Objects.requireNonNull(secrets, "secrets");
            return this;
        }

        /**
         * Sets where events go (required): {@code AiHq}'s event sink, which journals before it returns.
         *
         * @param sink the sink
         * @return this builder
         */
        public Builder sink(EventSink sink) {
            Objects.requireNonNull(sink, "sink");
            this.sink = () -> sink;
            return this;
        }

        /**
         * Sets where events go as a supplier read on every push that becomes an event, for a sink that exists only
         * once the route is mounted: {@code AiHq}'s {@code events()} is there only after {@code AiHq} is built
         * with the route. While the supplier gives {@code null}, such pushes are answered {@code 503} and Ozon
         * sends them again; {@code TYPE_PING} and ignored types are answered as usual.
         *
         * @param sink gives the sink, or {@code null} while there is none yet
         * @return this builder
         */
        public Builder lazySink(Supplier<EventSink> sink) {
            this.sink = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /**
         * Sets the networks pushes may come from, in CIDR notation (a bare address is one address); default
         * {@link #OZON_NETWORKS}. Check Ozon's documentation for changes.
         *
         * @param networks at least one network
         * @return this builder
         */
        public Builder allowedNetworks(List<String> networks) {
            this.allowedNetworks = List.copyOf(networks);
            return this;
        }

        /**
         * Accepts pushes from any address, for a deployment whose own firewall already allows only Ozon. The
         * secret path is then the only check.
         *
         * @return this builder
         */
        public Builder allowAnyNetwork() {
            this.allowedNetworks = List.of();
            return this;
        }

        /**
         * Sets the proxies (load balancers) whose {@code X-Forwarded-For} is believed, in CIDR notation; default
         * none, so the header is never read.
         *
         * @param networks the proxies' networks
         * @return this builder
         */
        public Builder trustedProxies(List<String> networks) {
            this.trustedProxies = List.copyOf(networks);
            return this;
        }

        /**
         * Sets the {@code name} answered to {@code TYPE_PING}.
         *
         * @param appName not blank; default {@code AI HQ}
         * @return this builder
         */
        public Builder appName(String appName) {
            this.appName = Objects.requireNonNull(appName, "appName");
            return this;
        }

        /**
         * Sets the {@code version} answered to {@code TYPE_PING}.
         *
         * @param appVersion not blank; default the module's version
         * @return this builder
         */
        public Builder appVersion(String appVersion) {
            this.appVersion = Objects.requireNonNull(appVersion, "appVersion");
            return this;
        }

        /**
         * Sets the clock for the {@code TYPE_PING} time and for events whose push gives no time.
         *
         * @param clock the clock; default UTC system time
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the catalog from which a new posting's lines take name and price by {@code offer_id}.
         *
         * @param catalog the catalog, or {@code null} for none (lines named by {@code offer_id}, priced at zero)
         * @return this builder
         */
        public Builder catalog(@Nullable CatalogStore catalog) {
            this.catalog = catalog;
            return this;
        }

        /**
         * Sets the purchases from which a cancellation or delivery takes the posting's lines.
         *
         * @param purchases the store, or {@code null} for none
         * @return this builder
         */
        public Builder purchases(@Nullable PurchaseStore purchases) {
            this.purchases = purchases;
            return this;
        }

        /**
         * Sets the currency of the events' lines.
         *
         * @param currency the currency; default RUB
         * @return this builder
         */
        public Builder currency(Currency currency) {
            this.currency = Objects.requireNonNull(currency, "currency");
            return this;
        }

        /**
         * Sets the largest body read.
         *
         * @param maxBodyBytes at least 1; default {@value #DEFAULT_MAX_BODY_BYTES}
         * @return this builder
         */
        public Builder maxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /**
         * Builds the route.
         *
         * @return the route
         * @throws ConfigurationException listing every missing or malformed part
         */
        public OzonPushRoute build() {
            List<String> problems = new ArrayList<>();
            if (secrets == null) {
                problems.add("secrets (OzonPushSecrets) is missing");
            }
            if (sink == null) {
                problems.add("sink (EventSink) is missing");
            }
            if (!basePath.startsWith("/") || basePath.endsWith("/")) {
                problems.add("basePath must start with '/' and not end with '/', got '" + basePath + "'");
            }
            if (appName.isBlank()) {
                problems.add("appName must not be blank");
            }
            if (appVersion.isBlank()) {
                problems.add("appVersion must not be blank");
            }
            if (maxBodyBytes < 1) {
                problems.add("maxBodyBytes must be at least 1, got " + maxBodyBytes);
            }
            List<IpNetwork> allowed = networks("allowedNetworks", allowedNetworks, problems);
            List<IpNetwork> proxies = networks("trustedProxies", trustedProxies, problems);
            if (!problems.isEmpty()) {
                throw new ConfigurationException("the Ozon push route is misconfigured: " + String.join("; ", problems));
            }
            if (allowed.isEmpty()) {
                LOG.warn("Ozon push: pushes are accepted from any address; only the secret path protects {}",
                        basePath);
            }
            return new OzonPushRoute(this, new SourceCheck(allowed, proxies));
        }

        private static List<IpNetwork> networks(String name, List<String> cidrs, List<String> problems) {
            List<IpNetwork> parsed = new ArrayList<>();
            for (String cidr : cidrs) {
                try {
                    parsed.add(IpNetwork.parse(cidr));
                } catch (IllegalArgumentException | NullPointerException e) {
                    problems.add(name + ": " + e.getMessage());
                }
            }
            return parsed;
        }

        private static String defaultVersion() {
            String version = OzonPushRoute.class.getPackage().getImplementationVersion();
            return version == null || version.isBlank() ? "1.0" : version;
        }
    }
}

package dev.aihq.channel.whatsapp.webhook;

import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.error.FieldError;
import dev.aihq.api.error.InvalidEventException;
import dev.aihq.api.web.WebhookRequest;
import dev.aihq.api.web.WebhookResponse;
import dev.aihq.api.web.WebhookRoute;
import dev.aihq.http.Masking;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WhatsApp Cloud API webhook of one Meta app (its app secret and verify token), mounted on the front
 * door at one path. Mount both methods with {@link #routes()}:
 *
 * <ul>
 *   <li><b>GET</b>, the verification handshake Meta sends when the callback URL is saved:
 *       {@code hub.mode=subscribe}, {@code hub.verify_token}, {@code hub.challenge}. The answer is
 *       {@code 200} with the challenge as plain text when the mode is {@code subscribe} and the token
 *       matches (compared in constant time), {@code 403} otherwise, and {@code 400} naming the
 *       parameters that are missing.</li>
 *   <li><b>POST</b>, a delivery. The {@code X-Hub-Signature-256} header is checked over the raw body
 *       bytes before anything is parsed: missing, malformed or not matching → {@code 401}, logged without
 *       the body or the secret. A body that is not a WhatsApp envelope → {@code 400}. Otherwise the body
 *       is parsed into an {@link InboundBatch} (unreadable items are reported in it, the others kept) and
 *       handed to the {@link WhatsAppInboundSink}; then {@code 200}. A batch with nothing to hand over
 *       (e.g. a template status change) is answered {@code 200} without calling the sink.</li>
 * </ul>
 *
 * <p><b>Sink failures are answered 500</b>, on purpose: Meta retries non-2xx deliveries with backoff
 * for days, so a batch the sink could not record comes back. Deduplication is the sink's job (message ids
 * are stable); see {@link WhatsAppInboundSink}.
 *
 * <p>Items carry {@code metadata.phone_number_id}, which tells which seller's number they belong to when
 * one app serves several numbers. Thread-safe.
 */
public final class WhatsAppWebhookRoute implements WebhookRoute {

    /** The path used when none is given. */
    public static final String DEFAULT_PATH = "/webhooks/whatsapp";

    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppWebhookRoute.class);

    private final String path;
    private final byte[] verifyTokenDigest;
    private final String appSecret;
    private final WhatsAppInboundSink sink;
    private final WhatsAppWebhookParser parser;
    private final WebhookRoute handshake;

    private WhatsAppWebhookRoute(Builder b) {
        this.path = b.path;
        this.verifyTokenDigest = sha256(Objects.requireNonNull(b.verifyToken));
        this.appSecret = Objects.requireNonNull(b.appSecret);
        this.sink = Objects.requireNonNull(b.sink);
        this.parser = b.parser;
        this.handshake = new HandshakeRoute();
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the routes to mount: the GET handshake and this POST route, both at {@link #path()}.
     *
     * @return the two routes
     */
    public List<WebhookRoute> routes() {
        return List.of(handshake, this);
    }

    /**
     * Returns the GET route of the verification handshake.
     *
     * @return the handshake route, at the same path
     */
    public WebhookRoute handshakeRoute() {
        return handshake;
    }

    /**
     * Returns {@code POST}; the handshake is {@link #handshakeRoute()}.
     *
     * @return {@code POST}
     */
    @Override
    public String method() {
        return "POST";
    }

    @Override
    public String path() {
        return path;
    }

    /**
     * Answers a request: GET as the handshake, POST as a delivery, anything else {@code 405}.
     *
     * @param request the raw request
     * @return the response
     */
    @Override
    public WebhookResponse handle(WebhookRequest request) {
        return switch (request.method()) {
            case "GET" -> verify(request);
            case "POST" -> receive(request);
            default -> WebhookResponse.text(405, "method not allowed: use GET or POST").withHeader("Allow", "GET, POST");
        };
    }

    private WebhookResponse verify(WebhookRequest request) {
        String mode = request.queryParameter("hub.mode").orElse(null);
        String token = request.queryParameter("hub.verify_token").orElse(null);
        String challenge = request.queryParameter("hub.challenge").orElse(null);
        List<String> missing = new ArrayList<>();
        if (mode == null || mode.isEmpty()) {
            missing.add("hub.mode");
        }
        if (token == null || token.isEmpty()) {
            missing.add("hub.verify_token");
        }
        if (challenge == null || challenge.isEmpty()) {
            missing.add("hub.challenge");
        }
        if (!missing.isEmpty()) {
            LOG.warn("WhatsApp webhook {}: handshake refused, missing query parameter(s) {}", path, missing);
            return WebhookResponse.text(400, "missing query parameter(s): " + String.join(", ", missing));
        }
        boolean tokenMatches = MessageDigest.isEqual(verifyTokenDigest, sha256(token));
        if (!"subscribe".equals(mode) || !tokenMatches) {
            LOG.warn("WhatsApp webhook {}: handshake refused, {}", path,
                    !"subscribe".equals(mode) ? "hub.mode is not 'subscribe'" : "hub.verify_token does not match");
            return WebhookResponse.text(403, "verification refused");
        }
        LOG.info("WhatsApp webhook {}: handshake verified", path);
        return WebhookResponse.text(200, challenge);
    }

    private WebhookResponse receive(WebhookRequest request) {
        WhatsAppSignature.Result signature = WhatsAppSignature.check(appSecret, request.body(),
                request.header(WhatsAppSignature.HEADER).orElse(null));
        if (signature != WhatsAppSignature.Result.VALID) {
            LOG.warn("WhatsApp webhook {}: delivery refused, signature {} ({} bytes from {})", path,
                    describe(signature), request.body().length, remote(request));
            return WebhookResponse.text(401, "invalid " + WhatsAppSignature.HEADER);
        }
        InboundBatch batch;
        try {
            batch = parser.parse(request.body());
        } catch (InvalidEventException e) {
            LOG.warn("WhatsApp webhook {}: delivery refused, {}", path, e.getMessage());
            return WebhookResponse.text(400, e.getMessage());
        }
        if (!batch.problems().isEmpty()) {
            LOG.warn("WhatsApp webhook {}: {} item(s) could not be read and were left out: {}", path,
                    batch.problems().size(),
                    batch.problems().stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        }
        if (batch.isEmpty()) {
            LOG.debug("WhatsApp webhook {}: nothing to hand over", path);
            return WebhookResponse.empty(200);
        }
        try {
            sink.onDelivery(batch);
        } catch (RuntimeException e) {
            LOG.error("WhatsApp webhook {}: the sink failed on {}; answering 500 so that Meta redelivers ({}: {})",
                    path, batch, e.getClass().getName(), Masking.maskText(String.valueOf(e.getMessage())));
            return WebhookResponse.text(500, "could not record the delivery; please redeliver");
        }
        LOG.debug("WhatsApp webhook {}: accepted {}", path, batch);
        return WebhookResponse.empty(200);
    }

    private static String describe(WhatsAppSignature.Result result) {
        return switch (result) {
            case MISSING -> "header missing";
            case MALFORMED -> "header malformed";
            case MISMATCH -> "does not match the body";
            case VALID -> "valid";
        };
    }

    private static String remote(WebhookRequest request) {
        return request.remoteAddress() == null ? "an unknown address" : request.remoteAddress();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Names the route without its secrets. */
    @Override
    public String toString() {
        return "WhatsAppWebhookRoute[" + path + "]";
    }

    /** The GET side, at the same path. */
    private final class HandshakeRoute implements WebhookRoute {

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
            return WhatsAppWebhookRoute.this.handle(request);
        }

        @Override
        public String toString() {
            return "WhatsAppWebhookRoute[GET " + path + "]";
        }
    }

    /** Builds a {@link WhatsAppWebhookRoute}; {@link #build()} reports every missing part at once. */
    public static final class Builder {

        private String path = DEFAULT_PATH;
        @Nullable
        private String verifyToken;
        @Nullable
        private String appSecret;
        @Nullable
        private WhatsAppInboundSink sink;
        private WhatsAppWebhookParser parser = WhatsAppWebhookParser.create();

        private Builder() {}

        /**
         * Sets the path, {@value WhatsAppWebhookRoute#DEFAULT_PATH} by default.
         *
         * @param path the path, starting with {@code /}
         * @return this builder
         */
        public Builder path(String path) {
            this.path = Objects.requireNonNull(path, "path");
            return this;
        }

        /**
         * Sets the verify token typed into the App Dashboard with the callback URL.
         *
         * @param verifyToken the token
         * @return this builder
         */
        public Builder verifyToken(String verifyToken) {
            this.verifyToken = Objects.requireNonNull(verifyToken, "verify token");
            return this;
        }

        /**
         * Sets the app secret that keys the signatures (App Dashboard → App settings → Basic).
         *
         * @param appSecret the app secret
         * @return this builder
         */
        public Builder appSecret(String appSecret) {
            this.appSecret = Objects.requireNonNull(appSecret, "app secret");
            return this;
        }

        /**
         * Sets where verified deliveries go.
         *
         * @param sink the sink
         * @return this builder
         */
        public Builder sink(WhatsAppInboundSink sink) {
            this.sink = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /**
         * Sets the parser; the default one uses the SDK's JSON configuration.
         *
         * @param parser the parser
         * @return this builder
         */
        public Builder parser(WhatsAppWebhookParser parser) {
            this.parser = Objects.requireNonNull(parser, "parser");
            return this;
        }

        /**
         * Builds the route.
         *
         * @return the route
         * @throws ConfigurationException listing every missing or invalid part
         */
        public WhatsAppWebhookRoute build() {
            List<String> problems = new ArrayList<>();
            if (!path.startsWith("/")) {
                problems.add("path must start with '/', got '" + path + "'");
            }
            if (verifyToken == null || verifyToken.isBlank()) {
                problems.add("verifyToken is missing");
            }
            if (appSecret == null || appSecret.isBlank()) {
                problems.add("appSecret is missing");
            }
            if (sink == null) {
                problems.add("sink (a WhatsAppInboundSink) is missing");
            }
            if (!problems.isEmpty()) {
                throw new ConfigurationException("the WhatsApp webhook route is misconfigured: "
                        + String.join("; ", problems));
            }
            return new WhatsAppWebhookRoute(this);
        }
    }
}

package dev.aihq.agents.inbox.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aihq.api.inbox.ManagerNotification;
import dev.aihq.api.inbox.Notifier;
import dev.aihq.http.HqHttpClient;
import dev.aihq.http.HttpCall;
import dev.aihq.http.HttpLogSink;
import dev.aihq.http.RetryPolicy;
import dev.aihq.http.Sleeper;
import dev.aihq.pipeline.json.SdkJson;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import javax.annotation.Nullable;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends each manager notice as a signed JSON {@code POST} to a URL the shop gives (a chat bot, a ticket system, a
 * small service of its own). The receiver authenticates it by the signature:
 *
 * <pre>
 * X-AIHQ-Notification-Id: urgent:ozon:chat_message:6f2e…:m7
 * X-AIHQ-Timestamp: 1772521200
 * X-AIHQ-Signature: sha256=&lt;hex HMAC-SHA256 of "&lt;timestamp&gt;.&lt;body&gt;" with the shared secret&gt;
 * </pre>
 *
 * ({@link #verify} checks it in constant time). The body is the notice in snake_case JSON: {@code id},
 * {@code shop_id}, {@code kind}, {@code subject}, {@code body}, {@code interaction_id}, {@code product_id},
 * {@code priority}, {@code deadline}, {@code created_at}. 5xx, 429 and timeouts are retried under the retry policy
 * (3 attempts by default, honouring {@code Retry-After}); any other answer but 2xx fails the send, which the inbox
 * then tries again with the same id, so a receiver drops repeats by {@code X-AIHQ-Notification-Id}. The secret
 * never appears in a log line or an exception; the body's buyer excerpts have phone numbers masked by the inbox.
 * Thread-safe.
 */
public final class WebhookNotifier implements Notifier {

    /** The header of the notice's id. */
    public static final String ID_HEADER = "X-AIHQ-Notification-Id";

    /** The header of the signing time, in Unix seconds. */
    public static final String TIMESTAMP_HEADER = "X-AIHQ-Timestamp";

    /** The header of the signature. */
    public static final String SIGNATURE_HEADER = "X-AIHQ-Signature";

    /** The shortest secret accepted. */
    public static final int MIN_SECRET_LENGTH = 16;

    private static final String HMAC = "HmacSHA256";

    private final HqHttpClient http;
    private final String path;
    private final byte[] secret;
    private final Clock clock;

    private WebhookNotifier(Builder b) {
        URI url = Objects.requireNonNull(b.url, "url");
        String text = url.toString();
        int slash = text.indexOf('/', text.indexOf("//") + 2);
        String base = slash < 0 ? text : text.substring(0, slash);
        this.path = slash < 0 ? "/" : text.substring(slash);
        this.secret = Objects.requireNonNull(b.secret, "secret").getBytes(StandardCharsets.UTF_8);
        this.clock = b.clock;
        HqHttpClient.Builder http = HqHttpClient.builder().serviceName("manager-webhook").baseUri(base)
                .requestTimeout(b.timeout).retryPolicy(b.retryPolicy).sleeper(b.sleeper).clock(b.clock)
                .logSink(b.logSink);
        this.http = http.build();
    }

    /**
     * Starts a builder.
     *
     * @param url where notices go, {@code https} (or {@code http} for a local receiver)
     * @param secret the shared signing secret, at least {@value #MIN_SECRET_LENGTH} characters
     * @return a builder
     */
    public static Builder builder(URI url, String secret) {
        return new Builder(url, secret);
    }

    @Override
    public void send(ManagerNotification notification) {
        Objects.requireNonNull(notification, "notification");
        byte[] body = body(notification);
        long timestamp = clock.instant().getEpochSecond();
        http.execute(HttpCall.post(path).jsonBody(body).retryable(true)
                .header(ID_HEADER, notification.id())
                .header(TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(SIGNATURE_HEADER, "sha256=" + sign(secret, timestamp, body))
                .build());
    }

    /**
     * Checks a received notice's signature, for a receiver written in Java.
     *
     * @param secret the shared secret
     * @param timestamp the {@value #TIMESTAMP_HEADER} header
     * @param body the raw body
     * @param signature the {@value #SIGNATURE_HEADER} header
     * @return {@code true} when the signature is the body's and the timestamp's
     */
    public static boolean verify(String secret, String timestamp, byte[] body, @Nullable String signature) {
        if (signature == null || !signature.startsWith("sha256=")) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        byte[] expected = ("sha256=" + sign(secret.getBytes(StandardCharsets.UTF_8), seconds, body))
                .getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] body(ManagerNotification n) {
        ObjectNode json = SdkJson.mapper().createObjectNode();
        json.put("id", n.id());
        json.put("shop_id", n.shopId().value());
        json.put("kind", n.kind().wireValue());
        json.put("subject", n.subject());
        json.put("body", n.body());
        json.put("interaction_id", n.interactionId());
        json.put("product_id", n.productId());
        json.put("priority", n.priority() == null ? null : n.priority().wireValue());
        json.put("deadline", n.deadline() == null ? null : n.deadline().toString());
        json.put("created_at", n.createdAt().toString());
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String sign(byte[] secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret, HMAC));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available: " + e.getMessage(), e);
        }
    }

    /** Describes the notifier without its secret. */
    @Override
    public String toString() {
        return "WebhookNotifier[" + path + "]";
    }

    /** Builds a {@link WebhookNotifier}. Not thread-safe. */
    public static final class Builder {
        private final URI url;
        private final String secret;
        private Clock clock = Clock.systemUTC();
        private Duration timeout = Duration.ofSeconds(10);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Sleeper sleeper = Sleeper.system();
        private HttpLogSink logSink = HttpLogSink.slf4j();

        private Builder(URI url, String secret) {
            this.url = Objects.requireNonNull(url, "url");
            this.secret = Objects.requireNonNull(secret, "secret");
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || url.getHost() == null) {
                throw new IllegalArgumentException("the notifier's url must be an absolute http(s) URL; got " + url);
            }
            if (secret.length() < MIN_SECRET_LENGTH) {
                throw new IllegalArgumentException("the notifier's secret must be at least " + MIN_SECRET_LENGTH
                        + " characters");
            }
        }

        /**
         * Sets the clock of the signatures' timestamps and of {@code Retry-After} dates.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets how long one request may take. Default 10 seconds.
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Sets the retries of 5xx, 429 and timeouts. Default {@link RetryPolicy#defaults()}.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Sets how retries wait; tests record instead of sleeping.
         *
         * @param sleeper the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Sets where masked request and response lines go. Default SLF4J at DEBUG.
         *
         * @param logSink the sink
         * @return this builder
         */
        public Builder logSink(HttpLogSink logSink) {
            this.logSink = Objects.requireNonNull(logSink, "log sink");
            return this;
        }

        /**
         * Builds the notifier.
         *
         * @return the notifier
         */
        public WebhookNotifier build() {
            return new WebhookNotifier(this);
        }
    }
}

package dev.aihq.channel.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.api.channel.QuickReply;
import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.error.MarketplaceException;
import dev.aihq.api.error.RateLimitedException;
import dev.aihq.api.error.RetriableMarketplaceException;
import dev.aihq.api.error.ServiceUnavailableException;
import dev.aihq.http.HqHttpClient;
import dev.aihq.http.HttpCall;
import dev.aihq.http.HttpLogSink;
import dev.aihq.http.HttpResult;
import dev.aihq.http.JsonCodec;
import dev.aihq.http.JsonFormatException;
import dev.aihq.http.RetryPolicy;
import dev.aihq.http.Sleeper;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Sends messages through the WhatsApp Business Cloud API ({@code POST /{version}/{phone-number-id}/messages})
 * on {@link HqHttpClient}: free-form text and reply buttons inside the 24-hour window, approved templates at
 * any time. Every
 * message carries our stable key in {@code biz_opaque_callback_data}.
 *
 * <pre>{@code
 * CloudApiClient whatsapp = CloudApiClient.create(config);
 * CloudSendReceipt receipt = whatsapp.sendText(TextMessage.of(customer, text, "order-8812:review"));
 * }</pre>
 *
 * <p><b>Errors</b> are classified by the response's {@code error.code}, not by its HTTP status (Graph
 * answers most of them with 400), through {@link CloudApiErrors}; every such exception implements
 * {@link CloudApiFailure}. A response without a Graph error envelope (a proxy's HTML page) falls back to
 * hq-http's status mapping.
 *
 * <table>
 *   <caption>What a send throws</caption>
 *   <tr><th>Outcome</th><th>Thrown</th><th>Retried here</th></tr>
 *   <tr><td>131047, outside the window</td><td>{@link WindowClosedException}: send a template</td><td>no</td></tr>
 *   <tr><td>130429, 4, 80007; HTTP 429</td><td>{@link WhatsAppRateLimitedException}
 *       ({@link dev.aihq.api.error.RateLimitedException})</td><td>yes, under the policy</td></tr>
 *   <tr><td>131056, pair rate</td><td>{@link WhatsAppRateLimitedException} with a wait of at least 6 s</td>
 *       <td>no: the caller paces this recipient and serves others meanwhile</td></tr>
 *   <tr><td>1, 2, 131000, 131016; HTTP 5xx; timeout; broken connection</td>
 *       <td>{@link WhatsAppUnavailableException} or hq-http's retriable exceptions</td>
 *       <td>when {@link WhatsAppCloudConfig#retryAmbiguousFailures()}</td></tr>
 *   <tr><td>0, 190, 10, 200-299</td><td>{@link WhatsAppAuthenticationException}</td><td>no</td></tr>
 *   <tr><td>every other code</td><td>{@link WhatsAppRejectedException} with its {@link ErrorKind}</td>
 *       <td>no</td></tr>
 *   <tr><td>HTTP 200 without {@code messages[0].id}, or not JSON</td><td>{@link JsonFormatException}
 *       naming the field; the message may have been sent</td><td>no</td></tr>
 * </table>
 *
 * <p>Retries wait as the service asked ({@code Retry-After}) or by the policy's exponential backoff,
 * through the injected {@link Sleeper}; there are never more than {@link RetryPolicy#maxAttempts()}
 * requests per send. A resend after an ambiguous failure carries the same {@code biz_opaque_callback_data},
 * so a duplicate shows in the status webhooks.
 *
 * <p>The access token is sent only in the {@code Authorization} header, which hq-http masks in its log
 * lines; it never appears in an exception message. Immutable and thread-safe: build one per sending number
 * and share it.
 */
public final class CloudApiClient {

    /** The service name in exception messages and logs. */
    public static final String SERVICE = "whatsapp";

    private final WhatsAppCloudConfig config;
    private final HqHttpClient http;
    private final JsonCodec codec;
    private final Sleeper sleeper;
    private final Clock clock;
    private final String authorization;

    private CloudApiClient(Builder builder) {
        this.config = builder.config;
        HttpClient.Builder jdk = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.connectTimeout());
        if (builder.proxy != null) {
            jdk.proxy(builder.proxy);
        }
        this.http = HqHttpClient.builder()
                .serviceName(SERVICE)
                .baseUri(config.baseUrl())
                .httpClient(jdk.build())
                // WhatsApp answers most errors with HTTP 400 and says which in error.code.
                .errorMapper(this::mapError)
                .requestTimeout(config.requestTimeout())
                .retryPolicy(RetryPolicy.none())
                .clock(builder.clock)
                .logSink(builder.logSink)
                .build();
        this.codec = http.codec();
        this.sleeper = builder.sleeper;
        this.clock = builder.clock;
        this.authorization = "Bearer " + config.accessToken();
    }

    /**
     * Creates a client with the system clock, real sleeps and SLF4J logging.
     *
     * @param config the number's settings
     * @return the client
     */
    public static CloudApiClient create(WhatsAppCloudConfig config) {
        return builder(config).build();
    }

    /**
     * Starts a builder for the parts that are not settings: clock, sleeper, log sink, proxy.
     *
     * @param config the number's settings
     * @return a builder
     */
    public static Builder builder(WhatsAppCloudConfig config) {
        return new Builder(config);
    }

    /**
     * Returns the settings of this client.
     *
     * @return the config
     */
    public WhatsAppCloudConfig config() {
        return config;
    }

    /**
     * Sends a free-form text message. {@code preview_url} is {@code false} unless the message asks for it.
     *
     * @param message the message
     * @return the receipt with the wamid
     * @throws WindowClosedException outside the 24-hour window: send a template instead
     * @throws MarketplaceException any other refusal or failure, see the type's table; the WhatsApp
     *     ones implement {@link CloudApiFailure}
     * @throws JsonFormatException if WhatsApp answered 200 with a body that has no message id
     */
    public CloudSendReceipt sendText(TextMessage message) {
        Objects.requireNonNull(message, "message");
        Map<String, Object> body = envelope(message.to().e164(), "text");
        if (message.replyToMessageId() != null) {
            body.put("context", Map.of("message_id", message.replyToMessageId()));
        }
        Map<String, Object> text = new LinkedHashMap<>();
        text.put("preview_url", message.previewUrl());
        text.put("body", message.body());
        body.put("text", text);
        body.put("biz_opaque_callback_data", message.callbackData());
        return send("send text", body);
    }

    /**
     * Sends a free-form message with reply buttons: an interactive {@code button} message,
     * {@code {"type":"interactive","interactive":{"type":"button","body":{"text":…},
     * "action":{"buttons":[{"type":"reply","reply":{"id":…,"title":…}}]}}}}.
     *
     * @param message the message
     * @return the receipt with the wamid
     * @throws WindowClosedException outside the 24-hour window: send a template instead
     * @throws MarketplaceException any other refusal or failure, see the type's table
     * @throws JsonFormatException if WhatsApp answered 200 with a body that has no message id
     */
    public CloudSendReceipt sendInteractive(InteractiveMessage message) {
        Objects.requireNonNull(message, "message");
        Map<String, Object> body = envelope(message.to().e164(), "interactive");
        Map<String, Object> interactive = new LinkedHashMap<>();
        interactive.put("type", "button");
        interactive.put("body", Map.of("text", message.body()));
        List<Object> buttons = new ArrayList<>();
        for (QuickReply button : message.buttons()) {
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("id", button.id());
            reply.put("title", button.title());
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("type", "reply");
            item.put("reply", reply);
            buttons.add(item);
        }
        interactive.put("action", Map.of("buttons", buttons));
        body.put("interactive", interactive);
        body.put("biz_opaque_callback_data", message.callbackData());
        return send("send interactive", body);
    }

    /**
     * Sends a message from an approved template.
     *
     * @param message the message
     * @return the receipt with the wamid
     * @throws WhatsAppRejectedException with {@link ErrorKind#TEMPLATE_PROBLEM} when the template is
     *     unknown, paused or its parameters do not fit
     * @throws MarketplaceException any other refusal or failure, see the type's table
     * @throws JsonFormatException if WhatsApp answered 200 with a body that has no message id
     */
    public CloudSendReceipt sendTemplate(TemplateMessage message) {
        Objects.requireNonNull(message, "message");
        Map<String, Object> body = envelope(message.to().e164(), "template");
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("name", message.name());
        Map<String, Object> language = new LinkedHashMap<>();
        language.put("policy", "deterministic");
        language.put("code", message.languageCode());
        template.put("language", language);
        List<Object> components = new ArrayList<>();
        if (!message.headerParameters().isEmpty()) {
            components.add(component("header", message.headerParameters()));
        }
        if (!message.bodyParameters().isEmpty()) {
            components.add(component("body", message.bodyParameters()));
        }
        for (TemplateButton button : message.buttons()) {
            Map<String, Object> component = new LinkedHashMap<>();
            component.put("type", "button");
            component.put("sub_type", button.type().subType());
            component.put("index", String.valueOf(button.index()));
            Map<String, Object> parameter = new LinkedHashMap<>();
            parameter.put("type", button.type().parameterType());
            parameter.put(button.type().parameterType(), button.value());
            component.put("parameters", List.of(parameter));
            components.add(component);
        }
        if (!components.isEmpty()) {
            template.put("components", components);
        }
        body.put("template", template);
        body.put("biz_opaque_callback_data", message.callbackData());
        return send("send template " + message.name(), body);
    }

    /** Describes the client without its token. */
    @Override
    public String toString() {
        return "CloudApiClient[" + config + "]";
    }

    private static Map<String, Object> envelope(String to, String type) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messaging_product", "whatsapp");
        body.put("recipient_type", "individual");
        body.put("to", to);
        body.put("type", type);
        return body;
    }

    private static Map<String, Object> component(String type, List<TemplateParameter> parameters) {
        Map<String, Object> component = new LinkedHashMap<>();
        component.put("type", type);
        List<Object> values = new ArrayList<>();
        for (TemplateParameter parameter : parameters) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("type", "text");
            if (parameter.parameterName() != null) {
                value.put("parameter_name", parameter.parameterName());
            }
            value.put("text", parameter.text());
            values.add(value);
        }
        component.put("parameters", values);
        return component;
    }

    private CloudSendReceipt send(String request, Map<String, Object> body) {
        HttpCall call = HttpCall.post(config.messagesPath())
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .jsonBody(codec.writeBytes(body))
                .retryable(false)
                .build();
        RetryPolicy policy = config.retryPolicy();
        for (int attempt = 1; ; attempt++) {
            HttpResult result;
            try {
                result = http.execute(call);
            } catch (RetriableMarketplaceException failure) {
                waitBeforeRetry(policy, attempt, failure, request);
                continue;
            }
            return receipt(result, request);
        }
    }

    /**
     * Classifies an error response by its Graph error envelope ({@code error.code}); a body that is not one
     * (a proxy's HTML page, say) keeps the status mapping.
     */
    private @Nullable MarketplaceException mapError(String request, int status, Map<String, List<String>> headers,
            byte[] body, MarketplaceException byStatus) {
        Optional<CloudApiError> error = CloudApiErrors.parseEnvelope(body);
        if (error.isEmpty()) {
            return null;
        }
        Duration retryAfter = http.statusMapper().retryAfter(headers).orElse(null);
        return CloudApiErrors.toException(SERVICE, status, request, error.get(), retryAfter, byStatus);
    }

    private void waitBeforeRetry(RetryPolicy policy, int attempt, RetriableMarketplaceException failure,
            String request) {
        if (failure instanceof CloudApiFailure
                && ((CloudApiFailure) failure).kind() == ErrorKind.RECIPIENT_RATE_LIMITED) {
            throw failure;
        }
        boolean certainlyNotAccepted = failure instanceof RateLimitedException
                || failure.getCause() instanceof ConnectException;
        if (!certainlyNotAccepted && !config.retryAmbiguousFailures()) {
            throw failure;
        }
        if (Thread.currentThread().isInterrupted()) {
            throw failure;
        }
        Optional<Duration> delay = policy.delayBeforeRetry(attempt, failure);
        if (delay.isEmpty()) {
            throw failure;
        }
        try {
            sleeper.sleep(delay.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ServiceUnavailableException interrupted = new ServiceUnavailableException(SERVICE, 0,
                    request + ": interrupted while waiting to retry", null, e);
            interrupted.addSuppressed(failure);
            throw interrupted;
        }
    }

    private CloudSendReceipt receipt(HttpResult result, String request) {
        String context = SERVICE + " " + request + " answered HTTP " + result.status()
                + " (the message may have been sent; match it by biz_opaque_callback_data in the status webhooks)";
        JsonNode root;
        try {
            root = codec.readTree(result.body());
        } catch (JsonFormatException e) {
            throw e.withContext(context);
        }
        if (!root.isObject()) {
            throw malformed(context, "$", "the response is not a JSON object");
        }
        JsonNode messages = root.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            throw malformed(context, "$.messages", "messages must be a non-empty array");
        }
        JsonNode first = messages.get(0);
        JsonNode id = first.path("id");
        if (!id.isTextual() || id.asText().isBlank()) {
            throw malformed(context, "$.messages[0].id", "messages[0].id must be a non-blank string");
        }
        JsonNode status = first.path("message_status");
        if (!status.isMissingNode() && !status.isNull() && !status.isTextual()) {
            throw malformed(context, "$.messages[0].message_status", "messages[0].message_status must be a string");
        }
        JsonNode waId = root.path("contacts").path(0).path("wa_id");
        return new CloudSendReceipt(
                id.asText(),
                waId.isTextual() && !waId.asText().isBlank() ? waId.asText() : null,
                status.isTextual() ? status.asText() : null,
                clock.instant());
    }

    private static JsonFormatException malformed(String context, String path, String problem) {
        return new JsonFormatException(context + ": " + problem + " (at " + path + ")", path, -1, -1, null);
    }

    /** Builds a {@link CloudApiClient}. Not thread-safe. */
    public static final class Builder {
        private final WhatsAppCloudConfig config;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private HttpLogSink logSink = HttpLogSink.slf4j();
        private @Nullable ProxySelector proxy;

        private Builder(WhatsAppCloudConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /**
         * Sets the clock of receipts and of HTTP-date {@code Retry-After} values. Default system UTC.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets how waits between attempts are made. Default {@link Sleeper#system()}.
         *
         * @param sleeper the sleeper; tests pass one that records the waits
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Sets where request and response lines go (masked by hq-http). Default {@link HttpLogSink#slf4j()}.
         *
         * @param logSink the sink
         * @return this builder
         */
        public Builder logSink(HttpLogSink logSink) {
            this.logSink = Objects.requireNonNull(logSink, "logSink");
            return this;
        }

        /**
         * Sets a proxy for the calls.
         *
         * @param proxy the proxy selector
         * @return this builder
         */
        public Builder proxy(ProxySelector proxy) {
            this.proxy = Objects.requireNonNull(proxy, "proxy");
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws ConfigurationException if the HTTP layer refuses the settings
         */
        public CloudApiClient build() {
            return new CloudApiClient(this);
        }
    }
}

package dev.aihq.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.channel.ChannelLimits;
import dev.aihq.api.channel.MarkupStyle;
import dev.aihq.api.channel.MessageChannel;
import dev.aihq.api.channel.OutboundMessage;
import dev.aihq.api.channel.SendReceipt;
import dev.aihq.api.event.CustomerReplyEvent;
import dev.aihq.api.result.RunOutcome;
import dev.aihq.api.store.RunRecord;
import dev.aihq.api.web.WebhookRequest;
import dev.aihq.api.web.WebhookResponse;
import dev.aihq.api.web.WebhookRoute;
import dev.aihq.pipeline.AgentPipeline;
import dev.aihq.pipeline.Submission;
import dev.aihq.pipeline.json.SdkJson;
import dev.aihq.pipeline.web.RunView;
import dev.aihq.pipeline.web.WebhookSecretProvider;
import dev.aihq.pipeline.web.WebhookSignature;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * A stand-in for WhatsApp that prints what it sends (the customer's number masked) and keeps it, returning
 * provider ids {@code demo-msg-1}, {@code demo-msg-2}, … It also contributes an inbound route,
 * {@code POST /demo/whatsapp-inbound}, where a customer's message arrives as
 * {@code {"shop_id", "from", "text", "message_id"}}, authenticated like the front door's own endpoints
 * ({@code X-HQ-Signature: sha256=<HMAC-SHA256 of the body with the shop's secret>} or
 * {@code Authorization: Bearer <secret>}). The message becomes a {@link CustomerReplyEvent} for the reply
 * pipeline {@link #connect(AgentPipeline) connected} to it; the answer is {@code 202} with the run id, or,
 * with {@code Prefer: wait=N}, the run's view once it ends ({@code 200}, or {@code 422} when rejected).
 * Thread-safe.
 */
public final class ConsoleChannel implements MessageChannel {

    /** The channel's name. */
    public static final String NAME = "demo-whatsapp";
    /** The inbound route's path. */
    public static final String INBOUND_PATH = "/demo/whatsapp-inbound";

    private static final Pattern WAIT = Pattern.compile("(?i)(?:^|[;,\\s])wait\\s*=\\s*(\\d{1,4})");
    private static final Duration MAX_WAIT = Duration.ofSeconds(60);
    private static final int WRAP_AT = 90;
    private static final Pattern KEEP_TOGETHER = Pattern.compile("(?<=\\d) (?=\\d{3}(?!\\d))|(?<=\\d) (?=[₸₽])");

    private final PrintStream out;
    private final WebhookSecretProvider secrets;
    private final Clock clock;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicReference<AgentPipeline<CustomerReplyEvent, ?, ?>> replies = new AtomicReference<>();

    /**
     * A message the channel sent.
     *
     * @param providerMessageId the id it returned
     * @param message the message
     */
    public record Sent(String providerMessageId, OutboundMessage message) {}

    /**
     * Creates the channel.
     *
     * @param out where sent messages are printed
     * @param secrets the shops' secrets, which authenticate the inbound route
     * @param clock the clock
     */
    public ConsoleChannel(PrintStream out, WebhookSecretProvider secrets, Clock clock) {
        this.out = Objects.requireNonNull(out, "out");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Connects the pipeline customers' messages go to.
     *
     * @param pipeline the sales agent's reply pipeline
     */
    public void connect(AgentPipeline<CustomerReplyEvent, ?, ?> pipeline) {
        replies.set(Objects.requireNonNull(pipeline, "pipeline"));
    }

    /**
     * Returns what was sent so far, oldest first.
     *
     * @return the messages
     */
    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ChannelLimits limits() {
        return new ChannelLimits(4096, MarkupStyle.WHATSAPP, false);
    }

    @Override
    public SendReceipt send(OutboundMessage message) {
        String id = "demo-msg-" + ids.incrementAndGet();
        sent.add(new Sent(id, message));
        synchronized (out) {
            out.println("  WhatsApp → " + message.to().masked() + "  [" + id + "]");
            for (String line : wrap(message.text(), WRAP_AT)) {
                out.println("    │ " + line);
            }
        }
        return new SendReceipt(id, clock.instant());
    }

    /** Wraps at spaces, never inside a price such as {@code 12 990 ₸}. */
    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : KEEP_TOGETHER.matcher(text).replaceAll("\u00A0").split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                if (line.length() > 0) {
                    line.append(' ');
                }
                line.append(word);
            }
            lines.add(line.toString());
        }
        lines.replaceAll(line -> line.replace('\u00A0', ' '));
        return lines;
    }

    @Override
    public List<WebhookRoute> webhookRoutes() {
        return List.of(new InboundRoute());
    }

    /** {@code POST /demo/whatsapp-inbound}. */
    private final class InboundRoute implements WebhookRoute {

        @Override
        public String method() {
            return "POST";
        }

        @Override
        public String path() {
            return INBOUND_PATH;
        }

        @Override
        public WebhookResponse handle(WebhookRequest request) {
            JsonNode body;
            try {
                body = SdkJson.mapper().readTree(request.body());
            } catch (java.io.IOException e) {
                return error(400, "malformed_json", "the body is not JSON");
            }
            if (body == null || !body.isObject()) {
                return error(400, "invalid_event", "the body must be a JSON object");
            }
            ShopId shopId;
            try {
                shopId = ShopId.of(text(body, "shop_id").orElse(""));
            } catch (IllegalArgumentException e) {
                return error(400, "invalid_event", "shop_id: " + e.getMessage());
            }
            Optional<String> secret = secrets.secret(shopId).filter(s -> !s.isBlank());
            if (secret.isEmpty() || !authenticated(request, secret.get())) {
                return error(401, "unauthenticated", "sign the body with the shop's secret (X-HQ-Signature) or"
                        + " send Authorization: Bearer <secret>").withHeader("WWW-Authenticate", "Bearer");
            }
            List<String> problems = new ArrayList<>();
            PhoneNumber from = null;
            try {
                from = PhoneNumber.parseContact(text(body, "from").orElse(null)).orElse(null);
                if (from == null) {
                    problems.add("from: a customer's phone number is required");
                }
            } catch (IllegalArgumentException e) {
                problems.add("from: " + e.getMessage());
            }
            String text = text(body, "text").orElse("");
            if (text.isBlank() || text.length() > CustomerReplyEvent.MAX_TEXT_LENGTH) {
                problems.add("text: 1-" + CustomerReplyEvent.MAX_TEXT_LENGTH + " characters are required");
            }
            String messageId = text(body, "message_id").orElse("");
            if (messageId.isBlank() || messageId.length() > 128) {
                problems.add("message_id: 1-128 characters are required");
            }
            if (!problems.isEmpty()) {
                return error(400, "invalid_event", String.join("; ", problems));
            }
            AgentPipeline<CustomerReplyEvent, ?, ?> pipeline = replies.get();
            if (pipeline == null || !pipeline.isRunning()) {
                return error(503, "unavailable", "the reply pipeline is not running").withHeader("Retry-After", "5");
            }
            CustomerReplyEvent event = CustomerReplyEvent.of(shopId, NAME, Objects.requireNonNull(from), text,
                    messageId, clock.instant());
            Submission submission = pipeline.submit(event);
            return answer(submission, wait(request));
        }

        private WebhookResponse answer(Submission submission, Duration wait) {
            RunRecord record = submission.record();
            if (submission.kind() == Submission.Kind.REJECTED && record != null) {
                return WebhookResponse.json(422, RunView.toJson(record));
            }
            if (!wait.isZero()) {
                try {
                    Optional<RunRecord> done = submission.await(wait);
                    if (done.isPresent()) {
                        RunRecord finished = done.get();
                        String json = submission.kind() == Submission.Kind.DUPLICATE
                                ? duplicate(RunView.toJson(finished)) : RunView.toJson(finished);
                        return WebhookResponse.json(finished.outcome() == RunOutcome.REJECTED ? 422 : 200, json)
                                .withHeader("Preference-Applied", "wait=" + wait.toSeconds());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (submission.kind() == Submission.Kind.DUPLICATE && record != null) {
                return WebhookResponse.json(200, duplicate(RunView.toJson(record)));
            }
            ObjectNode accepted = SdkJson.mapper().createObjectNode()
                    .put("run_id", submission.runId().value())
                    .put("status", RunView.IN_PROGRESS);
            return WebhookResponse.json(202, accepted.toString());
        }

        private boolean authenticated(WebhookRequest request, String secret) {
            Optional<String> signature = request.header(WebhookSignature.HEADER);
            if (signature.isPresent()) {
                return WebhookSignature.matches(secret, request.body(), signature.get());
            }
            return request.header("Authorization")
                    .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                    .map(h -> MessageDigest.isEqual(h.substring(7).strip().getBytes(StandardCharsets.UTF_8),
                            secret.getBytes(StandardCharsets.UTF_8)))
                    .orElse(false);
        }

        private Duration wait(WebhookRequest request) {
            List<String> values = request.headers().getOrDefault("prefer", List.of());
            for (String value : values) {
                Matcher m = WAIT.matcher(value);
                if (m.find()) {
                    Duration asked = Duration.ofSeconds(Long.parseLong(m.group(1)));
                    return asked.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : asked;
                }
            }
            return Duration.ZERO;
        }

        private String duplicate(String viewJson) {
            try {
                ObjectNode view = (ObjectNode) SdkJson.mapper().readTree(viewJson);
                view.put("duplicate", true);
                return view.toString();
            } catch (JsonProcessingException e) {
                return viewJson;
            }
        }

        private Optional<String> text(JsonNode body, String field) {
            JsonNode value = body.get(field);
            return value == null || value.isNull() || !value.isValueNode() ? Optional.empty()
                    : Optional.of(value.asText());
        }

        private WebhookResponse error(int status, String code, @Nullable String message) {
            ObjectNode json = SdkJson.mapper().createObjectNode().put("error", code).put("message", message);
            return WebhookResponse.json(status, json.toString());
        }
    }
}

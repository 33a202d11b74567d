package dev.aihq.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aihq.agents.AiHq;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.channel.ChannelLimits;
import dev.aihq.api.channel.ChannelSink;
import dev.aihq.api.channel.InboundTraffic;
import dev.aihq.api.channel.MarkupStyle;
import dev.aihq.api.channel.MessageChannel;
import dev.aihq.api.channel.OutboundMessage;
import dev.aihq.api.channel.SendReceipt;
import dev.aihq.api.event.CustomerReplyEvent;
import dev.aihq.api.web.WebhookRequest;
import dev.aihq.api.web.WebhookResponse;
import dev.aihq.api.web.WebhookRoute;
import dev.aihq.pipeline.AgentPipeline;
import dev.aihq.pipeline.json.SdkJson;
import dev.aihq.pipeline.web.ShopAuthenticator;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.annotation.Nullable;

/**
 * A stand-in for WhatsApp that prints what it sends (the customer's number masked, the buttons listed) and
 * keeps it, returning provider ids {@code demo-msg-1}, {@code demo-msg-2}, … It also contributes an inbound
 * route, {@code POST /demo/whatsapp-inbound}, where a customer's message arrives as
 * {@code {"shop_id", "from", "text", "message_id"}} (plus {@code "button"}, the id of a tapped button),
 * authenticated like the front door's own endpoints ({@code X-HQ-Signature: sha256=<HMAC-SHA256 of the body
 * with the shop's secret>} or {@code Authorization: Bearer <secret>}) once the channel is
 * {@link #connect(AiHq) connected}. The message becomes a {@link CustomerReplyEvent} handed to AI HQ's
 * {@link ChannelSink} (consent answers applied, other replies to the reply pipeline); the answer is
 * {@code 202}. Thread-safe.
 */
public final class ConsoleChannel implements MessageChannel {

    /** The channel's name. */
    public static final String NAME = "demo-whatsapp";
    /** The inbound route's path. */
    public static final String INBOUND_PATH = "/demo/whatsapp-inbound";

    private static final int WRAP_AT = 90;
    private static final ChannelLimits LIMITS = new ChannelLimits(4096, MarkupStyle.WHATSAPP, false, 3);
    private static final Pattern KEEP_TOGETHER = Pattern.compile("(?<=\\d) (?=\\d{3}(?!\\d))|(?<=\\d) (?=[₸₽])");

    private final PrintStream out;
    private final Clock clock;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicReference<Connection> connection = new AtomicReference<>();

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
     * @param clock the clock
     */
    public ConsoleChannel(PrintStream out, Clock clock) {
        this.out = Objects.requireNonNull(out, "out");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Connects the channel to a built AI HQ: the inbound route authenticates like its front door and
     * answers once its reply pipeline runs.
     *
     * @param hq the AI HQ this channel was built into
     */
    public void connect(AiHq hq) {
        connection.set(new Connection(hq.replies(), hq.frontDoor().authenticator()));
    }

    private record Connection(AgentPipeline<CustomerReplyEvent, ?, ?> replies, ShopAuthenticator authenticator) {}

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
    public SendReceipt send(OutboundMessage message) {
        String id = "demo-msg-" + ids.incrementAndGet();
        sent.add(new Sent(id, message));
        synchronized (out) {
            out.println("  WhatsApp → " + message.to().masked() + "  [" + id + ", " + message.category() + "]");
            for (String line : wrap(message.text(), WRAP_AT)) {
                out.println("    │ " + line);
            }
            if (!message.quickReplies().isEmpty()) {
                out.println("    │ " + message.quickReplies().stream().map(reply -> "[ " + reply.title() + " ]")
                        .collect(Collectors.joining(" ")));
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
    public ChannelLimits limits() {
        return LIMITS;
    }

    @Override
    public List<WebhookRoute> webhookRoutes(ChannelSink sink) {
        return List.of(new InboundRoute(sink));
    }

    /** {@code POST /demo/whatsapp-inbound}. */
    private final class InboundRoute implements WebhookRoute {

        private final ChannelSink sink;

        InboundRoute(ChannelSink sink) {
            this.sink = sink;
        }

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
            Connection connected = connection.get();
            if (connected == null || !connected.replies().isRunning()) {
                return error(503, "unavailable", "the reply pipeline is not running").withHeader("Retry-After", "5");
            }
            WebhookResponse denied = connected.authenticator().authenticate(request, shopId);
            if (denied != null) {
                return denied;
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
            String button = text(body, "button").orElse(null);
            if (button != null && (button.isBlank() || button.length() > CustomerReplyEvent.MAX_USER_ID_LENGTH)) {
                problems.add("button: 1-" + CustomerReplyEvent.MAX_USER_ID_LENGTH + " characters when present");
            }
            if (!problems.isEmpty()) {
                return error(400, "invalid_event", String.join("; ", problems));
            }
            CustomerReplyEvent event = new CustomerReplyEvent(shopId, NAME, Objects.requireNonNull(from), null, text,
                    button, messageId, clock.instant(), CustomerReplyEvent.keyFor(NAME, messageId));
            sink.receive(new InboundTraffic(List.of(event), List.of(), List.of(), List.of()));
            ObjectNode json = SdkJson.mapper().createObjectNode().put("received", event.idempotencyKey());
            return WebhookResponse.json(202, json.toString());
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

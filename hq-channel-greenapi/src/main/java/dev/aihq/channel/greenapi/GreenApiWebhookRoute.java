package dev.aihq.channel.greenapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.channel.ChannelSink;
import dev.aihq.api.channel.DeliveryState;
import dev.aihq.api.channel.DeliveryStatus;
import dev.aihq.api.channel.FailureKind;
import dev.aihq.api.channel.InboundTraffic;
import dev.aihq.api.error.FieldError;
import dev.aihq.api.event.CustomerReplyEvent;
import dev.aihq.api.web.WebhookRequest;
import dev.aihq.api.web.WebhookResponse;
import dev.aihq.api.web.WebhookRoute;
import dev.aihq.http.JsonCodec;
import dev.aihq.http.JsonFormatException;
import dev.aihq.http.Masking;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Green-API webhook: one {@code POST} route for every instance of {@link GreenApiAccounts}, which
 * Green-API calls once per notification. Get it from {@link GreenApiChannel#webhookRoutes(ChannelSink)}.
 *
 * <ol>
 *   <li><b>Authentication.</b> Green-API has no signature; it sends the instance's {@code webhookUrlToken}
 *       in the {@code Authorization} header, bare or as {@code Bearer <token>} (both are accepted). A
 *       missing header is answered {@code 401} at once. Otherwise the body's
 *       {@code instanceData.idInstance} names the instance, and the header must match that instance's
 *       {@link GreenApiConfig#webhookToken()} (compared in constant time), else {@code 401}. Refusals are
 *       logged without the token or the body.</li>
 *   <li><b>Unknown instance</b>: {@code 200} and a warning, because Green-API redelivers anything else for
 *       24 hours. A body that is not JSON or has no {@code instanceData.idInstance}: {@code 400}.</li>
 *   <li><b>Translation</b> (unknown fields ignored): {@code incomingMessageReceived} with a
 *       {@code textMessage}, {@code extendedTextMessage} or {@code quotedMessage} becomes a
 *       {@link CustomerReplyEvent} ({@code 77071234567@c.us} → {@code +77071234567}, Unix seconds, the key
 *       from {@code idMessage}); group chats ({@code @g.us}) and other message types (media, locations) are
 *       left out with a debug line. {@code outgoingMessageStatus} becomes a {@link DeliveryStatus}
 *       ({@code sent}, {@code delivered}, {@code read}; {@code failed} → FAILED/UNKNOWN, {@code noAccount}
 *       and {@code notInGroup} → FAILED/RECIPIENT_UNREACHABLE, {@code yellowCard} → FAILED/ACCOUNT_BLOCKED,
 *       also logged as a warning). Other notification types are ignored with a debug line. A notification
 *       that cannot be read becomes a {@link FieldError} in {@link InboundTraffic#problems()}, with its
 *       field path and no personal data, and is still answered {@code 200}.</li>
 *   <li><b>Hand-over.</b> Non-empty traffic goes to the {@link ChannelSink}; when the sink throws, the
 *       answer is {@code 500} so that Green-API delivers the notification again.</li>
 * </ol>
 *
 * <p>Phone numbers are masked in every log line. Thread-safe.
 */
public final class GreenApiWebhookRoute implements WebhookRoute {

    /** The path used when none is given. */
    public static final String DEFAULT_PATH = "/webhooks/green-api";

    private static final Logger LOG = LoggerFactory.getLogger(GreenApiWebhookRoute.class);
    private static final String PERSON = "@c.us";
    private static final String GROUP = "@g.us";

    private final String path;
    private final GreenApiAccounts accounts;
    private final ChannelSink sink;
    private final JsonCodec codec = JsonCodec.defaults();

    /**
     * Creates the route; {@link GreenApiChannel#webhookRoutes(ChannelSink)} is the usual way.
     *
     * @param path the path, starting with {@code /}
     * @param accounts the instances and their webhook tokens
     * @param sink where replies and statuses go
     */
    public GreenApiWebhookRoute(String path, GreenApiAccounts accounts, ChannelSink sink) {
        this.path = Objects.requireNonNull(path, "path");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.sink = Objects.requireNonNull(sink, "sink");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/', got '" + path + "'");
        }
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
     * Returns the path the route answers.
     *
     * @return e.g. {@value #DEFAULT_PATH}
     */
    @Override
    public String path() {
        return path;
    }

    /**
     * Answers one Green-API notification; see the type's description for the statuses.
     *
     * @param request the raw request
     * @return the response
     */
    @Override
    public WebhookResponse handle(WebhookRequest request) {
        if (!"POST".equals(request.method())) {
            return WebhookResponse.text(405, "method not allowed: use POST").withHeader("Allow", "POST");
        }
        Optional<String> presented = request.header("Authorization").map(GreenApiWebhookRoute::withoutScheme)
                .filter(token -> !token.isEmpty());
        if (presented.isEmpty()) {
            LOG.warn("Green-API webhook {}: delivery refused, Authorization header missing ({} bytes from {})", path,
                    request.body().length, remote(request));
            return WebhookResponse.text(401, "missing Authorization");
        }
        JsonNode root;
        try {
            root = codec.readTree(request.body());
        } catch (JsonFormatException e) {
            LOG.warn("Green-API webhook {}: delivery refused, the body is not JSON ({} bytes)", path,
                    request.body().length);
            return WebhookResponse.text(400, "the body is not JSON");
        }
        JsonNode idNode = root.path("instanceData").path("idInstance");
        Long idInstance = longValue(idNode);
        if (!root.isObject() || idInstance == null) {
            LOG.warn("Green-API webhook {}: delivery refused, instanceData.idInstance is missing", path);
            return WebhookResponse.text(400, "instanceData.idInstance must be a number");
        }
        Optional<ShopId> shop = accounts.shopForInstance(idInstance);
        Optional<GreenApiConfig> config = shop.flatMap(accounts::forShop)
                .filter(c -> c.idInstance() == idInstance);
        if (shop.isEmpty() || config.isEmpty()) {
            LOG.warn("Green-API webhook {}: notification for unknown instance {} ignored (answered 200 so that"
                    + " Green-API does not redeliver it)", path, idInstance);
            return WebhookResponse.empty(200);
        }
        if (!sameToken(config.get().webhookToken(), presented.get())) {
            LOG.warn("Green-API webhook {}: delivery refused, Authorization does not match the webhook token of"
                    + " instance {} ({} bytes from {})", path, idInstance, request.body().length, remote(request));
            return WebhookResponse.text(401, "invalid Authorization");
        }
        InboundTraffic traffic = translate(shop.get(), idInstance, root);
        if (!traffic.problems().isEmpty()) {
            LOG.warn("Green-API webhook {}: a notification of instance {} could not be read: {}", path, idInstance,
                    traffic.problems().stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        }
        if (traffic.isEmpty()) {
            return WebhookResponse.empty(200);
        }
        try {
            sink.receive(traffic);
        } catch (RuntimeException e) {
            LOG.error("Green-API webhook {}: the sink failed on {} of instance {}; answering 500 so that Green-API"
                    + " redelivers ({}: {})", path, traffic, idInstance, e.getClass().getName(),
                    Masking.maskText(String.valueOf(e.getMessage())));
            return WebhookResponse.text(500, "could not record the notification; please redeliver");
        }
        LOG.debug("Green-API webhook {}: accepted {} of instance {}", path, traffic, idInstance);
        return WebhookResponse.empty(200);
    }

    private InboundTraffic translate(ShopId shop, long idInstance, JsonNode root) {
        List<CustomerReplyEvent> replies = new ArrayList<>();
        List<DeliveryStatus> statuses = new ArrayList<>();
        List<FieldError> problems = new ArrayList<>();
        JsonNode type = root.path("typeWebhook");
        if (!type.isTextual()) {
            problems.add(new FieldError("typeWebhook", "must be a string"));
        } else {
            switch (type.asText()) {
                case "incomingMessageReceived" -> reply(shop, root, replies, problems);
                case "outgoingMessageStatus" -> status(shop, idInstance, root, statuses, problems);
                default -> LOG.debug("Green-API webhook {}: {} of instance {} ignored", path,
                        Masking.excerpt(type.asText(), 40), idInstance);
            }
        }
        return new InboundTraffic(replies, statuses, List.of(), problems);
    }

    private void reply(ShopId shop, JsonNode root, List<CustomerReplyEvent> replies, List<FieldError> problems) {
        JsonNode chat = root.path("senderData").path("chatId");
        if (chat.isTextual() && chat.asText().endsWith(GROUP)) {
            LOG.debug("Green-API webhook {}: a message in a group chat ignored", path);
            return;
        }
        int before = problems.size();
        PhoneNumber from = person(chat, "senderData.chatId", problems);
        String id = nonBlank(root.path("idMessage"), "idMessage", problems);
        Instant at = seconds(root.path("timestamp"), "timestamp", problems);
        JsonNode data = root.path("messageData");
        JsonNode typeMessage = data.path("typeMessage");
        String text = null;
        if (!typeMessage.isTextual()) {
            problems.add(new FieldError("messageData.typeMessage", "must be a string"));
        } else {
            switch (typeMessage.asText()) {
                case "textMessage" -> text = nonBlank(data.path("textMessageData").path("textMessage"),
                        "messageData.textMessageData.textMessage", problems);
                case "extendedTextMessage", "quotedMessage" -> text = nonBlank(
                        data.path("extendedTextMessageData").path("text"), "messageData.extendedTextMessageData.text",
                        problems);
                default -> {
                    LOG.debug("Green-API webhook {}: a {} from {} left out (only text is handed over)", path,
                            Masking.excerpt(typeMessage.asText(), 40), from == null ? "?" : from.masked());
                    return;
                }
            }
        }
        if (problems.size() > before || from == null || id == null || at == null || text == null) {
            return;
        }
        CustomerReplyEvent event = CustomerReplyEvent.of(shop, GreenApiChannel.NAME, from, cut(text), id, at);
        LOG.debug("Green-API webhook {}: reply {} from {}", path, id, from.masked());
        replies.add(event);
    }

    private void status(ShopId shop, long idInstance, JsonNode root, List<DeliveryStatus> statuses,
            List<FieldError> problems) {
        int before = problems.size();
        String id = nonBlank(root.path("idMessage"), "idMessage", problems);
        Instant at = seconds(root.path("timestamp"), "timestamp", problems);
        JsonNode statusNode = root.path("status");
        DeliveryState state = null;
        FailureKind failure = null;
        String title = null;
        if (!statusNode.isTextual()) {
            problems.add(new FieldError("status", "must be a string"));
        } else {
            String status = statusNode.asText();
            switch (status) {
                case "sent" -> state = DeliveryState.SENT;
                case "delivered" -> state = DeliveryState.DELIVERED;
                case "read" -> state = DeliveryState.READ;
                case "failed" -> {
                    state = DeliveryState.FAILED;
                    failure = FailureKind.UNKNOWN;
                    title = "not delivered";
                }
                case "noAccount" -> {
                    state = DeliveryState.FAILED;
                    failure = FailureKind.RECIPIENT_UNREACHABLE;
                    title = "the number has no WhatsApp account";
                }
                case "notInGroup" -> {
                    state = DeliveryState.FAILED;
                    failure = FailureKind.RECIPIENT_UNREACHABLE;
                    title = "not a member of the group";
                }
                case "yellowCard" -> {
                    state = DeliveryState.FAILED;
                    failure = FailureKind.ACCOUNT_BLOCKED;
                    title = "sending suspended for spam";
                    LOG.warn("Green-API webhook {}: WhatsApp suspended sending from instance {} for spam"
                            + " (yellowCard); stop sending from it for now", path, idInstance);
                }
                default -> problems.add(new FieldError("status", "unknown status '"
                        + Masking.excerpt(status, 30) + "'"));
            }
        }
        if (problems.size() > before || id == null || at == null || state == null) {
            return;
        }
        statuses.add(new DeliveryStatus(shop, GreenApiChannel.NAME, id, null, state, at, failure,
                failure == null ? null : statusNode.asText(), title));
    }

    private static @Nullable PhoneNumber person(JsonNode chat, String field, List<FieldError> problems) {
        if (!chat.isTextual()) {
            problems.add(new FieldError(field, "must be a string"));
            return null;
        }
        String chatId = chat.asText();
        if (!chatId.endsWith(PERSON)) {
            problems.add(new FieldError(field, "must be a person's chat (<digits>@c.us)"));
            return null;
        }
        try {
            return new PhoneNumber("+" + chatId.substring(0, chatId.length() - PERSON.length()));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldError(field, "must hold an international number (8-15 digits)"));
            return null;
        }
    }

    private static @Nullable String nonBlank(JsonNode node, String field, List<FieldError> problems) {
        if (!node.isTextual() || node.asText().isBlank()) {
            problems.add(new FieldError(field, "must be a non-blank string"));
            return null;
        }
        return node.asText();
    }

    private static @Nullable Instant seconds(JsonNode node, String field, List<FieldError> problems) {
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() <= 0) {
            problems.add(new FieldError(field, "must be Unix seconds as a positive whole number"));
            return null;
        }
        return Instant.ofEpochSecond(node.asLong());
    }

    private static @Nullable Long longValue(JsonNode node) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.asLong();
        }
        if (node.isTextual() && node.asText().matches("\\d{1,18}")) {
            return Long.parseLong(node.asText());
        }
        return null;
    }

    /** Cuts a reply longer than the event allows without splitting a surrogate pair. */
    private static String cut(String text) {
        if (text.length() <= CustomerReplyEvent.MAX_TEXT_LENGTH) {
            return text;
        }
        int end = CustomerReplyEvent.MAX_TEXT_LENGTH;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    private static String withoutScheme(String header) {
        String value = header.strip();
        if (value.length() > 7 && value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return value.substring(7).strip();
        }
        return value;
    }

    private static boolean sameToken(String expected, String presented) {
        return MessageDigest.isEqual(sha256(expected), sha256(presented));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static String remote(WebhookRequest request) {
        return request.remoteAddress() == null ? "an unknown address" : request.remoteAddress();
    }

    /** Names the route without secrets. */
    @Override
    public String toString() {
        return "GreenApiWebhookRoute[POST " + path + "]";
    }
}

package dev.aihq.connectors.ozon.internal.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.api.connector.Capability;
import dev.aihq.api.error.AuthenticationException;
import dev.aihq.api.error.MarketplaceException;
import dev.aihq.api.error.RateLimitedException;
import dev.aihq.api.error.RemoteTimeoutException;
import dev.aihq.api.error.RequestRejectedException;
import dev.aihq.api.error.ResourceNotFoundException;
import dev.aihq.api.error.RetriableMarketplaceException;
import dev.aihq.api.error.ServiceUnavailableException;
import dev.aihq.connectors.ozon.OzonChatWindowClosedException;
import dev.aihq.connectors.ozon.OzonSubscription;
import dev.aihq.connectors.ozon.OzonSubscriptionRequiredException;
import dev.aihq.http.ErrorResponseMapper;
import dev.aihq.http.HttpStatusMapper;
import dev.aihq.http.JsonCodec;
import dev.aihq.http.JsonFormatException;
import dev.aihq.http.Masking;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * Reads Ozon's error body, {@code rpcStatus} {@code {code, message, details}} (reference §3.2; {@code details} a
 * list of {@code {typeUrl, value}}, or a string in the Q&amp;A methods), into the SDK's exception tree with Ozon's
 * message in the exception text: {@code <request>: <reason>; Ozon said: <message> (code <n>)}. By precedence:
 *
 * <ol>
 *   <li>{@code You have reached request rate limit per second}, whatever the status: a
 *       {@link RateLimitedException} (retried, waiting {@code Retry-After} when sent);</li>
 *   <li>{@code Circle is open} (a method shut for a few minutes under load), whatever the status: a
 *       {@link ServiceUnavailableException} (retried);</li>
 *   <li>a problem of the key ({@code Invalid Api-Key…}, {@code Api-key is deactivated…},
 *       {@code Api-Key is missing a required role…}, {@code Api-Key is restricted to specific IP addresses},
 *       {@code Offer not signed}) or gRPC code 16 {@code Unauthenticated}: an {@link AuthenticationException};</li>
 *   <li>{@code access period has expired} on a chat method (chats, chat order link, chat start), whatever the
 *       status or code: an {@link OzonChatWindowClosedException}, the seller's window to write in the chat having
 *       closed (integrator-reported, reference §3.2);</li>
 *   <li>gRPC code 7 {@code PermissionDenied} on a method that needs a subscription (reviews, questions, chats):
 *       an {@link OzonSubscriptionRequiredException} naming Premium Plus (integrator-reported, reference §3.2);
 *       on any other method an {@link AuthenticationException} (the key lacks the permission);</li>
 *   <li>otherwise the status decides, as {@link HttpStatusMapper} maps it (401/403 authentication, 404 not found,
 *       429 rate limited, 5xx unavailable, other 4xx rejected).</li>
 * </ol>
 *
 * <p>A body that is not an {@code rpcStatus} (an HTML page) keeps the status mapping. Ozon's text is masked and cut
 * to {@value #MAX_TEXT} characters. One mapper per capability, so that code 7 can name the subscription. Thread-safe.
 */
public final class OzonErrorMapper implements ErrorResponseMapper {

    /** The most characters of Ozon's text quoted in a message. */
    public static final int MAX_TEXT = 500;

    /** gRPC's {@code PermissionDenied}. */
    public static final int CODE_PERMISSION_DENIED = 7;

    /** gRPC's {@code Unauthenticated}. */
    public static final int CODE_UNAUTHENTICATED = 16;

    /** Ozon's text when the per-second limit is hit. */
    public static final String RATE_LIMIT_TEXT = "You have reached request rate limit per second";

    /** Ozon's text when a method is shut for a while under load. */
    public static final String CIRCLE_OPEN_TEXT = "Circle is open";

    private static final List<String> KEY_PROBLEMS = List.of("invalid api-key", "api-key is deactivated",
            "api-key is missing a required role", "api-key is restricted", "offer not signed");

    private static final Set<Capability> CHAT_CAPABILITIES = Set.of(Capability.CHATS, Capability.CHAT_ORDER_LINK,
            Capability.PROACTIVE_MESSAGE);

    private final String service;
    private final JsonCodec codec;
    private final Capability capability;

    /**
     * Creates a mapper for the calls of one capability.
     *
     * @param service the service name of the exceptions
     * @param codec the codec to read bodies with
     * @param capability the capability of the calls it maps, to name a missing subscription
     */
    public OzonErrorMapper(String service, JsonCodec codec, Capability capability) {
        this.service = Objects.requireNonNull(service, "service");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.capability = Objects.requireNonNull(capability, "capability");
    }

    @Override
    public @Nullable MarketplaceException map(String request, int status, Map<String, List<String>> headers,
            byte[] body, MarketplaceException byStatus) {
        RpcStatus rpc = read(body);
        if (rpc == null) {
            return null;
        }
        Duration retryAfter = byStatus instanceof RetriableMarketplaceException retriable
                ? retriable.retryAfter().orElse(null) : null;
        String said = "; Ozon said: " + rpc.describe();
        String lower = rpc.message().toLowerCase(Locale.ROOT);
        if (lower.contains(RATE_LIMIT_TEXT.toLowerCase(Locale.ROOT))) {
            return new RateLimitedException(service, status, request + ": rate limited (50 requests a second per"
                    + " Client-Id)" + wait(retryAfter) + said, retryAfter, byStatus);
        }
        if (lower.contains(CIRCLE_OPEN_TEXT.toLowerCase(Locale.ROOT))) {
            return new ServiceUnavailableException(service, status, request + ": the method is shut for a while"
                    + " under load" + wait(retryAfter) + said, retryAfter, byStatus);
        }
        if (rpc.code() == CODE_UNAUTHENTICATED || KEY_PROBLEMS.stream().anyMatch(lower::contains)) {
            return new AuthenticationException(service, status, request + ": credentials refused" + said, byStatus);
        }
        if (lower.contains(OzonChatWindowClosedException.OZON_TEXT) && CHAT_CAPABILITIES.contains(capability)) {
            return new OzonChatWindowClosedException(service, status, capability, request + ": the seller's window"
                    + " to write in this chat has closed (Ozon: FBO 48 h after the buyer's last message; FBS/rFBS 72 h"
                    + " after delivery, then 48 h after the buyer's last message; a chat start within 72 h after"
                    + " payment or delivery)" + said, byStatus);
        }
        if (rpc.code() == CODE_PERMISSION_DENIED) {
            OzonSubscription needed = OzonHttp.requiredSubscription(capability);
            if (needed != null) {
                return new OzonSubscriptionRequiredException(service, status, needed, capability, request + ": "
                        + capability + " needs the " + needed.displayName() + " subscription, which Ozon says this"
                        + " shop does not have" + said, byStatus);
            }
            return new AuthenticationException(service, status, request + ": permission denied (the Api-Key lacks"
                    + " a role for this method?)" + said, byStatus);
        }
        HttpStatusMapper.Mapping mapping = HttpStatusMapper.mappingFor(status);
        String message = request + ": " + reason(mapping) + wait(retryAfter) + said;
        return switch (mapping) {
            case AUTHENTICATION -> new AuthenticationException(service, status, message, byStatus);
            case NOT_FOUND -> new ResourceNotFoundException(service, status, message, byStatus);
            case REQUEST_TIMEOUT, TIMEOUT -> new RemoteTimeoutException(service, status, message, retryAfter,
                    byStatus);
            case RATE_LIMITED -> new RateLimitedException(service, status, message, retryAfter, byStatus);
            case SERVER_ERROR, CONNECTION_FAILED -> new ServiceUnavailableException(service, status, message,
                    retryAfter, byStatus);
            case REJECTED -> new RequestRejectedException(service, status, message, byStatus);
        };
    }

    /**
     * Reads an {@code rpcStatus} body.
     *
     * @param body the body
     * @return the status, or {@code null} when the body is not one (no {@code message} and no {@code code})
     */
    public @Nullable RpcStatus read(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        JsonNode root;
        try {
            root = codec.readTree(body);
        } catch (JsonFormatException e) {
            return null;
        }
        if (root == null || !root.isObject()) {
            return null;
        }
        JsonNode codeNode = root.get("code");
        JsonNode messageNode = root.get("message");
        if ((codeNode == null || codeNode.isNull()) && (messageNode == null || !messageNode.isValueNode())) {
            return null;
        }
        int code = -1;
        if (codeNode != null && codeNode.isValueNode()) {
            try {
                code = Integer.parseInt(codeNode.asText().strip());
            } catch (NumberFormatException e) {
                code = -1;
            }
        }
        String message = messageNode != null && messageNode.isValueNode() ? messageNode.asText().strip() : "";
        List<String> details = new ArrayList<>();
        JsonNode detailsNode = root.get("details");
        if (detailsNode != null && detailsNode.isArray()) {
            for (JsonNode d : detailsNode) {
                JsonNode value = d.get("value");
                String text = value != null && value.isValueNode() ? value.asText()
                        : d.isValueNode() ? d.asText() : d.toString();
                if (!text.isBlank()) {
                    details.add(text.strip());
                }
            }
        } else if (detailsNode != null && detailsNode.isValueNode() && !detailsNode.asText().isBlank()) {
            details.add(detailsNode.asText().strip());
        }
        return new RpcStatus(code, message, List.copyOf(details));
    }

    private static String wait(@Nullable Duration retryAfter) {
        return retryAfter == null ? "" : ", retry after " + retryAfter.toMillis() + " ms";
    }

    private static String reason(HttpStatusMapper.Mapping mapping) {
        return switch (mapping) {
            case AUTHENTICATION -> "credentials refused";
            case NOT_FOUND -> "not found";
            case REQUEST_TIMEOUT -> "the server timed out waiting for the request";
            case RATE_LIMITED -> "rate limited";
            case SERVER_ERROR -> "service error";
            case REJECTED -> "request rejected";
            case TIMEOUT -> "no response in time";
            case CONNECTION_FAILED -> "no response";
        };
    }

    /**
     * Ozon's error body.
     *
     * @param code the gRPC code, {@code -1} when absent or not a number
     * @param message Ozon's message, {@code ""} when absent
     * @param details the detail texts
     */
    public record RpcStatus(int code, String message, List<String> details) {

        /**
         * Describes the status for a message, masked and cut.
         *
         * @return e.g. {@code Circle is open (code 14)}
         */
        public String describe() {
            String text = message.isEmpty() ? "(no message)" : message;
            if (!details.isEmpty()) {
                text += " [" + String.join("; ", details) + "]";
            }
            return Masking.excerpt(Masking.maskText(text), MAX_TEXT) + (code >= 0 ? " (code " + code + ")" : "");
        }
    }
}

package dev.aihq.connectors.wb.internal.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.api.error.AuthenticationException;
import dev.aihq.api.error.MarketplaceException;
import dev.aihq.api.error.RateLimitedException;
import dev.aihq.api.error.RemoteTimeoutException;
import dev.aihq.api.error.RequestRejectedException;
import dev.aihq.api.error.ResourceNotFoundException;
import dev.aihq.api.error.RetriableMarketplaceException;
import dev.aihq.api.error.ServiceUnavailableException;
import dev.aihq.http.ErrorResponseMapper;
import dev.aihq.http.HttpStatusMapper;
import dev.aihq.http.JsonCodec;
import dev.aihq.http.JsonFormatException;
import dev.aihq.http.Masking;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Reads what Wildberries said in an error body, whichever API's shape it has (reference §2.2), into the message of
 * the exception the status maps to (the one table of {@link HttpStatusMapper}: 401/403 authentication, 404 not
 * found, 429 rate limited, 5xx unavailable, other 4xx rejected). The shapes:
 *
 * <ul>
 *   <li>feedbacks and questions: {@code {data:null, error:true, errorText, additionalErrors, requestId}};</li>
 *   <li>feedback answer: {@code {title, requestId, origin:"fbapi", detail}};</li>
 *   <li>buyer chat: {@code {status, title, origin:"proxy-chats", detail, requestId, error}};</li>
 *   <li>marketplace (FBS/DBS): {@code {code, message, data}};</li>
 *   <li>{@code application/problem+json} of 401, 402, 429: {@code {title, detail, code, requestId, origin, status,
 *       statusText, timestamp}}; pinned reviews use the same fields.</li>
 * </ul>
 *
 * <p>The message is {@code <request>: <reason>; Wildberries said: <text> (origin …, requestId …)}, masked and at
 * most {@value #MAX_TEXT} characters of WB's text. A body that is none of these (an HTML error page) keeps the
 * status mapping's message. Thread-safe.
 */
public final class WbErrorMapper implements ErrorResponseMapper {

    /** The most characters of WB's text quoted in a message. */
    public static final int MAX_TEXT = 500;

    private final String service;
    private final JsonCodec codec;

    /**
     * Creates a mapper.
     *
     * @param service the service name of the exceptions
     * @param codec the codec to read bodies with
     */
    public WbErrorMapper(String service, JsonCodec codec) {
        this.service = Objects.requireNonNull(service, "service");
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    @Override
    public @Nullable MarketplaceException map(String request, int status, Map<String, List<String>> headers,
            byte[] body, MarketplaceException byStatus) {
        String said = describe(body);
        if (said == null) {
            return null;
        }
        Duration retryAfter = byStatus instanceof RetriableMarketplaceException retriable
                ? retriable.retryAfter().orElse(null) : null;
        HttpStatusMapper.Mapping mapping = HttpStatusMapper.mappingFor(status);
        String message = request + ": " + reason(mapping, status)
                + (retryAfter == null ? "" : ", retry after " + retryAfter.toMillis() + " ms")
                + "; Wildberries said: " + said;
        return switch (mapping) {
            case AUTHENTICATION -> new AuthenticationException(service, status, message, byStatus);
            case NOT_FOUND -> new ResourceNotFoundException(service, status, message, byStatus);
            case REQUEST_TIMEOUT -> new RemoteTimeoutException(service, status, message, retryAfter, byStatus);
            case RATE_LIMITED -> new RateLimitedException(service, status, message, retryAfter, byStatus);
            case SERVER_ERROR, CONNECTION_FAILED -> new ServiceUnavailableException(service, status, message,
                    retryAfter, byStatus);
            case TIMEOUT -> new RemoteTimeoutException(service, status, message, retryAfter, byStatus);
            case REJECTED -> new RequestRejectedException(service, status, message, byStatus);
        };
    }

    /**
     * Reads WB's own words out of an error body of any of its shapes.
     *
     * @param body the body
     * @return e.g. {@code Неверный формат id (origin fbapi, requestId 7c1e…)}, masked; or {@code null} when the body
     *     is not one of WB's error shapes
     */
    public @Nullable String describe(byte[] body) {
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
        List<String> parts = new ArrayList<>();
        String errorText = text(root, "errorText");
        if (errorText != null) {
            parts.add(errorText);
            JsonNode additional = root.get("additionalErrors");
            if (additional != null && !additional.isNull() && !additional.isMissingNode()) {
                List<String> more = new ArrayList<>();
                if (additional.isArray()) {
                    additional.forEach(n -> more.add(n.isValueNode() ? n.asText() : n.toString()));
                } else {
                    more.add(additional.isValueNode() ? additional.asText() : additional.toString());
                }
                more.removeIf(String::isBlank);
                if (!more.isEmpty()) {
                    parts.add("(" + String.join("; ", more) + ")");
                }
            }
        }
        String title = text(root, "title");
        String detail = text(root, "detail");
        if (errorText == null && (title != null || detail != null)) {
            parts.add(title != null && detail != null ? title + ": " + detail : title != null ? title : detail);
        }
        String message = text(root, "message");
        if (errorText == null && title == null && detail == null && message != null) {
            String code = text(root, "code");
            parts.add(code != null ? code + ": " + message : message);
        }
        String error = text(root, "error");
        if (parts.isEmpty() && error != null && !"true".equals(error) && !"false".equals(error)) {
            parts.add(error);
        }
        if (parts.isEmpty()) {
            return null;
        }
        String said = String.join(" ", parts);
        List<String> context = new ArrayList<>();
        String origin = text(root, "origin");
        if (origin != null) {
            context.add("origin " + origin);
        }
        String requestId = text(root, "requestId");
        if (requestId != null) {
            context.add("requestId " + requestId);
        }
        return Masking.excerpt(Masking.maskText(said), MAX_TEXT)
                + (context.isEmpty() ? "" : " (" + Masking.maskText(String.join(", ", context)) + ")");
    }

    private static @Nullable String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull() || !node.isValueNode()) {
            return null;
        }
        String text = node.asText().strip();
        return text.isEmpty() ? null : text;
    }

    private static String reason(HttpStatusMapper.Mapping mapping, int status) {
        if (status == 402) {
            return "payment required (the balance of a WB Business Solutions service is exhausted)";
        }
        return switch (mapping) {
            case AUTHENTICATION -> "credentials refused (a token of another category, expired or revoked?)";
            case NOT_FOUND -> "not found";
            case REQUEST_TIMEOUT -> "the server timed out waiting for the request";
            case RATE_LIMITED -> "rate limited";
            case SERVER_ERROR -> "service error";
            case REJECTED -> "request rejected";
            case TIMEOUT -> "no response in time";
            case CONNECTION_FAILED -> "no response";
        };
    }
}

package dev.aihq.channel.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.api.error.MarketplaceException;
import dev.aihq.http.HqJson;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * Reads WhatsApp Cloud API errors and says what they mean, for the sending client and for the inbound
 * webhook alike. Pure functions, no I/O; thread-safe.
 *
 * <ul>
 *   <li>{@link #parseEnvelope(byte[])}: the body of a failed call,
 *       {@code {"error":{"message":"(#131047) Re-engagement message","type":"OAuthException",
 *       "code":131047,"error_data":{"details":"..."},"fbtrace_id":"..."}}};</li>
 *   <li>{@link #fromNode(JsonNode)} and {@link #fromArray(JsonNode)}: one error object or the
 *       {@code errors[]} of a webhook ({@code {"code":131047,"title":"...","message":"...",
 *       "error_data":{"details":"..."},"href":"..."}});</li>
 *   <li>{@link #classify(int)}: the code's {@link ErrorKind}, by code only, never by HTTP status (Graph
 *       answers most of these with HTTP 400, and secondary sources disagree on the status of the
 *       throttling codes);</li>
 *   <li>{@link #toException(String, int, String, CloudApiError, Duration, Throwable)}: the typed
 *       exception of the SDK's tree for a kind.</li>
 * </ul>
 *
 * <table>
 *   <caption>Error codes and their kinds</caption>
 *   <tr><th>Codes</th><th>Kind</th><th>Exception</th></tr>
 *   <tr><td>131047</td><td>{@link ErrorKind#WINDOW_CLOSED}</td><td>{@link WindowClosedException}</td></tr>
 *   <tr><td>131056</td><td>{@link ErrorKind#RECIPIENT_RATE_LIMITED}</td>
 *       <td>{@link WhatsAppRateLimitedException}, waiting at least {@link #PAIR_RATE_WAIT}</td></tr>
 *   <tr><td>130429, 4, 80007</td><td>{@link ErrorKind#RATE_LIMITED}</td>
 *       <td>{@link WhatsAppRateLimitedException}</td></tr>
 *   <tr><td>1, 2, 131000, 131016</td><td>{@link ErrorKind#TEMPORARY}</td>
 *       <td>{@link WhatsAppUnavailableException}</td></tr>
 *   <tr><td>0, 190, 10, 200-299</td><td>{@link ErrorKind#AUTH}</td>
 *       <td>{@link WhatsAppAuthenticationException}</td></tr>
 *   <tr><td>131048</td><td>{@link ErrorKind#QUALITY_LIMITED}</td><td rowspan="7">{@link WhatsAppRejectedException}</td></tr>
 *   <tr><td>131049</td><td>{@link ErrorKind#MARKETING_LIMITED}</td></tr>
 *   <tr><td>131050</td><td>{@link ErrorKind#MARKETING_STOPPED}</td></tr>
 *   <tr><td>131026, 131030</td><td>{@link ErrorKind#RECIPIENT_INVALID}</td></tr>
 *   <tr><td>132000, 132001, 132005, 132007, 132012, 132015, 132016</td>
 *       <td>{@link ErrorKind#TEMPLATE_PROBLEM}</td></tr>
 *   <tr><td>368, 131031</td><td>{@link ErrorKind#ACCOUNT_BLOCKED}</td></tr>
 *   <tr><td>100, 131008, 131009, 131051, 130472; any other code</td>
 *       <td>{@link ErrorKind#PERMANENT}; {@link ErrorKind#UNKNOWN}</td></tr>
 * </table>
 */
public final class CloudApiErrors {

    /**
     * The least wait before writing to the same customer again after 131056: Meta's pair rate is about
     * one message every 6 seconds.
     */
    public static final Duration PAIR_RATE_WAIT = Duration.ofSeconds(6);

    private static final Pattern TITLE_IN_MESSAGE = Pattern.compile("^\\(#\\d+\\)\\s*(.*)$", Pattern.DOTALL);

    private CloudApiErrors() {}

    /**
     * Classifies an error code.
     *
     * @param code Meta's error code
     * @return its kind; {@link ErrorKind#UNKNOWN} for a code not in the table
     */
    public static ErrorKind classify(int code) {
        switch (code) {
            case 131047:
                return ErrorKind.WINDOW_CLOSED;
            case 131056:
                return ErrorKind.RECIPIENT_RATE_LIMITED;
            case 130429:
            case 4:
            case 80007:
                return ErrorKind.RATE_LIMITED;
            case 131048:
                return ErrorKind.QUALITY_LIMITED;
            case 131049:
                return ErrorKind.MARKETING_LIMITED;
            case 131050:
                return ErrorKind.MARKETING_STOPPED;
            case 131026:
            case 131030:
                return ErrorKind.RECIPIENT_INVALID;
            case 132000:
            case 132001:
            case 132005:
            case 132007:
            case 132012:
            case 132015:
            case 132016:
                return ErrorKind.TEMPLATE_PROBLEM;
            case 368:
            case 131031:
                return ErrorKind.ACCOUNT_BLOCKED;
            case 0:
            case 190:
            case 10:
                return ErrorKind.AUTH;
            case 1:
            case 2:
            case 131000:
            case 131016:
                return ErrorKind.TEMPORARY;
            case 100:
            case 131008:
            case 131009:
            case 131051:
            case 130472:
                return ErrorKind.PERMANENT;
            default:
                return code >= 200 && code <= 299 ? ErrorKind.AUTH : ErrorKind.UNKNOWN;
        }
    }

    /**
     * Reads the error envelope of a failed call.
     *
     * @param body the response body
     * @return the error, or empty when the body is not a Graph error envelope (an HTML page from a proxy,
     *     an empty body, an {@code error} without a numeric {@code code})
     */
    public static Optional<CloudApiError> parseEnvelope(byte[] body) {
        Objects.requireNonNull(body, "body");
        if (body.length == 0) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = HqJson.mapper().readTree(body);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        return fromNode(root.path("error"));
    }

    /**
     * Reads one error object: the {@code error} of an envelope or an item of a webhook's {@code errors[]}.
     *
     * @param node the object
     * @return the error, or empty when the node is not an object with an integer {@code code}
     */
    public static Optional<CloudApiError> fromNode(JsonNode node) {
        Objects.requireNonNull(node, "node");
        JsonNode code = node.path("code");
        if (!node.isObject() || !(code.isIntegralNumber() && code.canConvertToInt() || isIntegerText(code))) {
            return Optional.empty();
        }
        String message = text(node, "message");
        String title = text(node, "title");
        if (title == null) {
            title = text(node, "error_user_title");
        }
        if (title == null && message != null) {
            Matcher matcher = TITLE_IN_MESSAGE.matcher(message.strip());
            title = matcher.matches() ? emptyToNull(matcher.group(1).strip()) : message.strip();
        }
        JsonNode subcode = node.path("error_subcode");
        return Optional.of(new CloudApiError(
                code.isIntegralNumber() ? code.intValue() : Integer.parseInt(code.asText().strip()),
                title,
                message,
                text(node.path("error_data"), "details"),
                text(node, "type"),
                subcode.isIntegralNumber() ? Integer.valueOf(subcode.intValue()) : null,
                text(node, "fbtrace_id"),
                text(node, "href")));
    }

    /**
     * Reads an {@code errors[]} array, skipping items that are not error objects.
     *
     * @param errors the array; a missing or non-array node gives an empty list
     * @return the errors in order
     */
    public static List<CloudApiError> fromArray(JsonNode errors) {
        Objects.requireNonNull(errors, "errors");
        List<CloudApiError> result = new ArrayList<>();
        if (errors.isArray()) {
            for (JsonNode item : errors) {
                fromNode(item).ifPresent(result::add);
            }
        }
        return List.copyOf(result);
    }

    /**
     * Builds the exception of the SDK's tree for an error, by its {@link ErrorKind}: see the type's table.
     * Every exception returned implements {@link CloudApiFailure}.
     *
     * @param service the service name for the message, e.g. {@code whatsapp}
     * @param status the HTTP status of the response, or 0 for an asynchronous error
     * @param request what was asked, e.g. {@code send text}, for the message
     * @param error the error
     * @param retryAfter the wait the response asked for ({@code Retry-After}), or {@code null}
     * @param cause the underlying failure, or {@code null}
     * @return the exception to throw
     */
    public static MarketplaceException toException(String service, int status, String request, CloudApiError error,
            @Nullable Duration retryAfter, @Nullable Throwable cause) {
        String text = request + ": " + error.describe();
        switch (error.kind()) {
            case WINDOW_CLOSED:
                return new WindowClosedException(service, status, text, error, cause);
            case RECIPIENT_RATE_LIMITED:
                Duration wait = retryAfter == null || retryAfter.compareTo(PAIR_RATE_WAIT) < 0
                        ? PAIR_RATE_WAIT : retryAfter;
                return new WhatsAppRateLimitedException(service, status, text, wait, error, cause);
            case RATE_LIMITED:
                return new WhatsAppRateLimitedException(service, status, text, retryAfter, error, cause);
            case TEMPORARY:
                return new WhatsAppUnavailableException(service, status, text, retryAfter, error, cause);
            case AUTH:
                return new WhatsAppAuthenticationException(service, status, text, error, cause);
            default:
                return new WhatsAppRejectedException(service, status, text, error, cause);
        }
    }

    private static boolean isIntegerText(JsonNode node) {
        return node.isTextual() && node.asText().strip().matches("\\d{1,9}");
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull() || value.isContainerNode()) {
            return null;
        }
        return emptyToNull(value.asText());
    }

    private static @Nullable String emptyToNull(String text) {
        return text.isBlank() ? null : text;
    }
}

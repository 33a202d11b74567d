package dev.aihq.api.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What to answer an inbound HTTP request with.
 *
 * @param status the HTTP status
 * @param headers response headers
 * @param body the body bytes (do not modify the array)
 */
public record WebhookResponse(int status, Map<String, String> headers, byte[] body) {

    /** Validates the status and copies the headers. */
    public WebhookResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status must be 100-599, got " + status);
        }
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    /**
     * A JSON response.
     *
     * @param status the status
     * @param json the JSON text
     * @return the response
     */
    public static WebhookResponse json(int status, String json) {
        return new WebhookResponse(status, Map.of("Content-Type", "application/json; charset=utf-8"),
                json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A plain-text response.
     *
     * @param status the status
     * @param text the text
     * @return the response
     */
    public static WebhookResponse text(int status, String text) {
        return new WebhookResponse(status, Map.of("Content-Type", "text/plain; charset=utf-8"),
                text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A response without a body.
     *
     * @param status the status
     * @return the response
     */
    public static WebhookResponse empty(int status) {
        return new WebhookResponse(status, Map.of(), new byte[0]);
    }

    /**
     * Returns a copy with one more header.
     *
     * @param name the header name
     * @param value its value
     * @return the new response
     */
    public WebhookResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new WebhookResponse(status, h, body);
    }

    /**
     * Returns the body as UTF-8 text.
     *
     * @return the text
     */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Compares the body by content. */
    @Override
    public boolean equals(Object o) {
        return o instanceof WebhookResponse r && status == r.status && headers.equals(r.headers)
                && Arrays.equals(body, r.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "HTTP " + status + " (" + body.length + " bytes)";
    }
}

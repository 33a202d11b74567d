package dev.aihq.api.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * An inbound HTTP request as any server hands it over: the front door and every {@link WebhookRoute}
 * see this, never a framework type. The body is the raw bytes as received, which signature checks need.
 *
 * @param method the HTTP method, upper case
 * @param path the path without the query string, e.g. {@code /purchase-event}
 * @param query the raw query string without {@code ?}, or {@code null}
 * @param headers the headers; names are stored in lower case
 * @param body the raw body (do not modify the array)
 * @param remoteAddress the caller's address, or {@code null} when unknown
 */
public record WebhookRequest(
        String method,
        String path,
        @Nullable String query,
        Map<String, List<String>> headers,
        byte[] body,
        @Nullable String remoteAddress) {

    /** Normalises the method and header names and copies the collections. */
    public WebhookRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        method = method.toUpperCase(Locale.ROOT);
        Map<String, List<String>> lower = new LinkedHashMap<>();
        headers.forEach((name, values) -> lower.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                .addAll(values));
        Map<String, List<String>> copy = new LinkedHashMap<>();
        lower.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        headers = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * Creates a request from single-valued headers, a convenience for tests and simple servers.
     *
     * @param method the method
     * @param path the path, may include {@code ?query}
     * @param headers single-valued headers
     * @param body the body
     * @return the request
     */
    public static WebhookRequest of(String method, String path, Map<String, String> headers, byte[] body) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        headers.forEach((k, v) -> multi.put(k, List.of(v)));
        int q = path.indexOf('?');
        return new WebhookRequest(method, q < 0 ? path : path.substring(0, q), q < 0 ? null : path.substring(q + 1),
                multi, body, null);
    }

    /**
     * Returns the first value of a header, case-insensitively.
     *
     * @param name the header name
     * @return the value, or empty
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * Returns the first value of a query parameter, URL-decoded.
     *
     * @param name the parameter name
     * @return the value, or empty
     */
    public Optional<String> queryParameter(String name) {
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return Optional.of(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    /** Compares the body by content. */
    @Override
    public boolean equals(Object o) {
        return o instanceof WebhookRequest r && method.equals(r.method) && path.equals(r.path)
                && Objects.equals(query, r.query) && headers.equals(r.headers) && Arrays.equals(body, r.body)
                && Objects.equals(remoteAddress, r.remoteAddress);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, path, query, headers, Arrays.hashCode(body), remoteAddress);
    }

    /** Names the request without its headers or body, which may hold secrets. */
    @Override
    public String toString() {
        return method + " " + path + " (" + body.length + " bytes)";
    }
}

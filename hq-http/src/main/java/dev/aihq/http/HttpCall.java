package dev.aihq.http;

import dev.aihq.api.error.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * One request for {@link HqHttpClient#execute(HttpCall)}: method, path relative to the client's base URI,
 * query parameters, headers, body and whether it may be retried.
 *
 * <p>Query parameters keep their order and are percent-encoded by {@link #queryString()}: every byte
 * outside {@code A-Z a-z 0-9 - . _ ~} is encoded, so Kaspi's {@code page[number]=0} travels as
 * {@code page%5Bnumber%5D=0} and a space as {@code %20}.
 *
 * <p><b>Retries.</b> {@link #retryable()} defaults to {@code true} for {@code GET} and {@code HEAD} and to
 * {@code false} for every other method: a {@code POST} that sends a message or confirms an order may have
 * taken effect even when the answer timed out, and must not be repeated blindly. Set it explicitly for an
 * idempotent write (a {@code PUT} of a price, a {@code POST} with an idempotency key).
 *
 * <p>Build with {@link #get(String)}, {@link #post(String)} or {@link #builder(String, String)}.
 *
 * @param method the HTTP method in upper case, e.g. {@code GET}
 * @param path the path relative to the client's base URI, e.g. {@code /v2/orders}; no query, no fragment
 * @param query the query parameters in order, not yet encoded
 * @param headers the headers of this call; they override the client's default headers of the same name
 * @param body the request body, empty for none
 * @param contentType the body's media type, {@code null} when there is no body
 * @param retryable whether a retriable failure may be retried for this call
 * @param timeout the time to wait for the response, or {@code null} for the client's request timeout
 */
public record HttpCall(
        String method,
        String path,
        List<Map.Entry<String, String>> query,
        Map<String, String> headers,
        byte[] body,
        @Nullable String contentType,
        boolean retryable,
        @Nullable Duration timeout) {

    private static final Pattern TOKEN = Pattern.compile("[A-Z][A-Z_-]*+");
    private static final Set<String> RESTRICTED_HEADERS =
            Set.of("connection", "content-length", "expect", "host", "upgrade");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /**
     * Validates the call and copies its collections and body.
     *
     * @throws ConfigurationException listing every problem
     */
    public HttpCall {
        List<String> problems = new ArrayList<>();
        if (method == null || !TOKEN.matcher(method).matches()) {
            problems.add("method must be an upper-case HTTP method such as GET, got " + method);
        }
        if (path == null) {
            problems.add("path is required");
        } else if (path.indexOf('?') >= 0 || path.indexOf('#') >= 0) {
            problems.add("path must not contain a query or fragment: give query parameters separately");
        } else if (path.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            problems.add("path must not contain spaces or control characters: encode them");
        }
        if (query == null) {
            problems.add("query is required (may be empty)");
        }
        if (headers == null) {
            problems.add("headers are required (may be empty)");
        } else {
            for (String name : headers.keySet()) {
                if (RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    problems.add("header " + name + " is set by the HTTP client and may not be given");
                }
            }
        }
        if (body != null && body.length > 0 && contentType == null) {
            problems.add("a body needs a content type");
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            problems.add("timeout must be positive, got " + timeout);
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("invalid HttpCall: " + String.join("; ", problems));
        }
        query = List.copyOf(query);
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? new byte[0] : body.clone();
    }

    /**
     * Returns a copy of the body.
     *
     * @return the body bytes, empty for none
     */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /**
     * Tells whether the call has a body.
     *
     * @return {@code true} when the body is not empty
     */
    public boolean hasBody() {
        return body.length > 0;
    }

    /**
     * Returns the length of the body without copying it.
     *
     * @return the number of body bytes
     */
    public int bodyLength() {
        return body.length;
    }

    /**
     * Returns the timeout of this call.
     *
     * @return the per-call timeout, or empty for the client's request timeout
     */
    public Optional<Duration> timeoutOverride() {
        return Optional.ofNullable(timeout);
    }

    /**
     * Returns the encoded query string, without {@code ?}.
     *
     * @return e.g. {@code page%5Bnumber%5D=0&filter%5Borders%5D%5Bstate%5D=NEW}; empty when there is no
     *     query
     */
    public String queryString() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> parameter : query) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
        }
        return out.toString();
    }

    /**
     * Percent-encodes a query name or value as RFC 3986 wants it: UTF-8, everything but unreserved
     * characters encoded, space as {@code %20}.
     *
     * @param text the text
     * @return the encoded text
     */
    public static String encode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    /** Compares all components, the body by content. */
    @Override
    public boolean equals(@Nullable Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof HttpCall)) {
            return false;
        }
        HttpCall that = (HttpCall) other;
        return retryable == that.retryable && method.equals(that.method) && path.equals(that.path)
                && query.equals(that.query) && headers.equals(that.headers) && Arrays.equals(body, that.body)
                && Objects.equals(contentType, that.contentType) && Objects.equals(timeout, that.timeout);
    }

    /** Hashes all components, the body by content. */
    @Override
    public int hashCode() {
        return Objects.hash(method, path, query, headers, Arrays.hashCode(body), contentType, retryable, timeout);
    }

    /** Describes the call without header values, query values or body, which may hold secrets. */
    @Override
    public String toString() {
        return "HttpCall[" + method + " " + path + ", " + query.size() + " query parameters, headers "
                + headers.keySet() + ", " + body.length + " body bytes, retryable=" + retryable + "]";
    }

    /**
     * Starts a {@code GET} call.
     *
     * @param path the path relative to the client's base URI
     * @return a builder
     */
    public static Builder get(String path) {
        return new Builder("GET", path);
    }

    /**
     * Starts a {@code POST} call, not retryable unless said otherwise.
     *
     * @param path the path relative to the client's base URI
     * @return a builder
     */
    public static Builder post(String path) {
        return new Builder("POST", path);
    }

    /**
     * Starts a call with any method.
     *
     * @param method the HTTP method, e.g. {@code PUT}
     * @param path the path relative to the client's base URI
     * @return a builder
     */
    public static Builder builder(String method, String path) {
        return new Builder(method, path);
    }

    /**
     * Starts a builder holding this call.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder(method, path);
        query.forEach(parameter -> builder.query(parameter.getKey(), parameter.getValue()));
        builder.headers.putAll(headers);
        builder.body = body.clone();
        builder.contentType = contentType;
        builder.retryable = retryable;
        builder.timeout = timeout;
        return builder;
    }

    /** Builds an {@link HttpCall}. Not thread-safe. */
    public static final class Builder {
        private final String method;
        private final String path;
        private final List<Map.Entry<String, String>> query = new ArrayList<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body = new byte[0];
        private @Nullable String contentType;
        private @Nullable Boolean retryable;
        private @Nullable Duration timeout;

        private Builder(String method, String path) {
            this.method = method;
            this.path = path;
        }

        /**
         * Adds a query parameter; the same name may be added more than once.
         *
         * @param name the name, not encoded, e.g. {@code page[number]}
         * @param value the value, not encoded
         * @return this builder
         */
        public Builder query(String name, String value) {
            query.add(Map.entry(name, value));
            return this;
        }

        /**
         * Adds query parameters in the map's iteration order.
         *
         * @param parameters names and values, not encoded
         * @return this builder
         */
        public Builder query(Map<String, String> parameters) {
            parameters.forEach(this::query);
            return this;
        }

        /**
         * Sets a header, replacing one of the same name (ignoring case).
         *
         * @param name the name
         * @param value the value
         * @return this builder
         */
        public Builder header(String name, String value) {
            headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
            headers.put(name, value);
            return this;
        }

        /**
         * Sets the body.
         *
         * @param body the bytes to send
         * @param contentType their media type, e.g. {@code application/json}
         * @return this builder
         */
        public Builder body(byte[] body, String contentType) {
            this.body = body.clone();
            this.contentType = contentType;
            return this;
        }

        /**
         * Sets a JSON body.
         *
         * @param json UTF-8 JSON bytes
         * @return this builder
         */
        public Builder jsonBody(byte[] json) {
            return body(json, "application/json");
        }

        /**
         * Sets a {@code multipart/form-data} body, with its boundary in the content type.
         *
         * @param multipart the encoded parts
         * @return this builder
         */
        public Builder multipartBody(MultipartBody multipart) {
            return body(multipart.bytes(), multipart.contentType());
        }

        /**
         * Says whether the call may be retried after a retriable failure, overriding the method's default.
         *
         * @param retryable {@code true} when repeating the call is harmless
         * @return this builder
         */
        public Builder retryable(boolean retryable) {
            this.retryable = retryable;
            return this;
        }

        /**
         * Sets the time to wait for this call's response, instead of the client's request timeout.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * Builds the call.
         *
         * @return the call
         * @throws ConfigurationException listing every problem
         */
        public HttpCall build() {
            boolean safe = "GET".equals(method) || "HEAD".equals(method);
            return new HttpCall(method, path, query, headers, body, contentType,
                    retryable != null ? retryable : safe, timeout);
        }
    }
}

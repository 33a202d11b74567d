package dev.aihq.http;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.annotation.Nullable;

/**
 * A successful (2xx) response. Non-2xx responses never become a result: {@link HqHttpClient} throws them
 * as mapped exceptions.
 *
 * @param status the HTTP status, 200–299
 * @param headers the response headers; lookups ignore the case of names
 * @param body the response body, empty for none
 */
public record HttpResult(int status, Map<String, List<String>> headers, byte[] body) {

    /** Copies the headers into a case-insensitive map and the body. */
    public HttpResult {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.merge(name, List.copyOf(values), (a, b) -> {
            List<String> both = new ArrayList<>(a);
            both.addAll(b);
            return List.copyOf(both);
        }));
        headers = Collections.unmodifiableMap(copy);
        body = body.clone();
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
     * Returns the first value of a header.
     *
     * @param name the header name, any case
     * @return the value, or empty when absent
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * Returns every value of a header.
     *
     * @param name the header name, any case
     * @return the values, empty when absent
     */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name, List.of());
    }

    /**
     * Returns the body as text, in the charset of {@code Content-Type} or UTF-8.
     *
     * @return the body text, empty for none
     */
    public String bodyText() {
        return new String(body, charset());
    }

    /**
     * Reads the body as JSON.
     *
     * @param codec the codec, usually the client's
     * @param type the type to read
     * @param <T> the type to read
     * @return the value
     * @throws JsonFormatException if the body is empty, malformed or of another shape
     */
    public <T> T json(JsonCodec codec, Class<T> type) {
        return codec.read(body, type);
    }

    /**
     * Reads the body as generic JSON, e.g. {@code new TypeReference<List<OrderDto>>() {}}.
     *
     * @param codec the codec, usually the client's
     * @param type the type to read
     * @param <T> the type to read
     * @return the value
     * @throws JsonFormatException if the body is empty, malformed or of another shape
     */
    public <T> T json(JsonCodec codec, TypeReference<T> type) {
        return codec.read(body, type);
    }

    private Charset charset() {
        Optional<String> contentType = header("Content-Type");
        if (contentType.isPresent()) {
            for (String part : contentType.get().split(";")) {
                String trimmed = part.strip();
                if (trimmed.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    String name = trimmed.substring("charset=".length()).replace("\"", "").strip();
                    try {
                        return Charset.forName(name);
                    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** Compares status, headers and body content. */
    @Override
    public boolean equals(@Nullable Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof HttpResult)) {
            return false;
        }
        HttpResult that = (HttpResult) other;
        return status == that.status && headers.equals(that.headers) && Arrays.equals(body, that.body);
    }

    /** Hashes status, headers and body content. */
    @Override
    public int hashCode() {
        return 31 * (31 * status + headers.hashCode()) + Arrays.hashCode(body);
    }

    /** Describes the result without header values or body, which may hold personal data. */
    @Override
    public String toString() {
        return "HttpResult[status=" + status + ", headers " + headers.keySet() + ", " + body.length + " body bytes]";
    }
}

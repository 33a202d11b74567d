package dev.aihq.http;

/**
 * Receives the request and response lines {@link HqHttpClient} writes, already masked: credential
 * headers, secret query values and JSON fields, bearer tokens and phone numbers are hidden by
 * {@link Masking} before a line is built. Lines look like
 *
 * <pre>
 * -&gt; GET https://kaspi.kz/shop/api/v2/orders?page[number]=0 (attempt 1) headers={X-Auth-Token=abcd****}
 * &lt;- 429 in 12 ms for GET https://kaspi.kz/shop/api/v2/orders headers={Retry-After=7} body={"error":"..."}
 * </pre>
 *
 * <p>The default, {@link #slf4j()}, writes at DEBUG to the logger {@code dev.aihq.http.HqHttpClient}.
 * A sink that throws does not fail the request: the client reports it once at WARN and goes on.
 */
@FunctionalInterface
public interface HttpLogSink {

    /**
     * Takes one masked line.
     *
     * @param line the line, without a trailing newline
     */
    void line(String line);

    /**
     * Tells whether lines are wanted at all, so that the client does not build and mask them for nothing.
     *
     * @return {@code true} by default
     */
    default boolean isEnabled() {
        return true;
    }

    /**
     * Returns the sink writing at DEBUG to the SLF4J logger {@code dev.aihq.http.HqHttpClient}.
     *
     * @return the SLF4J sink
     */
    static HttpLogSink slf4j() {
        return Slf4jLogSink.INSTANCE;
    }

    /**
     * Returns the sink that drops every line.
     *
     * @return the silent sink
     */
    static HttpLogSink none() {
        return NoLogSink.INSTANCE;
    }
}

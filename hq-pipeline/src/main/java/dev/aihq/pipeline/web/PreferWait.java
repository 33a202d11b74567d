package dev.aihq.pipeline.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the {@code wait} preference of RFC 7240 ({@code Prefer: wait=10}, also among other preferences:
 * {@code Prefer: respond-async, wait=10}). A malformed value is ignored, as the RFC asks of preferences a
 * server does not understand.
 */
final class PreferWait {

    /** The request header. */
    static final String HEADER = "Prefer";

    private static final Pattern SECONDS = Pattern.compile("\\d{1,9}");

    private PreferWait() {}

    /**
     * Returns the wait the caller asked for.
     *
     * @param headerValues every {@code Prefer} header value of the request
     * @param max the longest wait granted
     * @return the wait clamped to {@code max}, or empty when none (or zero) was asked for
     */
    static Optional<Duration> requested(List<String> headerValues, Duration max) {
        for (String header : headerValues) {
            for (String preference : header.split(",")) {
                int semicolon = preference.indexOf(';');
                String token = (semicolon < 0 ? preference : preference.substring(0, semicolon)).strip();
                int eq = token.indexOf('=');
                if (eq < 0 || !token.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("wait")) {
                    continue;
                }
                String value = token.substring(eq + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                if (!SECONDS.matcher(value).matches()) {
                    continue;
                }
                Duration wait = Duration.ofSeconds(Long.parseLong(value));
                if (wait.compareTo(max) > 0) {
                    wait = max;
                }
                return wait.isZero() ? Optional.empty() : Optional.of(wait);
            }
        }
        return Optional.empty();
    }
}

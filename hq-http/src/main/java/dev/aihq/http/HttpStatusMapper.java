package dev.aihq.http;

import dev.aihq.api.error.AuthenticationException;
import dev.aihq.api.error.MarketplaceException;
import dev.aihq.api.error.RateLimitedException;
import dev.aihq.api.error.RemoteTimeoutException;
import dev.aihq.api.error.RequestRejectedException;
import dev.aihq.api.error.ResourceNotFoundException;
import dev.aihq.api.error.RetriableMarketplaceException;
import dev.aihq.api.error.ServiceUnavailableException;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * The one mapping from HTTP outcomes to AI HQ's exception tree, used by every connector and channel
 * through {@link HqHttpClient}.
 *
 * <table>
 *   <caption>HTTP outcome to exception</caption>
 *   <tr><th>Outcome</th><th>Exception</th><th>Retried</th><th>{@code Retry-After}</th></tr>
 *   <tr><td>401, 403</td><td>{@link AuthenticationException}</td><td>no</td><td>—</td></tr>
 *   <tr><td>404</td><td>{@link ResourceNotFoundException}</td><td>no</td><td>—</td></tr>
 *   <tr><td>408</td><td>{@link RemoteTimeoutException}</td><td>yes</td><td>honoured</td></tr>
 *   <tr><td>429</td><td>{@link RateLimitedException}</td><td>yes</td><td>honoured, also from the
 *       configured extra headers</td></tr>
 *   <tr><td>other 4xx (400, 409, 422, …), 3xx (redirects are not followed), 501, 505</td>
 *       <td>{@link RequestRejectedException}</td><td>no</td><td>—</td></tr>
 *   <tr><td>500, 502, 503, 504 and other 5xx</td><td>{@link ServiceUnavailableException}</td><td>yes</td>
 *       <td>honoured</td></tr>
 *   <tr><td>no response in time ({@link HttpTimeoutException})</td><td>{@link RemoteTimeoutException},
 *       status 0</td><td>yes</td><td>—</td></tr>
 *   <tr><td>no connection ({@link ConnectException}, other {@link IOException})</td>
 *       <td>{@link ServiceUnavailableException}, status 0</td><td>yes</td><td>—</td></tr>
 * </table>
 *
 * <p>"Retried" means {@link HqHttpClient} retries it under its {@link RetryPolicy}, and only for calls
 * marked {@linkplain HttpCall#retryable() retryable}. The same table is available in code as
 * {@link Mapping}.
 *
 * <p><b>Retry-After.</b> {@code Retry-After} is read as delta-seconds ({@code 7}) or as an HTTP-date
 * ({@code Wed, 21 Oct 2025 07:28:00 GMT}) relative to the injected {@link Clock}; a date in the past
 * means "now". When it is absent, the configured extra headers are tried in order (or, when they list
 * {@code Retry-After} among them, every header in their order): Wildberries sends
 * {@code X-Ratelimit-Retry} (seconds) and {@code X-Ratelimit-Reset} (seconds until the limit resets), see
 * {@link #WILDBERRIES_RETRY_HEADERS}. An extra header's number larger than 10<sup>9</sup> is taken as an
 * epoch second (10<sup>12</sup>: an epoch millisecond), as some APIs send a reset time instead.
 *
 * <p><b>Messages</b> name the service and status (via {@link MarketplaceException}), the request
 * ({@code GET /v2/orders}) and a masked excerpt of at most {@value #EXCERPT_LENGTH} characters of the
 * error body: secrets and phone numbers are hidden with {@link Masking}. Thread-safe.
 */
public final class HttpStatusMapper {

    /** The most characters of an error body quoted in an exception message. */
    public static final int EXCERPT_LENGTH = 300;

    /** The headers Wildberries uses besides {@code Retry-After} to say how long to wait. */
    public static final List<String> WILDBERRIES_RETRY_HEADERS = List.of("X-Ratelimit-Retry", "X-Ratelimit-Reset");

    private static final String RETRY_AFTER = "Retry-After";

    private static final Pattern NUMBER = Pattern.compile("\\d{1,15}(?:\\.\\d{1,9})?");
    private static final long EPOCH_SECONDS_THRESHOLD = 1_000_000_000L;
    private static final long EPOCH_MILLIS_THRESHOLD = 1_000_000_000_000L;

    /** The mapping table of {@link HttpStatusMapper}, one row per outcome class. */
    public enum Mapping {
        /** 401 and 403: the credentials were refused. */
        AUTHENTICATION("401, 403", "credentials refused", AuthenticationException.class),
        /** 404: the resource does not exist. */
        NOT_FOUND("404", "not found", ResourceNotFoundException.class),
        /** 408: the server gave up waiting for the request. */
        REQUEST_TIMEOUT("408", "the server timed out waiting for the request", RemoteTimeoutException.class),
        /** 429: the caller is throttled. */
        RATE_LIMITED("429", "rate limited", RateLimitedException.class),
        /** Other 4xx, 3xx, 501 and 505: the request itself is wrong for the service. */
        REJECTED("other 4xx (400, 409, 422, ...), 3xx, 501, 505", "request rejected", RequestRejectedException.class),
        /** 500, 502, 503, 504 and other 5xx: the service failed or is down. */
        SERVER_ERROR("500, 502, 503, 504 and other 5xx", "service error", ServiceUnavailableException.class),
        /** No response within the timeout. */
        TIMEOUT("no response in time (HttpTimeoutException), status 0", "no response in time",
                RemoteTimeoutException.class),
        /** No connection or a broken one. */
        CONNECTION_FAILED("no connection (ConnectException, other IOException), status 0", "no response",
                ServiceUnavailableException.class);

        private final String outcomes;
        private final String reason;
        private final Class<? extends MarketplaceException> exceptionType;

        Mapping(String outcomes, String reason, Class<? extends MarketplaceException> exceptionType) {
            this.outcomes = outcomes;
            this.reason = reason;
            this.exceptionType = exceptionType;
        }

        /**
         * Describes the outcomes of this row, e.g. {@code 401, 403}.
         *
         * @return the statuses or failures covered
         */
        public String outcomes() {
            return outcomes;
        }

        /**
         * Returns the exception type thrown for this row.
         *
         * @return the exception class
         */
        public Class<? extends MarketplaceException> exceptionType() {
            return exceptionType;
        }

        /**
         * Tells whether this row is retried by {@link HqHttpClient}.
         *
         * @return {@code true} for retriable failures
         */
        public boolean retriable() {
            return RetriableMarketplaceException.class.isAssignableFrom(exceptionType);
        }
    }

    private final String service;
    private final Clock clock;
    private final List<String> extraRetryAfterHeaders;

    /**
     * Creates a mapper.
     *
     * @param service the remote service's name for messages, e.g. {@code kaspi}
     * @param clock the clock HTTP-date {@code Retry-After} values are measured against
     * @param extraRetryAfterHeaders headers read, in order, when {@code Retry-After} is absent
     */
    public HttpStatusMapper(String service, Clock clock, List<String> extraRetryAfterHeaders) {
        this.service = Objects.requireNonNull(service, "service");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.extraRetryAfterHeaders = List.copyOf(extraRetryAfterHeaders);
    }

    /**
     * Creates a mapper with the system UTC clock and no extra headers.
     *
     * @param service the remote service's name
     * @return the mapper
     */
    public static HttpStatusMapper of(String service) {
        return new HttpStatusMapper(service, Clock.systemUTC(), List.of());
    }

    /**
     * Returns the row of the table for a non-2xx status.
     *
     * @param status the HTTP status
     * @return the mapping row
     * @throws IllegalArgumentException for a 2xx status, which is no failure
     */
    public static Mapping mappingFor(int status) {
        if (status >= 200 && status < 300) {
            throw new IllegalArgumentException("HTTP " + status + " is a success, not a failure");
        }
        switch (status) {
            case 401:
            case 403:
                return Mapping.AUTHENTICATION;
            case 404:
                return Mapping.NOT_FOUND;
            case 408:
                return Mapping.REQUEST_TIMEOUT;
            case 429:
                return Mapping.RATE_LIMITED;
            case 501:
            case 505:
                return Mapping.REJECTED;
            default:
                return status >= 500 && status < 600 ? Mapping.SERVER_ERROR : Mapping.REJECTED;
        }
    }

    /**
     * Maps an error response.
     *
     * @param status the non-2xx HTTP status
     * @param headers the response headers
     * @param body the response body
     * @return the exception to throw
     */
    public MarketplaceException fromResponse(int status, Map<String, List<String>> headers, byte[] body) {
        return fromResponse(null, status, headers, body);
    }

    /**
     * Maps an error response to a request.
     *
     * @param request the request for the message, e.g. {@code GET /v2/orders}, or {@code null}
     * @param status the non-2xx HTTP status
     * @param headers the response headers
     * @param body the response body
     * @return the exception to throw
     */
    public MarketplaceException fromResponse(@Nullable String request, int status, Map<String, List<String>> headers,
            byte[] body) {
        Mapping mapping = mappingFor(status);
        Duration retryAfter = mapping.retriable() ? retryAfter(headers).orElse(null) : null;
        StringBuilder message = new StringBuilder();
        if (request != null) {
            message.append(Masking.maskText(request)).append(": ");
        }
        message.append(mapping.reason);
        if (retryAfter != null) {
            message.append(", retry after ").append(describe(retryAfter));
        }
        message.append("; body: ").append(Masking.excerpt(body, EXCERPT_LENGTH));
        String text = message.toString();
        switch (mapping) {
            case AUTHENTICATION:
                return new AuthenticationException(service, status, text, null);
            case NOT_FOUND:
                return new ResourceNotFoundException(service, status, text, null);
            case REQUEST_TIMEOUT:
                return new RemoteTimeoutException(service, status, text, retryAfter, null);
            case RATE_LIMITED:
                return new RateLimitedException(service, status, text, retryAfter, null);
            case SERVER_ERROR:
                return new ServiceUnavailableException(service, status, text, retryAfter, null);
            default:
                return new RequestRejectedException(service, status, text, null);
        }
    }

    /**
     * Maps a failure without a response: a timeout, a refused or broken connection.
     *
     * @param request the request for the message, e.g. {@code GET /v2/orders}, or {@code null}
     * @param failure what the HTTP client threw
     * @return the exception to throw, with status 0
     */
    public RetriableMarketplaceException fromFailure(@Nullable String request, IOException failure) {
        String prefix = request == null ? "" : Masking.maskText(request) + ": ";
        if (failure instanceof HttpConnectTimeoutException) {
            return new RemoteTimeoutException(service, 0, prefix + "could not connect in time", null, failure);
        }
        if (failure instanceof HttpTimeoutException) {
            return new RemoteTimeoutException(service, 0, prefix + Mapping.TIMEOUT.reason, null, failure);
        }
        String kind = failure instanceof ConnectException ? "connection refused or failed" : "connection failed";
        String detail = failure.getMessage() == null ? "" : ": " + Masking.excerpt(failure.getMessage(), 200);
        return new ServiceUnavailableException(service, 0, prefix + Mapping.CONNECTION_FAILED.reason + ", " + kind
                + " (" + failure.getClass().getSimpleName() + detail + ")", null, failure);
    }

    /**
     * Reads how long the service asked to wait: {@code Retry-After}, then the extra headers in order. When
     * the extra headers name {@code Retry-After} themselves, they alone give the order, e.g.
     * {@code [X-Ratelimit-Retry, Retry-After]} reads Wildberries' own header first.
     *
     * @param headers the response headers, any case
     * @return the wait, zero or positive, or empty when no header gave a usable value
     */
    public Optional<Duration> retryAfter(Map<String, List<String>> headers) {
        List<String> names = new ArrayList<>(1 + extraRetryAfterHeaders.size());
        if (extraRetryAfterHeaders.stream().noneMatch(RETRY_AFTER::equalsIgnoreCase)) {
            names.add(RETRY_AFTER);
        }
        names.addAll(extraRetryAfterHeaders);
        for (String name : names) {
            String value = firstValue(headers, name);
            if (value == null || value.isBlank()) {
                continue;
            }
            Optional<Duration> wait = parseWait(value.strip(), !RETRY_AFTER.equalsIgnoreCase(name));
            if (wait.isPresent()) {
                return wait;
            }
        }
        return Optional.empty();
    }

    private Optional<Duration> parseWait(String value, boolean mayBeEpoch) {
        if (NUMBER.matcher(value).matches()) {
            BigDecimal number = new BigDecimal(value);
            if (mayBeEpoch && number.compareTo(BigDecimal.valueOf(EPOCH_MILLIS_THRESHOLD)) >= 0) {
                return Optional.of(until(Instant.ofEpochMilli(number.longValue())));
            }
            if (mayBeEpoch && number.compareTo(BigDecimal.valueOf(EPOCH_SECONDS_THRESHOLD)) >= 0) {
                return Optional.of(until(Instant.ofEpochSecond(number.longValue())));
            }
            return Optional.of(Duration.ofMillis(number.movePointRight(3).longValue()));
        }
        try {
            return Optional.of(until(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private Duration until(Instant instant) {
        Duration wait = Duration.between(clock.instant(), instant);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    private static @Nullable String firstValue(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey() != null && header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }

    private static String describe(Duration wait) {
        long millis = wait.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
    }
}

package dev.aihq.connectors.ozon.internal.client;

import dev.aihq.api.error.ServiceUnavailableException;
import dev.aihq.http.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ozon's global limit as a token bucket per {@code Client-Id} (reference §3.2: at most 50 requests a second per
 * Client-Id across all methods; two shops with one Client-Id share a bucket). A bucket starts full (one second's
 * worth of requests) and gains one token every {@code 1 s / requestsPerSecond} up to that. A caller takes a token
 * at once when there is one; otherwise it reserves the next token to come and waits for it with the
 * {@link Sleeper}, without holding a lock, so callers of one Client-Id are served in arrival order and callers of
 * other Client-Ids never wait for them. Time comes from the injected {@link Clock}, so tests record the waits
 * instead of sleeping. Per-method limits on top of the global one are not documented and not modelled. Thread-safe.
 */
public final class OzonRateLimiter {

    private final int requestsPerSecond;
    private final Clock clock;
    private final Sleeper sleeper;
    private final String service;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /**
     * Creates a limiter.
     *
     * @param requestsPerSecond the requests per second of each Client-Id, at least 1
     * @param clock the clock tokens are refilled by
     * @param sleeper how a caller waits for its token
     * @param service the service name in an interruption's exception
     */
    public OzonRateLimiter(int requestsPerSecond, Clock clock, Sleeper sleeper, String service) {
        if (requestsPerSecond < 1) {
            throw new IllegalArgumentException("requestsPerSecond must be at least 1, got " + requestsPerSecond);
        }
        this.requestsPerSecond = requestsPerSecond;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.service = Objects.requireNonNull(service, "service");
    }

    /**
     * Takes a token of the Client-Id's bucket, waiting for one when the bucket is empty.
     *
     * @param clientId the {@code Client-Id}
     * @return how long the caller waited, zero when a token was there
     * @throws ServiceUnavailableException when the thread is interrupted while waiting; its interrupt flag is set
     *     again
     */
    public Duration acquire(String clientId) {
        Bucket bucket = buckets.computeIfAbsent(clientId, k -> new Bucket(requestsPerSecond, clock.instant()));
        Duration wait = bucket.reserve(clock.instant());
        if (wait.isZero()) {
            return wait;
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException(service, 0, "interrupted while waiting for Ozon's rate limit of "
                    + requestsPerSecond + " requests a second", null, e);
        }
        return wait;
    }

    /** One bucket; tokens counted against the refill interval in nanoseconds, so refills are exact. */
    private static final class Bucket {
        private final long intervalNanos;
        private final long burst;
        private double tokens;
        private Instant refilledAt;

        Bucket(int perSecond, Instant now) {
            this.intervalNanos = Duration.ofSeconds(1).toNanos() / perSecond;
            this.burst = perSecond;
            this.tokens = perSecond;
            this.refilledAt = now;
        }

        synchronized Duration reserve(Instant now) {
            if (now.isAfter(refilledAt)) {
                long elapsed = Duration.between(refilledAt, now).toNanos();
                tokens = Math.min(burst, tokens + (double) elapsed / intervalNanos);
                refilledAt = now;
            }
            tokens -= 1;
            if (tokens >= 0) {
                return Duration.ZERO;
            }
            return Duration.ofNanos(Math.round(-tokens * intervalNanos));
        }
    }
}

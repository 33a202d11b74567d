package dev.aihq.connectors.wb.internal.client;

import dev.aihq.api.ShopId;
import dev.aihq.api.error.ServiceUnavailableException;
import dev.aihq.connectors.wb.WbMethodGroup;
import dev.aihq.connectors.wb.WbRateLimit;
import dev.aihq.http.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Wildberries' token bucket, kept per (shop, method group) as WB keeps it per seller account and method group. A
 * bucket starts full ({@link WbRateLimit#burst()} tokens) and gains one token every
 * {@link WbRateLimit#interval()} up to the burst. A caller takes a token at once when there is one; otherwise it
 * reserves the next token to come (the count goes below zero) and waits for it with the {@link Sleeper}, without
 * holding a lock, so concurrent callers of one bucket are served in arrival order and callers of other buckets
 * never wait for them. Time comes from the injected {@link Clock}, so tests record the waits instead of sleeping.
 * Thread-safe.
 */
public final class WbRateLimiter {

    private final Function<WbMethodGroup, WbRateLimit> limits;
    private final Clock clock;
    private final Sleeper sleeper;
    private final String service;
    private final Map<Key, Bucket> buckets = new ConcurrentHashMap<>();

    /**
     * Creates a limiter.
     *
     * @param limits each group's limit
     * @param clock the clock tokens are refilled by
     * @param sleeper how a caller waits for its token
     * @param service the service name in an interruption's exception
     */
    public WbRateLimiter(Function<WbMethodGroup, WbRateLimit> limits, Clock clock, Sleeper sleeper, String service) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.service = Objects.requireNonNull(service, "service");
    }

    /**
     * Takes a token of the shop's bucket for the group, waiting for one when the bucket is empty.
     *
     * @param shopId the shop (seller account)
     * @param group the method group
     * @return how long the caller waited, zero when a token was there
     * @throws ServiceUnavailableException when the thread is interrupted while waiting; its interrupt flag is set
     *     again
     */
    public Duration acquire(ShopId shopId, WbMethodGroup group) {
        Bucket bucket = buckets.computeIfAbsent(new Key(shopId, group), k -> new Bucket(limits.apply(group), clock));
        Duration wait = bucket.reserve(clock.instant());
        if (wait.isZero()) {
            return wait;
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException(service, 0, "interrupted while waiting for the " + group
                    + " rate limit", null, e);
        }
        return wait;
    }

    private record Key(ShopId shopId, WbMethodGroup group) {}

    /** One bucket; tokens in nanoseconds of interval so that refills are exact. */
    private static final class Bucket {
        private final long intervalNanos;
        private final long burst;
        private double tokens;
        private Instant refilledAt;

        Bucket(WbRateLimit limit, Clock clock) {
            this.intervalNanos = limit.interval().toNanos();
            this.burst = limit.burst();
            this.tokens = limit.burst();
            this.refilledAt = clock.instant();
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

package dev.aihq.connectors.kaspi.internal.client;

import dev.aihq.api.error.ServiceUnavailableException;
import dev.aihq.http.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the starts of a key's requests at least an interval apart. Each caller reserves the next free
 * slot atomically and then waits for it without holding a lock, so concurrent callers of one key are
 * spread out in arrival order and callers of different keys never wait for each other. Thread-safe.
 */
public final class RequestPacer {

    private final Duration interval;
    private final Clock clock;
    private final Sleeper sleeper;
    private final String service;
    private final ConcurrentHashMap<String, Instant> nextSlot = new ConcurrentHashMap<>();

    /**
     * Creates a pacer.
     *
     * @param interval the least time between two starts of one key; zero for none
     * @param clock the clock slots are measured on
     * @param sleeper how a caller waits for its slot
     * @param service the service name in an interruption's exception
     */
    public RequestPacer(Duration interval, Clock clock, Sleeper sleeper, String service) {
        this.interval = Objects.requireNonNull(interval, "interval");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.service = Objects.requireNonNull(service, "service");
    }

    /**
     * Waits until the key's next slot, and reserves the one after it for the next caller.
     *
     * @param key whose requests are paced (a shop)
     * @throws ServiceUnavailableException when the thread is interrupted while waiting; its interrupt flag
     *     is set again
     */
    public void awaitSlot(String key) {
        if (interval.isZero()) {
            return;
        }
        Instant now = clock.instant();
        Instant[] slot = new Instant[1];
        nextSlot.compute(key, (k, next) -> {
            slot[0] = next == null || next.isBefore(now) ? now : next;
            return slot[0].plus(interval);
        });
        Duration wait = Duration.between(now, slot[0]);
        if (wait.isZero()) {
            return;
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException(service, 0, "interrupted while pacing requests", null, e);
        }
    }
}

package dev.aihq.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that stands still until a test moves it. Thread-safe: the time is one shared
 * {@link AtomicReference}, so a test thread can {@link #advance(Duration)} while the code under test reads
 * it from other threads.
 *
 * <p>{@link #withZone(ZoneId)} returns a view in another zone that shares this clock's time: moving
 * either moves both, as the code under test expects when it derives a shop's zone from the clock it was
 * given.
 */
public final class SettableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private SettableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /**
     * Creates a clock standing at an instant, in UTC.
     *
     * @param instant the starting time
     * @return the clock
     */
    public static SettableClock at(Instant instant) {
        return at(instant, ZoneOffset.UTC);
    }

    /**
     * Creates a clock standing at an instant, in a zone.
     *
     * @param instant the starting time
     * @param zone the clock's zone
     * @return the clock
     */
    public static SettableClock at(Instant instant, ZoneId zone) {
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(zone, "zone");
        return new SettableClock(new AtomicReference<>(instant), zone);
    }

    /**
     * Moves the clock to an instant, forwards or backwards.
     *
     * @param instant the new time
     */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    /**
     * Moves the clock by a duration (a negative one moves it back).
     *
     * @param duration how far to move
     * @return the new time
     */
    public Instant advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        return now.updateAndGet(t -> t.plus(duration));
    }

    /** Returns the current time as last set. */
    @Override
    public Instant instant() {
        return now.get();
    }

    /** Returns the current time in milliseconds since the epoch. */
    @Override
    public long millis() {
        return now.get().toEpochMilli();
    }

    /** Returns the zone this clock converts instants with. */
    @Override
    public ZoneId getZone() {
        return zone;
    }

    /**
     * Returns a clock in another zone that shares this clock's time.
     *
     * @param newZone the zone
     * @return the view; setting or advancing it moves this clock too
     */
    @Override
    public SettableClock withZone(ZoneId newZone) {
        Objects.requireNonNull(newZone, "zone");
        return newZone.equals(zone) ? this : new SettableClock(now, newZone);
    }

    /** Describes the clock with its current time and zone. */
    @Override
    public String toString() {
        return "SettableClock[" + now.get() + "," + zone + "]";
    }
}

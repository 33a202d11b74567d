package dev.aihq.http;

import java.time.Duration;

/**
 * Waits between attempts. Injected into {@link HqHttpClient} so that retry tests record the waits
 * instead of sleeping; production code uses {@link #system()}.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Blocks the calling thread for the given time.
     *
     * @param duration how long to wait, zero or positive
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * Returns the sleeper that really waits, with {@link Thread#sleep(long, int)}.
     *
     * @return the system sleeper
     */
    static Sleeper system() {
        return duration -> {
            if (duration.isNegative() || duration.isZero()) {
                return;
            }
            long millis = duration.toMillis();
            int nanos = (int) (duration.minusMillis(millis).toNanos());
            Thread.sleep(millis, nanos);
        };
    }
}

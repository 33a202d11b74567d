package dev.aihq.pipeline;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Checks that the JVM's time-zone data knows Kazakhstan's move to a single UTC+5 zone on 1 March 2024
 * (tzdata 2024a). With older data {@code Asia/Almaty} is still UTC+6, and quiet hours and deadlines
 * shift by an hour.
 */
@FunctionalInterface
public interface TimeZoneDataCheck {

    /** The instant probed: mid-2024, after the change. */
    Instant PROBE = Instant.parse("2024-06-01T00:00:00Z");

    /**
     * Tells whether the time-zone data is current.
     *
     * @return {@code true} when Asia/Almaty is UTC+5 after March 2024
     */
    boolean isCurrent();

    /**
     * The check against the running JVM's data.
     *
     * @return the check
     */
    static TimeZoneDataCheck jvm() {
        return () -> ZoneId.of("Asia/Almaty").getRules().getOffset(PROBE).equals(ZoneOffset.ofHours(5));
    }
}

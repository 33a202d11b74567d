package dev.aihq.api.shop;

import java.time.LocalTime;
import java.util.Objects;

/**
 * Local hours in the shop's time zone when no message is sent to customers ("не писать ночью"). May
 * span midnight: {@code 22:00–09:00} means from ten in the evening to nine in the morning.
 *
 * @param start first quiet minute, inclusive
 * @param end first minute messages may go again, exclusive
 */
public record QuietHours(LocalTime start, LocalTime end) {

    /** Requires two different times. */
    public QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.equals(end)) {
            throw new IllegalArgumentException("quiet hours must have different start and end, got " + start);
        }
    }

    /**
     * Creates quiet hours.
     *
     * @param start first quiet minute, e.g. {@code 22:00}
     * @param end first allowed minute, e.g. {@code 09:00}
     * @return the quiet hours
     */
    public static QuietHours of(LocalTime start, LocalTime end) {
        return new QuietHours(start, end);
    }

    /**
     * Tells whether a local time falls inside the quiet hours.
     *
     * @param time the local time in the shop's zone
     * @return {@code true} when messages must wait
     */
    public boolean contains(LocalTime time) {
        if (start.isBefore(end)) {
            return !time.isBefore(start) && time.isBefore(end);
        }
        return !time.isBefore(start) || time.isBefore(end);
    }
}

package dev.aihq.api.shop;

import java.time.LocalTime;
import java.util.Objects;

/**
 * One stretch of a day when the shop answers buyers, in the shop's local time: from {@code open} (inclusive) to
 * {@code close} (exclusive). A {@code close} of {@code 00:00} means the end of the day, so {@code 00:00–00:00} is
 * the whole day.
 *
 * @param open the first minute
 * @param close the first minute after, or {@code 00:00} for midnight at the end of the day
 */
public record OpeningSpan(LocalTime open, LocalTime close) {

    /** The whole day. */
    public static final OpeningSpan WHOLE_DAY = new OpeningSpan(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    /** Requires {@code open} before {@code close} (or {@code close} at midnight). */
    public OpeningSpan {
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(close, "close");
        if (!close.equals(LocalTime.MIDNIGHT) && !open.isBefore(close)) {
            throw new IllegalArgumentException("an opening span must open before it closes (close 00:00 is the end"
                    + " of the day); got " + open + "-" + close);
        }
    }

    /**
     * Creates a span.
     *
     * @param open e.g. {@code 09:00}
     * @param close e.g. {@code 21:00}, or {@code 00:00} for the end of the day
     * @return the span
     */
    public static OpeningSpan of(LocalTime open, LocalTime close) {
        return new OpeningSpan(open, close);
    }

    /**
     * Tells whether a local time is inside the span.
     *
     * @param time the local time
     * @return {@code true} when the shop answers then
     */
    public boolean contains(LocalTime time) {
        return !time.isBefore(open) && (close.equals(LocalTime.MIDNIGHT) || time.isBefore(close));
    }
}

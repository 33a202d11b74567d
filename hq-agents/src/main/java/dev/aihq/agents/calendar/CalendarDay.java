package dev.aihq.agents.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One day a calendar data file names: a holiday, a transferred day off or a transferred working day.
 *
 * @param date the day
 * @param kind what it is
 * @param description the holiday or the transfer, as the file writes it
 */
public record CalendarDay(LocalDate date, DayKind kind, String description) {

    /** Requires every part. */
    public CalendarDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
    }
}

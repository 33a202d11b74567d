package dev.aihq.api.event;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A date as a sender wrote it: a calendar day ({@code 2026-02-18}) or a moment with its offset
 * ({@code 2026-03-10T09:00+05:00}). Kept apart because a day has no instant until a zone is chosen,
 * and deadlines are computed differently for each.
 *
 * @param date the calendar day (for a moment, its day at its own offset)
 * @param dateTime the moment, or {@code null} when only a day was given
 */
public record EventDate(LocalDate date, @Nullable OffsetDateTime dateTime) {

    /** Keeps the two parts consistent. */
    public EventDate {
        Objects.requireNonNull(date, "date");
        if (dateTime != null && !dateTime.toLocalDate().equals(date)) {
            throw new IllegalArgumentException("date must be the moment's own day");
        }
    }

    /**
     * A calendar day.
     *
     * @param date the day
     * @return the event date
     */
    public static EventDate of(LocalDate date) {
        return new EventDate(date, null);
    }

    /**
     * A moment.
     *
     * @param dateTime the moment
     * @return the event date
     */
    public static EventDate of(OffsetDateTime dateTime) {
        return new EventDate(dateTime.toLocalDate(), dateTime);
    }

    /**
     * Parses {@code yyyy-MM-dd} or an ISO-8601 date-time with offset.
     *
     * @param text the text
     * @return the event date
     * @throws java.time.format.DateTimeParseException when it is neither
     */
    public static EventDate parse(String text) {
        return text.length() <= 10 ? of(LocalDate.parse(text)) : of(OffsetDateTime.parse(text));
    }

    @Override
    public String toString() {
        return dateTime != null ? dateTime.toString() : date.toString();
    }
}

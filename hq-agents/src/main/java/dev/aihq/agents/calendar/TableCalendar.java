package dev.aihq.agents.calendar;

import dev.aihq.api.calendar.BusinessCalendar;
import dev.aihq.api.calendar.DeadlineShift;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A {@link BusinessCalendar} over a table of named days; every other day follows the Saturday–Sunday weekend. */
final class TableCalendar implements BusinessCalendar {

    private final String country;
    private final LocalDate firstDay;
    private final LocalDate lastDay;
    private final DeadlineShift shift;
    private final Map<LocalDate, CalendarDay> days;

    TableCalendar(String country, LocalDate firstDay, LocalDate lastDay, DeadlineShift shift,
            Map<LocalDate, CalendarDay> days) {
        this.country = Objects.requireNonNull(country, "country");
        this.firstDay = Objects.requireNonNull(firstDay, "first day");
        this.lastDay = Objects.requireNonNull(lastDay, "last day");
        this.shift = Objects.requireNonNull(shift, "shift");
        this.days = Map.copyOf(days);
    }

    @Override
    public String country() {
        return country;
    }

    @Override
    public LocalDate firstDay() {
        return firstDay;
    }

    @Override
    public LocalDate lastDay() {
        return lastDay;
    }

    @Override
    public DeadlineShift shift() {
        return shift;
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        if (!covers(date)) {
            throw new IllegalArgumentException("the " + country + " calendar covers " + firstDay + " to " + lastDay
                    + ", not " + date);
        }
        CalendarDay named = days.get(date);
        if (named != null) {
            return named.kind() == DayKind.WORKING_DAY;
        }
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * Returns what the data file says about a day.
     *
     * @param date the day
     * @return the named day, or empty for an ordinary weekday or weekend
     */
    Optional<CalendarDay> named(LocalDate date) {
        return Optional.ofNullable(days.get(date));
    }

    @Override
    public String toString() {
        return "BusinessCalendar[" + country + " " + firstDay + ".." + lastDay + "]";
    }
}

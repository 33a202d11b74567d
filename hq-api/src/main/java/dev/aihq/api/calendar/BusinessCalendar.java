package dev.aihq.api.calendar;

import java.time.LocalDate;

/**
 * A country's working days over a covered range of dates: weekends, public holidays, and the days the
 * government transferred (a day off moved onto a weekday, a weekend day made a working day). Used to
 * compute due dates of taxes and legal deadlines.
 *
 * <p>A calendar knows only the years its data covers. Asking about a date outside {@link #firstDay()} ..
 * {@link #lastDay()} throws {@link IllegalArgumentException} naming the country, the date and the covered
 * range: holidays and transfers are decided year by year, so a guess for an uncovered year could be wrong.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface BusinessCalendar {

    /**
     * Returns the ISO 3166-1 alpha-2 code of the calendar's country.
     *
     * @return e.g. {@code KZ} or {@code RU}
     */
    String country();

    /**
     * Returns the first day the calendar covers.
     *
     * @return the first covered day, inclusive
     */
    LocalDate firstDay();

    /**
     * Returns the last day the calendar covers.
     *
     * @return the last covered day, inclusive
     */
    LocalDate lastDay();

    /**
     * Tells whether a day is a working day of a five-day week: not a weekend (unless transferred to a
     * working day), not a public holiday, not a transferred day off.
     *
     * @param date the day
     * @return {@code true} for a working day
     * @throws IllegalArgumentException when the day is outside the covered range
     */
    boolean isWorkingDay(LocalDate date);

    /**
     * Returns the country's rule for a deadline that falls on a day off.
     *
     * @return the rule with its source and status
     */
    DeadlineShift shift();

    /**
     * Tells whether the calendar covers a day.
     *
     * @param date the day
     * @return {@code true} when {@link #isWorkingDay(LocalDate)} can answer for it
     */
    default boolean covers(LocalDate date) {
        return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
    }

    /**
     * Returns the first working day strictly after a day.
     *
     * @param date the day
     * @return the next working day
     * @throws IllegalArgumentException when the search leaves the covered range
     */
    default LocalDate nextWorkingDay(LocalDate date) {
        return workingDayOnOrAfter(date.plusDays(1));
    }

    /**
     * Returns the day itself when it is a working day, otherwise the first working day after it.
     *
     * @param date the day
     * @return the day or the next working day
     * @throws IllegalArgumentException when the search leaves the covered range
     */
    default LocalDate workingDayOnOrAfter(LocalDate date) {
        LocalDate day = date;
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /**
     * Counts working days forward: the {@code n}-th working day after {@code start}, not counting
     * {@code start} itself. {@code n = 0} returns {@code start} unchanged.
     *
     * @param start the day to count from
     * @param n how many working days, at least zero
     * @return the day reached
     * @throws IllegalArgumentException when {@code n} is negative or the count leaves the covered range
     */
    default LocalDate plusWorkingDays(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("working days to add must not be negative, got " + n);
        }
        LocalDate day = start;
        for (int i = 0; i < n; i++) {
            day = nextWorkingDay(day);
        }
        return day;
    }

    /**
     * Counts the working days in {@code [from, to)}.
     *
     * @param from the first day, inclusive
     * @param to the end, exclusive; not before {@code from}
     * @return the number of working days
     * @throws IllegalArgumentException when {@code to} is before {@code from} or a day is outside the covered
     *     range
     */
    default int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("range end " + to + " is before its start " + from);
        }
        int count = 0;
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /**
     * Applies the country's {@link #shift()} rule to a statutory deadline: when the rule moves deadlines and
     * the date is a day off, the first working day after it; otherwise the date itself.
     *
     * @param statutoryDate the deadline as the law writes it
     * @return the day the obligation is actually due
     * @throws IllegalArgumentException when the date (or the day it moves to) is outside the covered range
     */
    default LocalDate dueDate(LocalDate statutoryDate) {
        if (!shift().movesToNextWorkingDay()) {
            if (!covers(statutoryDate)) {
                throw new IllegalArgumentException("the " + country() + " calendar covers " + firstDay() + " to "
                        + lastDay() + ", not " + statutoryDate);
            }
            return statutoryDate;
        }
        return workingDayOnOrAfter(statutoryDate);
    }
}

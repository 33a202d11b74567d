package dev.aihq.api.shop;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * When a shop answers buyers, in its own time zone: the opening spans of each day of the week and the dates it is
 * closed. The inbox's SLA clock runs only in these hours, so that a message at night gets its deadline counted from
 * the next opening. {@link #always()} (24/7, no closed dates) is the default.
 *
 * @param week each day's opening spans, sorted and not overlapping; a day without spans is closed; at least one
 *     span in the week
 * @param closedDates local dates the shop does not answer on (holidays), whatever the day of the week
 */
public record BusinessHours(Map<DayOfWeek, List<OpeningSpan>> week, Set<LocalDate> closedDates) {

    /** The most days {@link #deadline} walks before it gives up (a year and a bit). */
    private static final int MAX_DAYS = 400;

    /** Validates and copies; sorts each day's spans and refuses overlaps. */
    public BusinessHours {
        Objects.requireNonNull(week, "week");
        Objects.requireNonNull(closedDates, "closed dates");
        Map<DayOfWeek, List<OpeningSpan>> copy = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, spans) -> {
            Objects.requireNonNull(day, "day");
            List<OpeningSpan> sorted = new ArrayList<>(spans);
            sorted.forEach(span -> Objects.requireNonNull(span, "opening span of " + day));
            sorted.sort(Comparator.comparing(OpeningSpan::open));
            for (int i = 1; i < sorted.size(); i++) {
                OpeningSpan before = sorted.get(i - 1);
                if (before.close().equals(java.time.LocalTime.MIDNIGHT)
                        || sorted.get(i).open().isBefore(before.close())) {
                    throw new IllegalArgumentException("the opening spans of " + day + " overlap: " + before.open()
                            + "-" + before.close() + " and " + sorted.get(i).open() + "-" + sorted.get(i).close());
                }
            }
            if (!sorted.isEmpty()) {
                copy.put(day, List.copyOf(sorted));
            }
        });
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("business hours need at least one opening span in the week");
        }
        week = java.util.Collections.unmodifiableMap(copy);
        closedDates = java.util.Collections.unmodifiableSet(new TreeSet<>(closedDates));
    }

    /**
     * Returns round-the-clock hours: every day, the whole day, no closed dates.
     *
     * @return 24/7
     */
    public static BusinessHours always() {
        Map<DayOfWeek, List<OpeningSpan>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(OpeningSpan.WHOLE_DAY));
        }
        return new BusinessHours(week, Set.of());
    }

    /**
     * Returns the same span every day of the week.
     *
     * @param span the span, e.g. 09:00–21:00
     * @return the hours
     */
    public static BusinessHours daily(OpeningSpan span) {
        Map<DayOfWeek, List<OpeningSpan>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(span));
        }
        return new BusinessHours(week, Set.of());
    }

    /**
     * Returns these hours with more closed dates.
     *
     * @param dates the dates
     * @return the hours
     */
    public BusinessHours closedOn(Set<LocalDate> dates) {
        Set<LocalDate> all = new TreeSet<>(closedDates);
        all.addAll(dates);
        return new BusinessHours(week, all);
    }

    /**
     * Tells whether these are round-the-clock hours.
     *
     * @return {@code true} when every day is open the whole day and no date is closed
     */
    public boolean isAlways() {
        return closedDates.isEmpty() && week.size() == 7
                && week.values().stream().allMatch(spans -> spans.equals(List.of(OpeningSpan.WHOLE_DAY)));
    }

    /**
     * Tells whether the shop answers at an instant.
     *
     * @param at the instant
     * @param zone the shop's zone
     * @return {@code true} when open
     */
    public boolean isOpen(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        if (closedDates.contains(local.toLocalDate())) {
            return false;
        }
        return week.getOrDefault(local.getDayOfWeek(), List.of()).stream()
                .anyMatch(span -> span.contains(local.toLocalTime()));
    }

    /**
     * Returns when an answer time counted in business hours ends: the clock starts at {@code start} (or at the next
     * opening when the shop is closed then) and runs only while the shop is open. Daylight-saving changes of the
     * zone are respected: an opening span is its local times on that date.
     *
     * @param start when the message arrived
     * @param answerTime the answer time in business hours, zero or positive
     * @param zone the shop's zone
     * @return the deadline
     * @throws IllegalArgumentException when {@code answerTime} is negative, or the hours leave no open time within
     *     {@value #MAX_DAYS} days (every date closed)
     */
    public Instant deadline(Instant start, Duration answerTime, ZoneId zone) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(zone, "zone");
        if (answerTime.isNegative()) {
            throw new IllegalArgumentException("answer time must not be negative; got " + answerTime);
        }
        if (isAlways()) {
            return start.plus(answerTime);
        }
        Duration remaining = answerTime;
        LocalDate date = start.atZone(zone).toLocalDate();
        for (int day = 0; day < MAX_DAYS; day++, date = date.plusDays(1)) {
            if (closedDates.contains(date)) {
                continue;
            }
            for (OpeningSpan span : week.getOrDefault(date.getDayOfWeek(), List.of())) {
                Instant open = date.atTime(span.open()).atZone(zone).toInstant();
                Instant close = span.close().equals(java.time.LocalTime.MIDNIGHT)
                        ? date.plusDays(1).atStartOfDay(zone).toInstant()
                        : date.atTime(span.close()).atZone(zone).toInstant();
                Instant from = open.isBefore(start) ? start : open;
                if (!from.isBefore(close)) {
                    continue;
                }
                Duration available = Duration.between(from, close);
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
        throw new IllegalArgumentException("the business hours leave no open time within " + MAX_DAYS
                + " days of " + start);
    }
}

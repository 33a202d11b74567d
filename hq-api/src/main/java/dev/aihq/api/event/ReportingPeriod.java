package dev.aihq.api.event;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period of local calendar days: a month ({@code 2026-01}), a quarter ({@code 2026-Q1}), a
 * half-year ({@code 2026-H1}, {@code 2026-H2}) or a year ({@code 2026}). The days are the shop's: the
 * instants a period covers depend on the shop's time zone ({@link #startIn(ZoneId)}, {@link #endIn(ZoneId)}).
 *
 * @param label the period as written
 * @param start the first day, inclusive
 * @param end the day after the last, exclusive
 */
public record ReportingPeriod(String label, LocalDate start, LocalDate end) {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    /** Requires {@code start} before {@code end}. */
    public ReportingPeriod {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("period start must be before its end");
        }
    }

    /**
     * Parses {@code yyyy-MM}, {@code yyyy-Qn}, {@code yyyy-H1}/{@code yyyy-H2} or {@code yyyy}.
     *
     * @param text the period
     * @return the period
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static ReportingPeriod parse(String text) {
        Objects.requireNonNull(text, "text");
        if (MONTH.matcher(text).matches()) {
            return month(YearMonth.parse(text));
        }
        Matcher q = QUARTER.matcher(text);
        if (q.matches()) {
            return quarter(Integer.parseInt(q.group(1)), Integer.parseInt(q.group(2)));
        }
        Matcher h = HALF.matcher(text);
        if (h.matches()) {
            return half(Integer.parseInt(h.group(1)), Integer.parseInt(h.group(2)));
        }
        if (YEAR.matcher(text).matches()) {
            return year(Integer.parseInt(text));
        }
        throw new IllegalArgumentException("must be a month (2026-01), a quarter (2026-Q1), a half-year "
                + "(2026-H1 or 2026-H2) or a year (2026)");
    }

    /**
     * Returns a month.
     *
     * @param month the month
     * @return the period, labelled {@code yyyy-MM}
     */
    public static ReportingPeriod month(YearMonth month) {
        Objects.requireNonNull(month, "month");
        return new ReportingPeriod(month.toString(), month.atDay(1), month.plusMonths(1).atDay(1));
    }

    /**
     * Returns a quarter.
     *
     * @param year the year
     * @param quarter 1–4
     * @return the period, labelled {@code yyyy-Qn}
     * @throws IllegalArgumentException when the quarter is not 1–4
     */
    public static ReportingPeriod quarter(int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter must be 1-4, got " + quarter);
        }
        LocalDate start = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        return new ReportingPeriod(String.format("%04d-Q%d", year, quarter), start, start.plusMonths(3));
    }

    /**
     * Returns a half-year.
     *
     * @param year the year
     * @param half 1 (January–June) or 2 (July–December)
     * @return the period, labelled {@code yyyy-H1} or {@code yyyy-H2}
     * @throws IllegalArgumentException when the half is not 1 or 2
     */
    public static ReportingPeriod half(int year, int half) {
        if (half < 1 || half > 2) {
            throw new IllegalArgumentException("half-year must be 1 or 2, got " + half);
        }
        LocalDate start = LocalDate.of(year, (half - 1) * 6 + 1, 1);
        return new ReportingPeriod(String.format("%04d-H%d", year, half), start, start.plusMonths(6));
    }

    /**
     * Returns a calendar year.
     *
     * @param year the year
     * @return the period, labelled {@code yyyy}
     */
    public static ReportingPeriod year(int year) {
        LocalDate start = LocalDate.of(year, 1, 1);
        return new ReportingPeriod(String.format("%04d", year), start, start.plusYears(1));
    }

    /**
     * Returns the period of the same length just before this one: the previous month, quarter, half-year
     * or year (2026-01 → 2025-12, 2026-Q1 → 2025-Q4, 2026-H2 → 2026-H1, 2026 → 2025). A period of other
     * dates gives the same number of days ending where this one starts, labelled
     * {@code <start>/<end>} with its exclusive end.
     *
     * @return the previous period
     */
    public ReportingPeriod previous() {
        long months = ChronoUnit.MONTHS.between(start, end);
        boolean whole = start.getDayOfMonth() == 1 && start.plusMonths(months).equals(end);
        int month = start.getMonthValue();
        if (whole && months == 1) {
            return month(YearMonth.from(start).minusMonths(1));
        }
        if (whole && months == 3 && (month - 1) % 3 == 0) {
            LocalDate previous = start.minusMonths(3);
            return quarter(previous.getYear(), (previous.getMonthValue() - 1) / 3 + 1);
        }
        if (whole && months == 6 && (month - 1) % 6 == 0) {
            LocalDate previous = start.minusMonths(6);
            return half(previous.getYear(), (previous.getMonthValue() - 1) / 6 + 1);
        }
        if (whole && months == 12 && month == 1) {
            return year(start.getYear() - 1);
        }
        LocalDate previousStart = start.minusDays(ChronoUnit.DAYS.between(start, end));
        return new ReportingPeriod(previousStart + "/" + start, previousStart, start);
    }

    /**
     * Returns the instant the period starts in a time zone: the start of its first local day.
     *
     * @param zone the shop's time zone
     * @return the first instant, inclusive
     */
    public Instant startIn(ZoneId zone) {
        return start.atStartOfDay(Objects.requireNonNull(zone, "zone")).toInstant();
    }

    /**
     * Returns the instant the period ends in a time zone: the start of the local day after its last.
     *
     * @param zone the shop's time zone
     * @return the end instant, exclusive
     */
    public Instant endIn(ZoneId zone) {
        return end.atStartOfDay(Objects.requireNonNull(zone, "zone")).toInstant();
    }

    /**
     * Tells whether an instant falls within the period in a time zone.
     *
     * @param instant the instant
     * @param zone the shop's time zone
     * @return {@code true} when {@code startIn(zone) <= instant < endIn(zone)}
     */
    public boolean contains(Instant instant, ZoneId zone) {
        Objects.requireNonNull(instant, "instant");
        return !instant.isBefore(startIn(zone)) && instant.isBefore(endIn(zone));
    }

    @Override
    public String toString() {
        return label;
    }
}

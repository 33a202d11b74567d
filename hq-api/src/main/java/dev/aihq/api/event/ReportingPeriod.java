package dev.aihq.api.event;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period of local calendar days: a month ({@code 2026-01}), a quarter ({@code 2026-Q1})
 * or a year ({@code 2026}).
 *
 * @param label the period as written
 * @param start the first day, inclusive
 * @param end the day after the last, exclusive
 */
public record ReportingPeriod(String label, LocalDate start, LocalDate end) {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
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
     * Parses {@code yyyy-MM}, {@code yyyy-Qn} or {@code yyyy}.
     *
     * @param text the period
     * @return the period
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static ReportingPeriod parse(String text) {
        if (MONTH.matcher(text).matches()) {
            YearMonth month = YearMonth.parse(text);
            return new ReportingPeriod(text, month.atDay(1), month.plusMonths(1).atDay(1));
        }
        Matcher q = QUARTER.matcher(text);
        if (q.matches()) {
            LocalDate start = LocalDate.of(Integer.parseInt(q.group(1)), (Integer.parseInt(q.group(2)) - 1) * 3 + 1, 1);
            return new ReportingPeriod(text, start, start.plusMonths(3));
        }
        if (YEAR.matcher(text).matches()) {
            LocalDate start = LocalDate.of(Integer.parseInt(text), 1, 1);
            return new ReportingPeriod(text, start, start.plusYears(1));
        }
        throw new IllegalArgumentException("must be a month (2026-01), a quarter (2026-Q1) or a year (2026)");
    }

    @Override
    public String toString() {
        return label;
    }
}

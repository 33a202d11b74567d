package dev.aihq.agents.finance.tax;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A statutory deadline written the way tax codes write it: a day of the N-th month after the period's last month
 * (form 910: the 15th of the 2nd month after the half-year; УСН advances: the 28th of the month after the quarter).
 *
 * @param monthsAfterPeriodEnd how many months after the period's last month, at least zero
 * @param day the day of that month, 1 to 31 (capped at the month's length)
 */
public record DueRule(int monthsAfterPeriodEnd, int day) {

    /** Checks the ranges. */
    public DueRule {
        if (monthsAfterPeriodEnd < 0 || monthsAfterPeriodEnd > 24) {
            throw new IllegalArgumentException("months after the period must be 0 to 24, got " + monthsAfterPeriodEnd);
        }
        if (day < 1 || day > 31) {
            throw new IllegalArgumentException("day must be 1 to 31, got " + day);
        }
    }

    /**
     * Returns the statutory date for a period.
     *
     * @param periodLastDay the period's last day
     * @return the deadline as the law writes it, before any move off a day off
     */
    public LocalDate statutoryDate(LocalDate periodLastDay) {
        YearMonth month = YearMonth.from(periodLastDay).plusMonths(monthsAfterPeriodEnd);
        return month.atDay(Math.min(day, month.lengthOfMonth()));
    }
}

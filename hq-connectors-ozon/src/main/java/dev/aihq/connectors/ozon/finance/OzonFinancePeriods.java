package dev.aihq.connectors.ozon.finance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits a range into the windows one {@code /v3/finance/transaction/list} request may ask: Ozon allows "at most
 * 1 month per request" (reference §3.8). Pure and thread-safe.
 *
 * <p>The windows are cut at the starts of calendar months in UTC (Ozon's time, reference §3.1), so each lies
 * within one month and so matches the accountant's monthly periods: a range from 10 February to 5 April gives
 * [10 Feb, 1 Mar), [1 Mar, 1 Apr), [1 Apr, 5 Apr). <i>Interpretation:</i> Ozon does not say whether its
 * {@code to} is included; the windows share their boundaries ({@code to} of one is {@code from} of the next), so an
 * operation at exactly a month's start may come in both, which is harmless: its ledger keys are stable and it is
 * recorded once.
 */
public final class OzonFinancePeriods {

    private OzonFinancePeriods() {}

    /**
     * Splits {@code [from, to)} into windows within one UTC calendar month each.
     *
     * @param from the range's start, included
     * @param to the range's end, excluded; not before {@code from}
     * @return the windows in order, covering the range exactly; empty when {@code from} equals {@code to}
     * @throws IllegalArgumentException when {@code to} is before {@code from}
     */
    public static List<OzonFinanceWindow> months(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("range end " + to + " is before its start " + from);
        }
        List<OzonFinanceWindow> windows = new ArrayList<>();
        Instant start = from;
        while (start.isBefore(to)) {
            Instant nextMonth = YearMonth.from(start.atOffset(ZoneOffset.UTC)).plusMonths(1).atDay(1)
                    .atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant end = nextMonth.isBefore(to) ? nextMonth : to;
            windows.add(new OzonFinanceWindow(start, end));
            start = end;
        }
        return windows;
    }

    /**
     * Splits whole UTC days {@code first} to {@code last}, both included, into windows within one calendar month
     * each.
     *
     * @param first the first day
     * @param last the last day; not before {@code first}
     * @return the windows in order, from the start of {@code first} to the start of the day after {@code last}
     * @throws IllegalArgumentException when {@code last} is before {@code first}
     */
    public static List<OzonFinanceWindow> months(LocalDate first, LocalDate last) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("last day " + last + " is before the first " + first);
        }
        return months(first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /**
     * The one window of a UTC calendar month.
     *
     * @param month the month
     * @return from the start of its first day to the start of the next month
     */
    public static OzonFinanceWindow month(YearMonth month) {
        Objects.requireNonNull(month, "month");
        return new OzonFinanceWindow(month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}

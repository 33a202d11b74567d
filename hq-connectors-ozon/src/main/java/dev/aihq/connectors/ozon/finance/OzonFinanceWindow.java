package dev.aihq.connectors.ozon.finance;

import java.time.Instant;
import java.util.Objects;

/**
 * One window of a transaction request: {@code filter.date.from} and {@code filter.date.to} (reference §3.8), at
 * most one calendar month in UTC. See {@link OzonFinancePeriods}.
 *
 * @param from the window's start, included
 * @param to the window's end, excluded (the next window's start); after {@code from}
 */
public record OzonFinanceWindow(Instant from, Instant to) {

    /** Requires {@code from} before {@code to}. */
    public OzonFinanceWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("window start " + from + " must be before its end " + to);
        }
    }
}

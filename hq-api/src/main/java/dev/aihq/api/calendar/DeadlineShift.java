package dev.aihq.api.calendar;

import java.util.Objects;

/**
 * A country's rule for a statutory deadline that falls on a day off: whether it moves to the next working
 * day, where the rule comes from, and whether that source confirms it or the rule is an assumption the
 * reader should be told about.
 *
 * @param movesToNextWorkingDay {@code true} when a deadline on a day off moves to the next working day
 * @param source the legal source (an article or a URL), or the reason it is assumed
 * @param confirmed {@code true} when the source states the rule; {@code false} when it is an assumption
 */
public record DeadlineShift(boolean movesToNextWorkingDay, String source, boolean confirmed) {

    /** Requires a non-blank source. */
    public DeadlineShift {
        Objects.requireNonNull(source, "source");
        if (source.isBlank()) {
            throw new IllegalArgumentException("a deadline shift rule needs its source");
        }
    }

    /**
     * Tells whether the rule is an assumption rather than a sourced fact.
     *
     * @return {@code true} when not confirmed
     */
    public boolean isAssumption() {
        return !confirmed;
    }
}

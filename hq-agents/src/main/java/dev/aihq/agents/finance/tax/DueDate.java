package dev.aihq.agents.finance.tax;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A deadline of the tax period: the date the law writes and the date it is actually due after the country's
 * calendar rule moved it off a day off.
 *
 * @param kind declaration, payment or advance payment
 * @param label what it is for, e.g. {@code 910.00 for 2026-H1}
 * @param statutoryDate the date as the law writes it
 * @param dueDate the date it is due: moved to the next working day when the statutory date is a day off and the
 *     country's rule moves deadlines; equal to the statutory date otherwise or when unchecked
 * @param checkedAgainstCalendar {@code false} when the shipped calendar does not cover the date (then it was not
 *     moved, and the assessment says so in its assumptions)
 * @param ruleId the rule that sets the deadline
 * @param source its legal source
 */
public record DueDate(
        DueKind kind,
        String label,
        LocalDate statutoryDate,
        LocalDate dueDate,
        boolean checkedAgainstCalendar,
        String ruleId,
        String source) {

    /** Requires every part; the due date never precedes the statutory date. */
    public DueDate {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(statutoryDate, "statutory date");
        Objects.requireNonNull(dueDate, "due date");
        Objects.requireNonNull(ruleId, "rule id");
        Objects.requireNonNull(source, "source");
        if (dueDate.isBefore(statutoryDate)) {
            throw new IllegalArgumentException("a due date cannot move before the statutory date");
        }
    }

    /**
     * Tells whether the calendar moved the deadline.
     *
     * @return {@code true} when the due date is after the statutory date
     */
    public boolean moved() {
        return dueDate.isAfter(statutoryDate);
    }
}

package dev.aihq.agents.legal.rules;

import java.util.Objects;

/**
 * The shop's own target for answering where no source sets a period (a Kaspi objection, a WB portal ticket). It is
 * never presented as a rule: a conclusion built on it has {@code deadlineOfficial=false} and says so.
 *
 * @param amount how many days, at least one
 * @param unit calendar or business days
 */
public record InternalTarget(int amount, DayUnit unit) {

    /** How the days of a target are counted. */
    public enum DayUnit {
        /** Every day counts. */
        CALENDAR_DAYS,
        /** Only working days of the jurisdiction's business calendar count. */
        BUSINESS_DAYS
    }

    /** Requires a unit and a positive amount. */
    public InternalTarget {
        Objects.requireNonNull(unit, "unit");
        if (amount < 1) {
            throw new IllegalArgumentException("an internal target needs at least one day, got " + amount);
        }
    }

    /**
     * A target in calendar days.
     *
     * @param days the days
     * @return the target
     */
    public static InternalTarget calendarDays(int days) {
        return new InternalTarget(days, DayUnit.CALENDAR_DAYS);
    }

    /**
     * A target in business days.
     *
     * @param days the days
     * @return the target
     */
    public static InternalTarget businessDays(int days) {
        return new InternalTarget(days, DayUnit.BUSINESS_DAYS);
    }

    /**
     * Describes the target in Russian words, in the form that agrees with the number.
     *
     * @return e.g. {@code 1 рабочий день}, {@code 3 календарных дня}, {@code 5 рабочих дней}
     */
    public String describe() {
        boolean calendar = unit == DayUnit.CALENDAR_DAYS;
        return amount + " " + RussianPlural.of(amount,
                calendar ? "календарный день" : "рабочий день",
                calendar ? "календарных дня" : "рабочих дня",
                calendar ? "календарных дней" : "рабочих дней");
    }
}

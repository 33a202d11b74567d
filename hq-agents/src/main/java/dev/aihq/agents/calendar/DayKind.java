package dev.aihq.agents.calendar;

/** What a line of a calendar data file says about its day. */
public enum DayKind {
    /** A public holiday: a day off, wherever in the week it falls. */
    HOLIDAY("holiday"),
    /** A weekday made a day off: a holiday moved off a weekend, a government transfer, a religious day off. */
    DAY_OFF("day-off"),
    /** A weekend day made a working day by a government transfer. */
    WORKING_DAY("working-day");

    private final String code;

    DayKind(String code) {
        this.code = code;
    }

    /**
     * Returns the word the data files use.
     *
     * @return e.g. {@code day-off}
     */
    public String code() {
        return code;
    }
}

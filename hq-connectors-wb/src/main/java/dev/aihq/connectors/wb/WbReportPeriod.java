package dev.aihq.connectors.wb;

import java.util.Locale;

/** The {@code period} of {@code reportDetailByPeriod}: WB's weekly or daily reports (reference §2.8). */
public enum WbReportPeriod {
    /** The weekly reports, WB's default. */
    WEEKLY,
    /** The daily reports. */
    DAILY;

    /**
     * Returns the query value.
     *
     * @return {@code weekly} or {@code daily}
     */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}

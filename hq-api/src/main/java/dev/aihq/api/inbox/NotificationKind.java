package dev.aihq.api.inbox;

import java.util.Locale;

/** Why the shop's manager is notified. Wire values are the lower-case names. */
public enum NotificationKind {
    /** A message classified critical: it needs a person within the critical answer time. */
    URGENT_MESSAGE,
    /** An interaction escalated: the buyer wrote again and again without a resolving reply. */
    ESCALATION,
    /** A product's negative reviews grew beyond the shop's threshold week over week. */
    QUALITY_ALERT;

    /**
     * Returns the wire value.
     *
     * @return e.g. {@code quality_alert}
     */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}

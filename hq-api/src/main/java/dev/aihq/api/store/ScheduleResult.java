package dev.aihq.api.store;

/** What {@link Outbox#scheduleWithinCap} did with a message. */
public enum ScheduleResult {
    /** The message was added. */
    SCHEDULED,
    /** A message with the same stable key exists in the shop; nothing was added. */
    DUPLICATE,
    /** The customer already has as many messages in the cap's period as it allows; nothing was added. */
    CAPPED
}

package dev.aihq.api.store;

import java.time.Duration;
import java.util.Objects;

/**
 * One stage of a run in the run log.
 *
 * @param name the stage, e.g. {@code gather_context}
 * @param duration how long it took
 * @param status how it went
 * @param detail what a person needs to know (which source degraded, why it failed); may be empty
 */
public record StageRecord(String name, Duration duration, StageStatus status, String detail) {

    /** Requires every part. */
    public StageRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }
}

package dev.aihq.api.store;

/** How one stage of a run went. */
public enum StageStatus {
    /** The stage did its work. */
    OK,
    /** The stage went on without something optional (an optional context source failed or timed out). */
    DEGRADED,
    /** The stage failed and ended the run. */
    FAILED,
    /** The stage did not run (an earlier stage ended the run). */
    SKIPPED
}

package dev.aihq.api.store;

/** Which way an agent produced its result. */
public enum AgentPath {
    /** A model produced the result. */
    MODEL,
    /** The deterministic fallback produced it: no model configured, the model failed, or the budget was spent. */
    FALLBACK
}

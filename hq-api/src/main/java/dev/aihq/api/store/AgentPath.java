package dev.aihq.api.store;

/** Which way an agent produced its result. */
public enum AgentPath {
    /** A model produced the result. */
    MODEL,
    /** The deterministic fallback produced it: no model configured, the model failed, or the budget was spent. */
    FALLBACK,
    /**
     * A model produced the result but it failed validation after its repair attempt, and the shop holds such
     * drafts for review: the pipeline must hold it for a person and never send it as it is.
     */
    REJECTED
}

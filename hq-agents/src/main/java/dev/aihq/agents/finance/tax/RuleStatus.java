package dev.aihq.agents.finance.tax;

/** How well a tax rule is sourced, with the marks of the research reference the data comes from. */
public enum RuleStatus {
    /** {@code [C]}: stated by at least one cited source. */
    CONFIRMED,
    /**
     * {@code [U]}: no source found, sources disagree, or the source is weak. Every unconfirmed rule an assessment
     * uses is listed in its assumptions.
     */
    UNCONFIRMED
}

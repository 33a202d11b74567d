package dev.aihq.agents.finance.tax;

/** What is due on a {@link DueDate}. */
public enum DueKind {
    /** Filing the declaration (form 910.00, the УСН declaration). */
    DECLARATION,
    /** Paying the tax for the tax period. */
    PAYMENT,
    /** Paying an advance for a reporting period within the tax year (УСН Q1, H1, 9M). */
    ADVANCE_PAYMENT
}

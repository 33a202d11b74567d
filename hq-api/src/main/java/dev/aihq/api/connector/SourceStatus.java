package dev.aihq.api.connector;

/**
 * How well a {@link MessagingRule} is sourced, with the confidence tags of the research reference the rules
 * come from ({@code [C]}, {@code [S]}, {@code [U]}). The status is there so a person can see which rules to
 * confirm with the marketplace or a lawyer; it never switches a rule off: the sales guard enforces an
 * unconfirmed rule as strictly as a confirmed one, because not following a rule that turns out to be real
 * costs a shop its marketplace account, while following one that is not costs a sentence.
 */
public enum SourceStatus {
    /** {@code [C]}: read in the owner's own text (the marketplace's or Meta's documentation, or a verbatim copy). */
    CONFIRMED,
    /** {@code [S]}: several independent secondary sources agree, but the owner's text was not read. */
    SECONDARY,
    /** {@code [U]}: no source found, sources conflict, or the rule is an inference; verify before relying on it. */
    UNCONFIRMED
}

package dev.aihq.api.legal;

/**
 * How well a {@link KnowledgeEntry} is sourced, with the three tags of the legal research reference
 * ({@code [OK]}, {@code [SEC]}, {@code [UNCONF]}).
 *
 * <p>This is its own type rather than {@link dev.aihq.api.connector.SourceStatus}: the values line up, but
 * the consequences differ. A messaging rule is enforced whatever its status, whereas a legal entry's status
 * decides what the agent may say: only an {@link #OFFICIAL} entry may back a deadline or threshold presented
 * to the seller as official, and an {@link #UNCONFIRMED} one must be flagged as not official wherever it is
 * used.
 */
public enum LegalSourceStatus {
    /** {@code [OK]}: seen in a primary or official source (the marketplace's own pages, an official legal text). */
    OFFICIAL,
    /** {@code [SEC]}: seen only in a secondary source (law firm, blog, news); re-verify before computing from it. */
    SECONDARY,
    /** {@code [UNCONF]}: not found in a source, inferred or weakly sourced; never present it as an official rule. */
    UNCONFIRMED
}

package dev.aihq.api.legal;

import java.util.Locale;

/**
 * How well a legal rule, a {@link KnowledgeEntry} or a source of an assessment is backed, with the tags of the
 * legal research reference ({@code [OK]}, {@code [SEC]}, {@code [UNCONF]}) and one value for what is not a rule
 * at all ({@link #INTERNAL}). Wire values are the lower-case names.
 *
 * <p>This is its own type rather than {@link dev.aihq.api.connector.SourceStatus}: the values line up, but
 * the consequences differ. A messaging rule is enforced whatever its status, whereas a legal source's status
 * decides what the agent may say: only an {@link #OFFICIAL} source may back a deadline presented to the seller
 * as official, a {@link #SECONDARY} one may set a deadline only marked as not official, and an
 * {@link #UNCONFIRMED} one is context, flagged wherever it is used.
 */
public enum LegalSourceStatus {
    /** {@code [OK]}: seen in a primary or official source (the marketplace's own pages, an official legal text). */
    OFFICIAL,
    /** {@code [SEC]}: seen only in a secondary source (law firm, blog, news); re-verify before computing from it. */
    SECONDARY,
    /** {@code [UNCONF]}: not found in a source, inferred or weakly sourced; never present it as an official rule. */
    UNCONFIRMED,
    /**
     * Not a rule: the shop's own configurable target, e.g. answering a Kaspi measure within 3 days where no source
     * sets a period. Never presented as a legal deadline.
     */
    INTERNAL;

    /**
     * Returns the wire value.
     *
     * @return e.g. {@code secondary}
     */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a wire value.
     *
     * @param value e.g. {@code official}
     * @return the status
     * @throws IllegalArgumentException naming the accepted values
     */
    public static LegalSourceStatus fromWire(String value) {
        for (LegalSourceStatus s : values()) {
            if (s.wireValue().equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("status must be official, secondary, unconfirmed or internal, got '"
                + value + "'");
    }
}

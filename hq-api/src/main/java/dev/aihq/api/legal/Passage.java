package dev.aihq.api.legal;

import java.util.Objects;

/**
 * A knowledge-base entry found for a query, with its relevance score.
 *
 * @param entry the entry
 * @param score relevance, higher is better; comparable only within one search's results; finite and not negative
 */
public record Passage(KnowledgeEntry entry, double score) {

    /** Validates the entry and the score. */
    public Passage {
        Objects.requireNonNull(entry, "entry");
        if (!Double.isFinite(score) || score < 0) {
            throw new IllegalArgumentException("score must be finite and not negative, got " + score);
        }
    }
}

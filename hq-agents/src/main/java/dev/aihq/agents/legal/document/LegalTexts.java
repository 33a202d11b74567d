package dev.aihq.agents.legal.document;

import java.util.Objects;

/**
 * The three texts of a legal answer.
 *
 * @param analysis what happened, whether it can be contested, the risk, the deadline with its status, the rules
 *     and the documents that could not be used
 * @param document the draft document to send (an objection, a claim, a reply to a buyer)
 * @param recommendation the next steps: what to send by when, what to attach, where to go afterwards
 */
public record LegalTexts(String analysis, String document, String recommendation) {

    /** Requires all three, not blank. */
    public LegalTexts {
        require(analysis, "analysis");
        require(document, "document");
        require(recommendation, "recommendation");
    }

    private static void require(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}

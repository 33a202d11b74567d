package dev.aihq.agents.legal.rules;

import java.util.Objects;

/**
 * A constraint on the generated document that the guard enforces.
 *
 * @param id a stable code, e.g. {@code internal_deadline}
 * @param text the constraint in Russian words
 */
public record MustNot(String id, String text) {

    /** Requires both parts, not blank. */
    public MustNot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        if (id.isBlank() || text.isBlank()) {
            throw new IllegalArgumentException("a must-not needs an id and a text");
        }
    }
}

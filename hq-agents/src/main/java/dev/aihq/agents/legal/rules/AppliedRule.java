package dev.aihq.agents.legal.rules;

import dev.aihq.api.legal.LegalSourceStatus;
import java.util.Objects;

/**
 * A rule a conclusion rests on or mentions as context.
 *
 * @param id the rule id, e.g. {@code KASPI.DELIVERY.CLAIM}
 * @param status how it is sourced
 * @param url its source, empty when there is none
 * @param title what it says, in short, in Russian
 */
public record AppliedRule(String id, LegalSourceStatus status, String url, String title) {

    /** Requires every part and a non-blank id. */
    public AppliedRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a rule needs an id");
        }
    }
}

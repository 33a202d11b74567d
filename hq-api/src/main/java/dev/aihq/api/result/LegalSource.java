package dev.aihq.api.result;

import dev.aihq.api.legal.LegalSourceStatus;
import java.util.Objects;

/**
 * A source an assessment rests on: a rule of the rule layer or a passage of the knowledge base, with where it was
 * read and how well it is backed. Wire shape {@code {rule_id, title, url, status}}.
 *
 * @param ruleId the rule id, e.g. {@code KASPI.DELIVERY.CLAIM}
 * @param title what it says, in short
 * @param url where it was read; empty for the shop's internal target, which has no source
 * @param status how well it is backed; {@link LegalSourceStatus#INTERNAL} for the shop's own target
 */
public record LegalSource(String ruleId, String title, String url, LegalSourceStatus status) {

    /** Requires every part and a non-blank rule id. */
    public LegalSource {
        Objects.requireNonNull(ruleId, "rule id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(status, "status");
        if (ruleId.isBlank()) {
            throw new IllegalArgumentException("a source needs a rule id");
        }
    }
}

package dev.aihq.api.result;

import java.util.Objects;

/**
 * The legal agent's result in the seed's shape: {@code {analysis, risk_level, document,
 * recommendation}}. Later versions add fields; these four never change.
 *
 * @param analysis the analysis of the situation
 * @param riskLevel the risk, decided by code
 * @param document the ready text of the objection or reply
 * @param recommendation what to do next
 */
public record LegalAssessment(String analysis, RiskLevel riskLevel, String document, String recommendation) {

    /** Requires every part. */
    public LegalAssessment {
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(riskLevel, "risk level");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(recommendation, "recommendation");
    }
}

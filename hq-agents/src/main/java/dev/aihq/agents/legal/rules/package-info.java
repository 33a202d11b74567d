/**
 * The legal agent's rule layer: everything about a legal event that must not come from a model is decided here by
 * code from versioned rule data. {@link dev.aihq.agents.legal.rules.LegalRules#conclude(RuleRequest)} turns an
 * event, its shop and the shop's earlier measures into a {@link dev.aihq.agents.legal.rules.RuleConclusion}: whether
 * contesting is possible in principle, the minimum risk level, the deadline with whether an official source sets it,
 * the rules applied with their status and source, the document template, notes and the "must not" constraints the
 * guard enforces on the generated document.
 *
 * <p>The rules live in {@code legal-rules.json} next to these classes, each with its id, status (official,
 * secondary, unconfirmed or internal), source URL and periods; {@link dev.aihq.agents.legal.rules.LegalRuleBook}
 * reads and validates it. No legal period is written in the Java code.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.agents.legal.rules;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;

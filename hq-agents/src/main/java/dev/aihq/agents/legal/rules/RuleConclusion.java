package dev.aihq.agents.legal.rules;

import dev.aihq.api.legal.LegalSourceStatus;
import dev.aihq.api.result.CanContest;
import dev.aihq.api.result.RiskLevel;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * What the rule layer decided about a legal event. The model may explain it but never override it.
 *
 * <p>A deadline is the last moment in the shop's zone: a deadline given as a day is the end of that day
 * ({@code 23:59:59.999999999}); an hour-based one is the exact moment. {@code deadlineOfficial} is {@code true}
 * only when an official-source rule sets the period. A secondary-source deadline has it {@code false} and
 * {@link #deadlineStatus()} {@link LegalSourceStatus#SECONDARY}; the shop's internal target has it {@code false} and
 * {@link LegalSourceStatus#INTERNAL}, and a note says it is an internal target, not a rule («Внутренний ориентир
 * магазина … это не правило»).
 *
 * @param supported {@code false} when no rule covers the event's type, marketplace and jurisdiction; then the
 *     conclusion decides nothing and {@link #notes()} says why
 * @param jurisdiction {@code KZ} or {@code RU}, or {@code null} when it could not be derived
 * @param canContest whether contesting is possible in principle
 * @param riskFloor the minimum risk level, or {@code null} only when not supported
 * @param deadline the deadline in the shop's zone, or {@code null} when none can be computed
 * @param deadlineOfficial whether an official source sets the deadline
 * @param deadlineStatus the status of the rule or target behind the deadline, or {@code null} without one
 * @param deadlineRuleId the id of the rule or target behind the deadline, or {@code null} without one
 * @param rules the rules applied, with status and source
 * @param context unconfirmed rules given as context only, flagged, never as rules
 * @param templateId the document template (T1–T9), or {@code null} when not supported
 * @param notes what the rule layer noticed, in Russian words for the seller (e.g. «Риск повышен до high: …»,
 *     «Внутренний ориентир магазина — 3 календарных дня; это не правило: …»); rule ids, dates and wire values
 *     ({@code low}, {@code fine}, {@code kaspi}) stay as codes; unconfirmed items start with {@code [UNCONF]}
 * @param mustNot constraints on the generated document, in Russian
 */
public record RuleConclusion(
        boolean supported,
        @Nullable String jurisdiction,
        CanContest canContest,
        @Nullable RiskLevel riskFloor,
        @Nullable ZonedDateTime deadline,
        boolean deadlineOfficial,
        @Nullable LegalSourceStatus deadlineStatus,
        @Nullable String deadlineRuleId,
        List<AppliedRule> rules,
        List<AppliedRule> context,
        @Nullable String templateId,
        List<String> notes,
        List<MustNot> mustNot) {

    /** Keeps the parts consistent and copies the lists. */
    public RuleConclusion {
        Objects.requireNonNull(canContest, "can contest");
        rules = List.copyOf(rules);
        context = List.copyOf(context);
        notes = List.copyOf(notes);
        mustNot = List.copyOf(mustNot);
        if (supported && riskFloor == null) {
            throw new IllegalArgumentException("a supported conclusion needs a risk floor");
        }
        if (deadlineOfficial && deadlineStatus != LegalSourceStatus.OFFICIAL) {
            throw new IllegalArgumentException("only an official-source rule sets an official deadline");
        }
        if ((deadline == null) != (deadlineStatus == null) || (deadline == null) != (deadlineRuleId == null)) {
            throw new IllegalArgumentException("a deadline needs its status and rule id, and only a deadline has them");
        }
        if (deadlineStatus == LegalSourceStatus.UNCONFIRMED) {
            throw new IllegalArgumentException("an unconfirmed rule never sets a deadline");
        }
        for (AppliedRule c : context) {
            if (c.status() != LegalSourceStatus.UNCONFIRMED) {
                throw new IllegalArgumentException("context holds unconfirmed rules only, got " + c.id());
            }
        }
    }

    /**
     * Returns the ids of the rules applied.
     *
     * @return the ids, in order
     */
    public List<String> ruleIds() {
        return rules.stream().map(AppliedRule::id).toList();
    }
}

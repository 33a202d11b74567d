package dev.aihq.agents.finance.tax;

import dev.aihq.api.Money;
import java.util.Objects;

/**
 * One part of an assessment the law names separately: the IPN and social-tax halves of a 2025 form-910 tax, the
 * tax before and the reduction by contributions under УСН "доходы", the minimum tax and its carry-forward.
 *
 * @param name what the part is, e.g. {@code ИПН} or {@code уменьшение на страховые взносы}
 * @param amount the amount (negative for a reduction)
 * @param payable whether the amount is paid to the budget as it stands; {@code false} for intermediate figures
 * @param ruleId the rule that defines it
 * @param explanation how it was computed, in words and figures
 */
public record TaxComponent(String name, Money amount, boolean payable, String ruleId, String explanation) {

    /** Requires every part. */
    public TaxComponent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(ruleId, "rule id");
        Objects.requireNonNull(explanation, "explanation");
    }
}

package dev.aihq.agents.finance.tax;

import dev.aihq.api.Money;
import java.math.BigDecimal;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Where the taxpayer stands with VAT for the period: exempt, obliged (with the rate that applies), or barred from
 * registering.
 *
 * @param status the standing
 * @param ratePercent the VAT rate that applies or would apply, in percent
 * @param threshold the threshold that decides it, or {@code null} when none applies to the regime
 * @param amount the VAT inside the period's income when VAT applies to the whole period and the amount can be
 *     computed (Russian УСН special rates); {@code null} otherwise
 * @param ruleId the rule that decides it
 * @param source its legal source
 * @param explanation the standing in words
 */
public record VatObligation(
        Status status,
        BigDecimal ratePercent,
        @Nullable Money threshold,
        @Nullable Money amount,
        String ruleId,
        String source,
        String explanation) {

    /** Requires the status, rate, rule, source and explanation. */
    public VatObligation {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(ratePercent, "rate");
        Objects.requireNonNull(ruleId, "rule id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(explanation, "explanation");
    }

    /** The taxpayer's VAT standing. */
    public enum Status {
        /** Below the threshold: not a VAT payer. */
        EXEMPT,
        /** VAT applies to the whole period. */
        OBLIGED,
        /** The threshold was crossed within the period: VAT applies from a date inside or after it. */
        OBLIGED_FROM_CROSSING,
        /** The regime's payers cannot register for VAT (Kazakhstan's form 910). */
        NOT_ALLOWED
    }
}

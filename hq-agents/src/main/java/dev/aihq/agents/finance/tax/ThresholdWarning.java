package dev.aihq.agents.finance.tax;

import dev.aihq.api.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The running income reached a configurable share of a threshold that applies to the regime, or crossed it.
 *
 * @param kind regime ceiling or VAT registration
 * @param threshold the threshold for the tax year (or half-year)
 * @param runningIncome the income compared with it
 * @param percentReached the running income as a percent of the threshold, cut (not rounded) to two decimals so 79.999 % never shows as 80 %
 * @param crossed whether the running income is above the threshold
 * @param ruleId the rule that sets the threshold
 * @param source its legal source
 * @param consequence what happens at the threshold, and who may not register for VAT where the law says so
 */
public record ThresholdWarning(
        ThresholdKind kind,
        Money threshold,
        Money runningIncome,
        BigDecimal percentReached,
        boolean crossed,
        String ruleId,
        String source,
        String consequence) {

    /** Requires every part. */
    public ThresholdWarning {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(runningIncome, "running income");
        Objects.requireNonNull(percentReached, "percent reached");
        Objects.requireNonNull(ruleId, "rule id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(consequence, "consequence");
    }
}

package dev.aihq.agents.finance.tax;

import dev.aihq.api.Money;
import dev.aihq.api.event.ReportingPeriod;
import dev.aihq.api.shop.TaxMode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * The engine's answer: every figure computed by code from the rule data. A model may explain it, never change it.
 *
 * @param country {@code KZ} or {@code RU}
 * @param mode the regime the shop is on
 * @param regime the code of the computation used, e.g. {@code KZ_SIMPLIFIED_910}, {@code KZ_GENERAL_TOO_CIT},
 *     {@code RU_USN_INCOME_MINUS_EXPENSES}
 * @param taxYear the tax year whose rules were used
 * @param requestedPeriod the period asked for
 * @param ratePercent the rate applied, in percent (for a progressive scale, the lower rate)
 * @param base the tax base of the requested period
 * @param taxDue the tax for the requested period, rounded once at the end per the country's rule
 * @param taxPeriod the real tax period the requested period belongs to (half-year for form 910, calendar year for
 *     УСН and the general regimes, month for НПД)
 * @param estimate whether the figure is an accrual estimate for a part of the tax period
 * @param estimateLabel the label of an estimate, e.g. {@code accrual estimate for 2026-03, part of tax period
 *     2026-H1}; {@code null} when the period is the whole tax period
 * @param ruleId the rule of the rate applied
 * @param source the legal source of that rule
 * @param dueDates the next deadlines: declaration and payment of the tax period, or the advance payment covering
 *     the requested period
 * @param components the parts the law splits the tax into, and the steps of the computation
 * @param assumptions every unconfirmed rule used, alias readings and defaults the engine took, in words
 * @param warnings thresholds reached or crossed
 * @param vat the VAT standing, or {@code null} when the regime has none to report
 * @param notes confirmed facts worth telling the seller (costs not deductible under the regime, who may not
 *     register for VAT)
 */
public record TaxAssessment(
        String country,
        TaxMode mode,
        String regime,
        int taxYear,
        ReportingPeriod requestedPeriod,
        BigDecimal ratePercent,
        Money base,
        Money taxDue,
        ReportingPeriod taxPeriod,
        boolean estimate,
        @Nullable String estimateLabel,
        String ruleId,
        String source,
        List<DueDate> dueDates,
        List<TaxComponent> components,
        List<String> assumptions,
        List<ThresholdWarning> warnings,
        @Nullable VatObligation vat,
        List<String> notes) {

    /** Copies the lists and requires the label exactly when the figure is an estimate. */
    public TaxAssessment {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(regime, "regime");
        Objects.requireNonNull(requestedPeriod, "requested period");
        Objects.requireNonNull(ratePercent, "rate");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(taxDue, "tax due");
        Objects.requireNonNull(taxPeriod, "tax period");
        Objects.requireNonNull(ruleId, "rule id");
        Objects.requireNonNull(source, "source");
        if (estimate != (estimateLabel != null)) {
            throw new IllegalArgumentException("an estimate needs its label, and only an estimate has one");
        }
        dueDates = List.copyOf(dueDates);
        components = List.copyOf(components);
        assumptions = List.copyOf(assumptions);
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
    }

    /**
     * Returns the component with a name.
     *
     * @param name the name, e.g. {@code ИПН}
     * @return the component
     * @throws IllegalArgumentException when there is none
     */
    public TaxComponent component(String name) {
        return components.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no component '" + name + "' in " + components));
    }

    /**
     * Returns the first deadline of a kind.
     *
     * @param kind the kind
     * @return the deadline
     * @throws IllegalArgumentException when there is none
     */
    public DueDate due(DueKind kind) {
        return dueDates.stream().filter(d -> d.kind() == kind).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + kind + " deadline in " + dueDates));
    }
}

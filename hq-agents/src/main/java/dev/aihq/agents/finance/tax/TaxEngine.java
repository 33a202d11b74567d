package dev.aihq.agents.finance.tax;

import dev.aihq.agents.calendar.BusinessCalendars;
import dev.aihq.api.Money;
import dev.aihq.api.calendar.BusinessCalendar;
import dev.aihq.api.event.ReportingPeriod;
import dev.aihq.api.shop.LegalForm;
import dev.aihq.api.shop.TaxMode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.Nullable;

/**
 * Computes taxes strictly by the rule data: Kazakhstan's simplified declaration (form 910), general regime (IPN of
 * an ИП, CIT of a ТОО) and VAT standing; Russia's УСН "доходы" (reduced by contributions), УСН "доходы минус
 * расходы" (with the annual 1 % minimum), НПД and the VAT standing of УСН payers.
 *
 * <p>The rules of the tax year the requested period falls in are used, so a 2025 period gets 2025 rules and a 2026
 * period 2026 rules. Income is the gross amount buyers paid; costs are deducted only where the regime allows.
 * Amounts stay exact until the final tax amounts, which are rounded by the country's rule. A period shorter than
 * the tax period (a month of a half-year or year) gets a labelled accrual estimate with the real tax period and its
 * next due dates, moved off days off by the country's {@link BusinessCalendar}. Regimes the rule data cannot
 * support are refused with {@link TaxRefusedException}, never guessed.
 *
 * <p>Immutable and thread-safe.
 */
public final class TaxEngine {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Map<String, TaxRuleSet> rules;
    private final Map<String, BusinessCalendar> calendars;

    private TaxEngine(Collection<TaxRuleSet> rules, Map<String, BusinessCalendar> calendars) {
        Map<String, TaxRuleSet> byKey = new HashMap<>();
        for (TaxRuleSet set : rules) {
            if (byKey.putIfAbsent(key(set.country(), set.taxYear()), set) != null) {
                throw new IllegalArgumentException("two rule sets for " + set.country() + " " + set.taxYear());
            }
        }
        this.rules = Map.copyOf(byKey);
        this.calendars = Map.copyOf(calendars);
    }

    /**
     * Creates the engine on the shipped rule data and the shipped calendars.
     *
     * @return the engine
     */
    public static TaxEngine shipped() {
        return shipped(BusinessCalendars.allShipped());
    }

    /**
     * Creates the engine on the shipped rule data and the given calendars.
     *
     * @param calendars calendars by country code, for due dates
     * @return the engine
     */
    public static TaxEngine shipped(Map<String, BusinessCalendar> calendars) {
        return of(TaxRules.shipped(), calendars);
    }

    /**
     * Creates the engine on given rule data and calendars.
     *
     * @param rules one rule set per (country, tax year)
     * @param calendars calendars by country code
     * @return the engine
     * @throws IllegalArgumentException when two rule sets share a country and year
     */
    public static TaxEngine of(Collection<TaxRuleSet> rules, Map<String, BusinessCalendar> calendars) {
        return new TaxEngine(rules, calendars);
    }

    /**
     * Assesses the tax of a request.
     *
     * @param request what to assess
     * @return the assessment
     * @throws TaxRefusedException when the regime is not supported, abolished for the year, not of the country or
     *     not open to the legal form, the local rate is outside the legal band, or there is no rule data for the
     *     year
     */
    public TaxAssessment assess(TaxRequest request) {
        Objects.requireNonNull(request, "request");
        String country = request.country();
        TaxMode mode = request.mode();
        if (!mode.name().startsWith(country + "_")) {
            throw new TaxRefusedException("tax mode " + mode + " is not a regime of " + country);
        }
        int year = request.period().start().getYear();
        TaxRuleSet set = rules.get(key(country, year));
        if (set == null) {
            throw new TaxRefusedException("no tax rules for " + country + " " + year + "; rules exist for "
                    + new TreeSet<>(rules.keySet()));
        }
        if (!set.currency().equals(request.income().currency())) {
            throw new TaxRefusedException(country + " taxes are computed in " + set.currency() + ", the request is in "
                    + request.income().currency());
        }
        Work work = new Work(request, set);
        if (request.modeAssumption() != null) {
            work.assumptions.add(request.modeAssumption());
        }
        return switch (mode) {
            case KZ_SIMPLIFIED_DECLARATION -> kzSimplified(work);
            case KZ_GENERAL -> request.legalForm() == LegalForm.TOO ? kzGeneralToo(work) : kzGeneralIp(work);
            case KZ_RETAIL_TAX -> throw new TaxRefusedException(year >= 2026
                    ? "KZ_RETAIL_TAX was abolished from 1 January 2026; only the self-employed, simplified-declaration "
                            + "and peasant-farm special regimes remain"
                    : "not supported yet: KZ retail tax (4 % or 8 % by the buyer's VAT status, and its 2025 income "
                            + "ceiling is unconfirmed)");
            case RU_USN_INCOME -> ruUsnIncome(work);
            case RU_USN_INCOME_MINUS_EXPENSES -> ruUsnIncomeMinusExpenses(work);
            case RU_NPD -> ruNpd(work);
            case RU_GENERAL -> throw new TaxRefusedException("not supported yet: RU general system (ОСНО): the rule "
                    + "data has no profit tax, НДФЛ or VAT-deduction rules for it");
        };
    }

    // ---- Kazakhstan -------------------------------------------------------------------------------------------

    private TaxAssessment kzSimplified(Work w) {
        requireForms(w, LegalForm.IP, LegalForm.TOO);
        TaxRequest r = w.request;
        ReportingPeriod taxPeriod = halfYear(r.period());
        w.use("income.gross");
        Rate rate = localizable(w, "simplified.rate_percent", "simplified.local_rate_min_percent",
                "simplified.local_rate_max_percent", "simplified.local_rate",
                "no maslikhat rate was given for the taxpayer's location, so the base rate is used; maslikhats may set "
                        + "it from half to one and a half times the base by location and activity (most set 2–3 %)");
        Money base = r.income();
        if (!r.expenses().isEmpty()) {
            w.notes.add("costs (" + r.totalExpenses() + ") do not reduce the form-910 tax: it is a share of gross income");
        }
        Money tax = base.times(rate.percent.divide(HUNDRED));
        String incomeTaxName = r.legalForm() == LegalForm.TOO ? "КПН" : "ИПН";
        BigDecimal ipnShare = w.number("simplified.ipn_share");
        Optional<TaxRule> socialShare = w.set.find("simplified.social_tax_share");
        Money due;
        if (socialShare.isPresent()) {
            TaxRule split = w.use("simplified.social_tax_share");
            Money incomeTax = w.round(tax.times(ipnShare));
            Money socialHalf = tax.times(split.decimal());
            Money contributions = r.contributions();
            if (contributions == null) {
                w.assumptions.add("no social contributions (СО) were given, so the social-tax half is not reduced");
                contributions = w.zero();
            }
            Money reduction = min(contributions, socialHalf);
            Money socialTax = w.round(socialHalf.minus(reduction));
            w.components.add(new TaxComponent(incomeTaxName, incomeTax, true, split.ruleId(),
                    tax + " × " + ipnShare.toPlainString()));
            w.components.add(new TaxComponent("социальный налог до уменьшения на СО", socialHalf, false, split.ruleId(),
                    tax + " × " + split.decimal().toPlainString()));
            w.components.add(new TaxComponent("уменьшение на СО", zeroMinus(w, reduction), false, split.ruleId(),
                    "social contributions " + contributions + ", at most the social-tax half; the social tax is never "
                            + "negative"));
            w.components.add(new TaxComponent("социальный налог", socialTax, true, split.ruleId(),
                    socialHalf + " − " + reduction));
            due = incomeTax.plus(socialTax);
        } else {
            due = w.round(tax.times(ipnShare));
            TaxRule all = w.use("simplified.ipn_share");
            w.components.add(new TaxComponent(incomeTaxName, due, true, all.ruleId(),
                    "the whole form-910 tax is " + incomeTaxName + "; there is no social-tax part"));
            if (r.contributions() != null) {
                w.notes.add("social contributions (СО) do not reduce the form-910 tax from 2026");
            }
        }
        if (r.employees() && w.set.find("simplified.employee_reduction_percent").isPresent()) {
            w.use("simplified.employee_reduction_percent");
        }
        kzSimplifiedCeiling(w, taxPeriod);
        TaxRule vatRule = w.use("simplified.vat_registration");
        w.vat = new VatObligation(VatObligation.Status.NOT_ALLOWED, w.number("vat.rate_percent"), null, null,
                vatRule.ruleId(), vatRule.source(), Objects.requireNonNullElse(vatRule.note(), "not a VAT payer"));
        LocalDate last = taxPeriod.end().minusDays(1);
        w.due(DueKind.DECLARATION, "910.00 for " + taxPeriod, "simplified.declaration_due", last);
        w.due(DueKind.PAYMENT, "form-910 tax for " + taxPeriod, "simplified.payment_due", last);
        return w.assessment("KZ_SIMPLIFIED_910", rate, base, due, taxPeriod);
    }

    private void kzSimplifiedCeiling(Work w, ReportingPeriod taxPeriod) {
        TaxRequest r = w.request;
        Optional<TaxRule> perYear = w.set.find("simplified.ceiling_mrp_per_year");
        if (perYear.isPresent()) {
            TaxRule rule = w.use("simplified.ceiling_mrp_per_year");
            Money ceiling = w.mrp(rule.decimal());
            String consequence = "the form-910 income ceiling for the year; above it the taxpayer must leave the regime";
            if (r.yearToDateIncome().compareTo(ceiling) > 0) {
                TaxRule exceeded = w.use("simplified.ceiling_exceeded");
                consequence += " (" + exceeded.note() + ")";
            }
            w.threshold(ThresholdKind.REGIME_CEILING, ceiling, r.yearToDateIncome(), rule, consequence);
            return;
        }
        TaxRule rule = w.use("simplified.ceiling_mrp_per_half_year");
        Money ceiling = w.mrp(rule.decimal());
        Money running = r.yearToDateIncome();
        if (taxPeriod.start().getMonthValue() > 6) {
            if (r.firstHalfYearIncome() != null) {
                running = running.minus(r.firstHalfYearIncome());
            } else {
                w.assumptions.add("the first half-year's income was not given, so the whole year-to-date income is "
                        + "compared with the half-year ceiling (a warning may come early, never late)");
            }
        }
        w.threshold(ThresholdKind.REGIME_CEILING, ceiling, running, rule,
                "the form-910 income ceiling for the half-year; above it the taxpayer must leave the regime");
    }

    private TaxAssessment kzGeneralIp(Work w) {
        requireForms(w, LegalForm.IP);
        TaxRequest r = w.request;
        ReportingPeriod taxPeriod = year(r.period());
        Money base = deductibleBase(w, "КПН/ИПН");
        TaxRule lower = w.use("general_ip.rate_percent");
        Money tax;
        if (w.set.find("general_ip.bracket_mrp").isPresent()) {
            TaxRule bracketRule = w.use("general_ip.bracket_mrp");
            Money bracket = w.mrp(bracketRule.decimal());
            BigDecimal upper = w.number("general_ip.upper_rate_percent");
            Money lowerPart = min(base, bracket);
            Money upperPart = base.compareTo(bracket) > 0 ? base.minus(bracket) : w.zero();
            Money lowerTax = lowerPart.times(lower.decimal().divide(HUNDRED));
            Money upperTax = upperPart.times(upper.divide(HUNDRED));
            w.components.add(new TaxComponent("ИПН по ставке " + lower.decimal().toPlainString() + " %", lowerTax, false,
                    bracketRule.ruleId(), lowerPart + " (up to " + bracket + ") × " + lower.decimal().toPlainString() + " %"));
            w.components.add(new TaxComponent("ИПН по ставке " + upper.toPlainString() + " %", upperTax, false,
                    bracketRule.ruleId(), upperPart + " (above " + bracket + ") × " + upper.toPlainString() + " %"));
            tax = lowerTax.plus(upperTax);
            if (!sameSpan(r.period(), taxPeriod)) {
                w.assumptions.add("the progressive bracket (" + bracket + " a year) is applied to this period's base "
                        + "alone; the annual scale applies to the year's taxable income");
            }
        } else {
            tax = base.times(lower.decimal().divide(HUNDRED));
        }
        Money due = w.round(tax);
        w.components.add(new TaxComponent("ИПН", due, true, lower.ruleId(), "taxable income " + base));
        w.notes.add("the general regime's declaration and payment deadlines are not in the rule data yet; no due "
                + "dates are given");
        kzVat(w);
        return w.assessment("KZ_GENERAL_IP_IPN", new Rate(lower.decimal(), lower.ruleId(), lower.source()), base, due,
                taxPeriod);
    }

    private TaxAssessment kzGeneralToo(Work w) {
        requireForms(w, LegalForm.TOO);
        TaxRequest r = w.request;
        ReportingPeriod taxPeriod = year(r.period());
        Money base = deductibleBase(w, "КПН");
        TaxRule rate = w.use("general_too.cit_rate_percent");
        Money due = w.round(base.times(rate.decimal().divide(HUNDRED)));
        w.components.add(new TaxComponent("КПН", due, true, rate.ruleId(),
                "taxable income " + base + " × " + rate.decimal().toPlainString() + " %"));
        w.notes.add("the general regime's declaration and payment deadlines are not in the rule data yet; no due "
                + "dates are given");
        kzVat(w);
        return w.assessment("KZ_GENERAL_TOO_CIT", new Rate(rate.decimal(), rate.ruleId(), rate.source()), base, due,
                taxPeriod);
    }

    private Money deductibleBase(Work w, String taxName) {
        TaxRequest r = w.request;
        Money expenses = r.totalExpenses();
        if (!r.expenses().isEmpty() && w.set.find("general.supplier_deductibility").isPresent()) {
            TaxRule art286 = w.use("general.supplier_deductibility");
            w.assumptions.add("[" + art286.ruleId() + "] " + art286.note() + " (source: " + art286.source() + ")");
        }
        Money base = r.income().minus(expenses);
        if (base.isNegative()) {
            w.notes.add("costs exceed income: a loss of " + zeroMinus(w, base) + ", no " + taxName + " for the period");
            return w.zero();
        }
        return base;
    }

    private void kzVat(Work w) {
        TaxRequest r = w.request;
        TaxRule thresholdRule = w.use("vat.registration_threshold_mrp");
        Money threshold = w.mrp(thresholdRule.decimal());
        BigDecimal rate = w.number("vat.rate_percent");
        Money running = r.yearToDateIncome();
        String deadline = w.set.find("vat.registration_working_days")
                .map(d -> "; register within " + d.decimal().toPlainString() + " working days of exceeding it, and "
                        + "turnover before registration is still taxable")
                .orElse("");
        String barred = w.set.find("simplified.vat_registration").filter(t -> t.status() == RuleStatus.CONFIRMED)
                .map(t -> "; " + t.note()).orElse("");
        String consequence = "mandatory VAT registration above the threshold" + deadline + barred;
        w.threshold(ThresholdKind.VAT_REGISTRATION, threshold, running, thresholdRule, consequence);
        boolean crossed = running.compareTo(threshold) > 0;
        w.vat = new VatObligation(crossed ? VatObligation.Status.OBLIGED_FROM_CROSSING : VatObligation.Status.EXEMPT,
                rate, threshold, null, thresholdRule.ruleId(), thresholdRule.source(),
                crossed ? "the year's income " + running + " is above the VAT registration threshold " + threshold
                        + ": registration is mandatory and VAT at " + rate.toPlainString() + " % applies" + deadline
                        : "the year's income " + running + " is within the VAT registration threshold " + threshold
                                + ": no mandatory registration");
    }

    // ---- Russia ----------------------------------------------------------------------------------------------

    private TaxAssessment ruUsnIncome(Work w) {
        requireForms(w, LegalForm.IP, LegalForm.OOO);
        TaxRequest r = w.request;
        ReportingPeriod taxPeriod = year(r.period());
        boolean wholeYear = sameSpan(r.period(), taxPeriod);
        w.use("income.gross");
        w.use("income.recognition_date");
        Rate rate = localizable(w, "usn_income.rate_percent", "usn_income.local_rate_min_percent",
                "usn_income.local_rate_max_percent", null, null);
        Money base = r.income();
        if (!r.expenses().isEmpty()) {
            w.notes.add("costs (" + r.totalExpenses() + ", the marketplace commission included) do not reduce the "
                    + "УСН «доходы» tax");
        }
        Money before = base.times(rate.percent.divide(HUNDRED));
        Money contributions = r.contributions();
        if (contributions == null && r.legalForm() == LegalForm.IP && wholeYear) {
            contributions = ipContributions(w, r.yearToDateIncome());
            w.assumptions.add("contributions were not given, so the ИП's own contributions for the year by formula ("
                    + contributions + ") are taken as paid");
        } else if (contributions == null) {
            w.assumptions.add("no contributions were given, so the tax is not reduced by them");
            contributions = w.zero();
        } else if (!wholeYear) {
            w.use("usn_income.reduction_before_payment");
        }
        boolean halfLimit = r.employees() || r.legalForm() != LegalForm.IP;
        TaxRule shareRule = w.use(halfLimit ? "usn_income.reduction_share_with_employees"
                : "usn_income.reduction_share_without_employees");
        Money limit = before.times(shareRule.decimal());
        Money reduction = min(contributions, limit);
        Money due = w.round(before.minus(reduction));
        w.components.add(new TaxComponent("налог до уменьшения", before, false, rate.ruleId,
                base + " × " + rate.percent.toPlainString() + " %"));
        w.components.add(new TaxComponent("уменьшение на страховые взносы", zeroMinus(w, reduction), false,
                shareRule.ruleId(), "contributions " + contributions + ", at most "
                        + shareRule.decimal().multiply(HUNDRED).stripTrailingZeros().toPlainString() + " % of the tax ("
                        + (halfLimit ? "with employees or an organisation" : "an ИП without employees") + ")"));
        w.components.add(new TaxComponent("налог УСН", due, true, rate.ruleId, before + " − " + reduction));
        usnCommon(w, taxPeriod, wholeYear);
        return w.assessment("RU_USN_INCOME", rate, base, due, taxPeriod);
    }

    private TaxAssessment ruUsnIncomeMinusExpenses(Work w) {
        requireForms(w, LegalForm.IP, LegalForm.OOO);
        TaxRequest r = w.request;
        ReportingPeriod taxPeriod = year(r.period());
        boolean wholeYear = sameSpan(r.period(), taxPeriod);
        w.use("income.gross");
        w.use("income.recognition_date");
        Rate rate = localizable(w, "usn_income_minus_expenses.rate_percent",
                "usn_income_minus_expenses.local_rate_min_percent", "usn_income_minus_expenses.local_rate_max_percent",
                null, null);
        Money costs = r.totalExpenses();
        if (r.contributions() != null) {
            costs = costs.plus(r.contributions());
        }
        Money base = r.income().minus(costs);
        if (base.isNegative()) {
            w.notes.add("costs exceed income: a loss of " + zeroMinus(w, base) + " for the period");
            base = w.zero();
        }
        Money normal = base.times(rate.percent.divide(HUNDRED));
        w.components.add(new TaxComponent("налог по ставке", normal, !wholeYear, rate.ruleId,
                r.income() + " − " + costs + " = " + base + " × " + rate.percent.toPlainString() + " %"));
        Money due;
        if (wholeYear) {
            TaxRule minimumRule = w.use("usn_income_minus_expenses.minimum_tax_percent");
            Money minimum = r.income().times(minimumRule.decimal().divide(HUNDRED));
            boolean minimumApplies = normal.compareTo(minimum) < 0;
            w.components.add(new TaxComponent("минимальный налог", minimum, minimumApplies, minimumRule.ruleId(),
                    r.income() + " × " + minimumRule.decimal().toPlainString() + " % of the year's income"));
            if (minimumApplies) {
                due = w.round(minimum);
                w.components.add(new TaxComponent("разница, включаемая в расходы будущих лет", minimum.minus(normal),
                        false, minimumRule.ruleId(), "minimum tax " + minimum + " − tax at the rate " + normal));
            } else {
                due = w.round(normal);
            }
        } else {
            due = w.round(normal);
            w.notes.add("the 1 % minimum tax is compared only for the full year; this period's figure does not "
                    + "include it");
        }
        usnCommon(w, taxPeriod, wholeYear);
        return w.assessment("RU_USN_INCOME_MINUS_EXPENSES", rate, base, due, taxPeriod);
    }

    private void usnCommon(Work w, ReportingPeriod taxPeriod, boolean wholeYear) {
        TaxRequest r = w.request;
        TaxRule limit = w.use("usn.income_limit_rub");
        w.threshold(ThresholdKind.REGIME_CEILING, w.money(limit.decimal()), r.yearToDateIncome(), limit,
                "the УСН income limit for the year; above it the taxpayer loses УСН from the start of the quarter "
                        + "in which it was exceeded");
        ruUsnVat(w);
        boolean ip = r.legalForm() == LegalForm.IP;
        LocalDate yearEnd = taxPeriod.end().minusDays(1);
        LocalDate periodEnd = r.period().end().minusDays(1);
        if (!wholeYear && periodEnd.getMonthValue() < 12) {
            int quarter = (periodEnd.getMonthValue() - 1) / 3 + 1;
            LocalDate quarterEnd = LocalDate.of(periodEnd.getYear(), quarter * 3, 1).plusMonths(1).minusDays(1);
            String reporting = switch (quarter) {
                case 1 -> "Q1";
                case 2 -> "H1";
                default -> "9M";
            };
            w.due(DueKind.ADVANCE_PAYMENT, "УСН advance for " + periodEnd.getYear() + "-" + reporting,
                    "usn.advance_payment_due", quarterEnd);
        }
        w.due(DueKind.DECLARATION, "УСН declaration for " + taxPeriod,
                ip ? "usn.declaration_due_ip" : "usn.declaration_due_organisation", yearEnd);
        w.due(DueKind.PAYMENT, "УСН tax for " + taxPeriod,
                ip ? "usn.annual_payment_due_ip" : "usn.annual_payment_due_organisation", yearEnd);
    }

    private void ruUsnVat(Work w) {
        TaxRequest r = w.request;
        TaxRule exemption = w.use("usn_vat.exemption_threshold_rub");
        Money threshold = w.money(exemption.decimal());
        Money running = r.yearToDateIncome();
        Money beforePeriod = running.minus(r.income());
        Money previous = r.previousYearIncome();
        Money decisive = previous != null && previous.compareTo(running) > 0 ? previous : running;
        BigDecimal rate = ruVatRate(w, decisive);
        String rateText = rate.toPlainString() + " %";
        w.threshold(ThresholdKind.VAT_REGISTRATION, threshold, running, exemption,
                "an УСН payer's VAT exemption ends above the threshold; VAT is then due from the 1st day of the month "
                        + "after the month it was exceeded, at 5 % or 7 % without input-VAT deduction, or at the "
                        + "general rate with deductions");
        VatObligation.Status status;
        String explanation;
        if (previous != null && previous.compareTo(threshold) > 0 || beforePeriod.compareTo(threshold) > 0) {
            status = VatObligation.Status.OBLIGED;
            explanation = "income above the exemption threshold " + threshold + " before this period: VAT at "
                    + rateText + " (special rate, no input-VAT deduction) applies to its sales; VAT charged is not "
                    + "УСН income";
        } else if (running.compareTo(threshold) > 0) {
            status = VatObligation.Status.OBLIGED_FROM_CROSSING;
            explanation = "the year's income " + running + " crossed the exemption threshold " + threshold
                    + " in this period: VAT at " + rateText + " is due from the 1st day of the month after the month "
                    + "it was crossed";
        } else {
            status = VatObligation.Status.EXEMPT;
            explanation = "income within the exemption threshold " + threshold + ": exempt from VAT";
            if (previous == null) {
                w.assumptions.add("last year's income was not given; it is taken as within the VAT exemption "
                        + "threshold " + threshold);
            }
        }
        w.vat = new VatObligation(status, rate, threshold, null, exemption.ruleId(), exemption.source(), explanation);
    }

    private BigDecimal ruVatRate(Work w, Money income) {
        if (income.compareTo(w.money(w.number("usn_vat.reduced_rate_limit_rub"))) <= 0) {
            return w.number("usn_vat.reduced_rate_percent");
        }
        if (income.compareTo(w.money(w.number("usn_vat.increased_rate_limit_rub"))) <= 0) {
            return w.number("usn_vat.increased_rate_percent");
        }
        return w.number("vat.general_rate_percent");
    }

    private Money ipContributions(Work w, Money yearIncome) {
        BigDecimal fixed = w.number("ip_contributions.fixed_rub");
        BigDecimal percent = w.number("ip_contributions.additional_percent");
        BigDecimal over = w.number("ip_contributions.additional_threshold_rub");
        BigDecimal cap = w.number("ip_contributions.additional_cap_rub");
        BigDecimal excess = yearIncome.amount().subtract(over).max(BigDecimal.ZERO);
        BigDecimal additional = excess.multiply(percent).divide(HUNDRED).min(cap);
        Money total = w.money(fixed.add(additional));
        w.components.add(new TaxComponent("страховые взносы ИП за себя", total, false,
                w.set.rule("ip_contributions.fixed_rub").ruleId(), fixed.toPlainString() + " + " + percent.toPlainString()
                        + " % × (" + yearIncome.amount().toPlainString() + " − " + over.toPlainString() + "), the 1 % "
                        + "part capped at " + cap.toPlainString()));
        return total;
    }

    private TaxAssessment ruNpd(Work w) {
        requireForms(w, LegalForm.IP);
        TaxRequest r = w.request;
        ReportingPeriod month = r.period();
        if (!month.start().plusMonths(1).equals(month.end()) || month.start().getDayOfMonth() != 1) {
            throw new TaxRefusedException("НПД's tax period is a calendar month; ask for one month, not " + month);
        }
        w.use("npd.bonus_deduction");
        w.notes.add("НПД cannot be used for reselling bought-in goods: only goods of one's own making, excluding "
                + "excisable and mandatory-marked goods");
        TaxRule individualsRule = w.use("npd.rate_individuals_percent");
        BigDecimal businessesRate = w.number("npd.rate_businesses_percent");
        Money fromBusinesses = r.incomeFromBusinesses();
        Money fromIndividuals = r.income().minus(fromBusinesses);
        Money individualsTax = fromIndividuals.times(individualsRule.decimal().divide(HUNDRED));
        Money businessesTax = fromBusinesses.times(businessesRate.divide(HUNDRED));
        w.components.add(new TaxComponent("НПД с доходов от физических лиц", individualsTax, false,
                individualsRule.ruleId(), fromIndividuals + " × " + individualsRule.decimal().toPlainString() + " %"));
        w.components.add(new TaxComponent("НПД с доходов от организаций и ИП", businessesTax, false,
                individualsRule.ruleId(), fromBusinesses + " × " + businessesRate.toPlainString() + " %"));
        Money due = w.round(individualsTax.plus(businessesTax));
        w.components.add(new TaxComponent("НПД", due, true, individualsRule.ruleId(), individualsTax + " + " + businessesTax));
        TaxRule limit = w.use("npd.annual_limit_rub");
        w.threshold(ThresholdKind.REGIME_CEILING, w.money(limit.decimal()), r.yearToDateIncome(), limit,
                "the НПД income limit for the year; above it НПД can no longer be used");
        w.due(DueKind.PAYMENT, "НПД for " + month, "npd.payment_due", month.end().minusDays(1));
        return w.assessment("RU_NPD", new Rate(individualsRule.decimal(), individualsRule.ruleId(),
                individualsRule.source()), r.income(), due, month);
    }

    // ---- shared ---------------------------------------------------------------------------------------------

    private static Rate localizable(Work w, String baseKey, String minKey, String maxKey, @Nullable String noBandKey,
            @Nullable String missingLocalAssumption) {
        TaxRule baseRule = w.use(baseKey);
        LocalRate local = w.request.localRate();
        Optional<TaxRule> min = w.set.find(minKey);
        if (local == null) {
            if (min.isPresent() && missingLocalAssumption != null) {
                w.assumptions.add(missingLocalAssumption + " (" + baseRule.decimal().toPlainString() + " %)");
            }
            return new Rate(baseRule.decimal(), baseRule.ruleId(), baseRule.source());
        }
        if (min.isPresent()) {
            BigDecimal low = w.number(minKey);
            BigDecimal high = w.number(maxKey);
            if (local.percent().compareTo(low) < 0 || local.percent().compareTo(high) > 0) {
                throw new TaxRefusedException("local rate " + local.percent().toPlainString() + " % is outside the band "
                        + low.toPlainString() + "–" + high.toPlainString() + " % the law allows (" + min.get().source()
                        + ")");
            }
            return new Rate(local.percent(), min.get().ruleId(), local.source() + "; band: " + min.get().source());
        }
        if (noBandKey == null) {
            throw new TaxRefusedException("a local rate is not provided for by the " + w.set.country() + " "
                    + w.set.taxYear() + " rule data for " + baseKey);
        }
        TaxRule noBand = w.use(noBandKey);
        return new Rate(local.percent(), noBand.ruleId(), local.source());
    }

    private static void requireForms(Work w, LegalForm... forms) {
        for (LegalForm form : forms) {
            if (w.request.legalForm() == form) {
                return;
            }
        }
        throw new TaxRefusedException(w.request.mode() + " is not open to a " + w.request.legalForm().label());
    }

    private static ReportingPeriod halfYear(ReportingPeriod period) {
        int year = period.start().getYear();
        boolean first = period.start().getMonthValue() <= 6;
        LocalDate start = LocalDate.of(year, first ? 1 : 7, 1);
        ReportingPeriod half = new ReportingPeriod(year + (first ? "-H1" : "-H2"), start, start.plusMonths(6));
        if (period.end().isAfter(half.end())) {
            throw new TaxRefusedException("period " + period + " spans both half-years, and the form-910 tax period is "
                    + "a half-year: ask for " + year + "-H1 or " + year + "-H2 (or a part of one)");
        }
        return half;
    }

    private static ReportingPeriod year(ReportingPeriod period) {
        LocalDate start = LocalDate.of(period.start().getYear(), 1, 1);
        return new ReportingPeriod(String.valueOf(start.getYear()), start, start.plusYears(1));
    }

    private static boolean sameSpan(ReportingPeriod a, ReportingPeriod b) {
        return a.start().equals(b.start()) && a.end().equals(b.end());
    }

    private static Money min(Money a, Money b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Money zeroMinus(Work w, Money amount) {
        return w.zero().minus(amount);
    }

    private static String key(String country, int year) {
        return country + "-" + year;
    }

    /** The rate applied, with the rule and source it comes from. */
    private record Rate(BigDecimal percent, String ruleId, String source) {}

    /** One assessment in progress: the rules used, the assumptions made and the parts found. */
    private final class Work {
        final TaxRequest request;
        final TaxRuleSet set;
        final Set<String> assumptions = new LinkedHashSet<>();
        final List<String> notes = new ArrayList<>();
        final List<TaxComponent> components = new ArrayList<>();
        final List<ThresholdWarning> warnings = new ArrayList<>();
        final List<DueDate> dueDates = new ArrayList<>();
        @Nullable VatObligation vat;

        Work(TaxRequest request, TaxRuleSet set) {
            this.request = request;
            this.set = set;
        }

        /** Takes a rule; an unconfirmed one becomes an assumption of the assessment. */
        TaxRule use(String key) {
            TaxRule rule = set.rule(key);
            if (rule.status() == RuleStatus.UNCONFIRMED) {
                assumptions.add(rule.asAssumption());
            }
            return rule;
        }

        BigDecimal number(String key) {
            return use(key).decimal();
        }

        Money zero() {
            return Money.zero(set.currency());
        }

        Money money(BigDecimal amount) {
            return Money.of(amount, set.currency());
        }

        Money mrp(BigDecimal count) {
            return money(count.multiply(number("mrp_kzt")));
        }

        /** Rounds a final tax amount by the country's rule; the half-way rule is used only when it matters. */
        Money round(Money amount) {
            int scale = use("rounding.scale").decimal().intValueExact();
            BigDecimal exact = amount.amount();
            if (exact.stripTrailingZeros().scale() <= scale) {
                return money(exact.setScale(Math.max(scale, 0), RoundingMode.UNNECESSARY));
            }
            RoundingMode mode = RoundingMode.valueOf(use("rounding.mode").text());
            return money(exact.setScale(scale, mode));
        }

        void threshold(ThresholdKind kind, Money threshold, Money running, TaxRule rule, String consequence) {
            // compared exactly; the percent is rounded only for display
            if (running.amount().compareTo(threshold.amount().multiply(request.warningShare())) < 0) {
                return;
            }
            BigDecimal percent = running.amount().multiply(HUNDRED).divide(threshold.amount(), 2, RoundingMode.DOWN);
            warnings.add(new ThresholdWarning(kind, threshold, running, percent, running.compareTo(threshold) > 0,
                    rule.ruleId(), rule.source(), consequence));
        }

        void due(DueKind kind, String label, String ruleKey, LocalDate periodLastDay) {
            TaxRule rule = use(ruleKey);
            LocalDate statutory = rule.deadline().statutoryDate(periodLastDay);
            BusinessCalendar calendar = calendars.get(set.country());
            LocalDate due = statutory;
            boolean checked = false;
            if (calendar == null) {
                assumptions.add("no business calendar for " + set.country() + ": " + label + " is given as the law "
                        + "writes it (" + statutory + "), not checked for days off");
            } else if (!calendar.covers(statutory)) {
                assumptions.add("the " + set.country() + " calendar covers " + calendar.firstDay() + " to "
                        + calendar.lastDay() + ": " + label + " is given as the law writes it (" + statutory
                        + "), not checked for days off");
            } else {
                try {
                    due = calendar.dueDate(statutory);
                    checked = true;
                } catch (IllegalArgumentException e) {
                    assumptions.add(label + ": the next working day after " + statutory + " is past the calendar's "
                            + "range; the statutory date is given");
                }
                if (checked && due.isAfter(statutory) && calendar.shift().isAssumption()) {
                    assumptions.add(label + " falls on a day off (" + statutory + ") and is moved to " + due
                            + " by assumption: " + calendar.shift().source());
                }
            }
            dueDates.add(new DueDate(kind, label, statutory, due, checked, rule.ruleId(), rule.source()));
        }

        TaxAssessment assessment(String regime, Rate rate, Money base, Money due, ReportingPeriod taxPeriod) {
            boolean estimate = !sameSpan(request.period(), taxPeriod);
            String label = estimate
                    ? "accrual estimate for " + request.period() + ", part of tax period " + taxPeriod
                    : null;
            return new TaxAssessment(set.country(), request.mode(), regime, set.taxYear(), request.period(),
                    rate.percent, base, due, taxPeriod, estimate, label, rate.ruleId, rate.source,
                    dueDates, components, new ArrayList<>(assumptions), warnings, vat, notes);
        }
    }
}

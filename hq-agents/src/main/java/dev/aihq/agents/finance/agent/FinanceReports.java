package dev.aihq.agents.finance.agent;

import dev.aihq.agents.finance.FinanceTexts;
import dev.aihq.agents.finance.LossMaker;
import dev.aihq.agents.finance.PeriodComparison;
import dev.aihq.agents.finance.ProductLine;
import dev.aihq.agents.finance.ProfitAndLoss;
import dev.aihq.agents.finance.ProfitReport;
import dev.aihq.agents.finance.ProfitTotals;
import dev.aihq.agents.finance.narrative.NarrativeCheck;
import dev.aihq.agents.finance.narrative.NarrativeCheck.Metric;
import dev.aihq.agents.finance.tax.DueDate;
import dev.aihq.agents.finance.tax.TaxAssessment;
import dev.aihq.agents.finance.tax.ThresholdWarning;
import dev.aihq.agents.sales.SalesLanguage;
import dev.aihq.api.Money;
import dev.aihq.api.result.FinanceReport;
import dev.aihq.api.result.LossProduct;
import dev.aihq.api.shop.Shop;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * Writes the accountant's report from what code computed: the P&amp;L ({@link ProfitReport}) and the tax
 * ({@link TaxAssessment}) become a {@link FinanceReport} with every amount rounded for presentation only, the
 * rule-based recommendations, and warnings in the shop's language; and the {@link NarrativeCheck} a model's
 * wording of it must pass. Stateless.
 */
public final class FinanceReports {

    private FinanceReports() {}

    /**
     * Drafts the full report.
     *
     * @param shop the shop
     * @param profit the P&amp;L
     * @param tax the tax, or {@code null} when it was refused
     * @param thresholds the threshold warnings to state (all of them for a report; the new ones for a sale)
     * @param dataWarnings whether to add the data warnings too (costs unknown, commission estimated, no
     *     delivery data): yes for a report, no for a sale's update
     * @param previousTax the previous period's tax by its own year's rules, or {@code null}
     * @return the report, narrative {@code rules}
     */
    public static FinanceReport draft(Shop shop, ProfitReport profit, @Nullable TaxAssessment tax,
            List<ThresholdWarning> thresholds, boolean dataWarnings, @Nullable TaxAssessment previousTax) {
        FinanceTexts texts = FinanceTexts.of(SalesLanguage.of(shop));
        ProfitAndLoss current = profit.current();
        ProfitTotals totals = current.totals();
        List<LossProduct> losses = new ArrayList<>();
        for (LossMaker loss : profit.lossMakers()) {
            losses.add(new LossProduct(loss.product(), loss.text(), loss.sku().value(), loss.reason().name(),
                    amount(loss.profit())));
        }
        List<FinanceReport.ProductFigures> products = current.lines().stream()
                .sorted(Comparator.comparing((ProductLine l) -> l.netSales().amount()).reversed()
                        .thenComparing(l -> l.sku().value()))
                .map(l -> new FinanceReport.ProductFigures(l.sku().value(), l.name(), l.unitsSold(),
                        l.unitsReturned().add(l.unitsCancelled()), amount(l.netSales()),
                        l.profit() == null ? null : amount(l.profit()), tenth(l.marginPercent())))
                .toList();
        return FinanceReport.builder()
                .revenue(amount(totals.revenue()))
                .profit(amount(totals.profit()))
                .taxDue(tax == null ? null : tax.taxDue().amount())
                .lossProducts(losses)
                .recommendations(profit.recommendationTexts())
                .currency(current.currency())
                .period(current.period().label())
                .costs(new FinanceReport.Costs(amount(totals.grossSales()), amount(totals.returns()),
                        amount(totals.cancellations()), amount(totals.netSales()), amount(totals.commission()),
                        amount(totals.delivery()), amount(totals.costOfGoods()), amount(totals.penalties()),
                        amount(totals.otherExpenses()), tenth(totals.marginPercent()),
                        totals.uncostedSkus().stream().map(s -> s.value()).toList()))
                .tax(tax == null ? null : tax(tax))
                .warnings(warnings(texts, current, thresholds, dataWarnings))
                .previousPeriod(previous(profit.comparison(), previousTax))
                .products(products)
                .narrative("rules")
                .build();
    }

    /**
     * Builds the check a narrative about a report must pass: every number, date and period of the report,
     * and of the sentences code wrote in it, may be stated; the directions of revenue, profit and margin
     * must agree with the comparison.
     *
     * @param report the drafted report
     * @return the check
     */
    public static NarrativeCheck check(FinanceReport report) {
        NarrativeCheck.Builder check = NarrativeCheck.builder().label(report.period());
        for (BigDecimal value : new BigDecimal[] {report.revenue(), report.profit(), report.costs().grossSales(),
                report.costs().returns(), report.costs().cancellations(), report.costs().netSales(),
                report.costs().commission(), report.costs().delivery(), report.costs().costOfGoods(),
                report.costs().penalties(), report.costs().otherExpenses()}) {
            check.amount(value);
        }
        check.amount(report.revenue().subtract(report.profit()));
        if (report.costs().marginPercent() != null) {
            check.percent(report.costs().marginPercent());
        }
        if (report.taxDue() != null) {
            check.amount(report.taxDue());
        }
        FinanceReport.Tax tax = report.tax();
        if (tax != null) {
            check.amount(tax.base()).label(tax.period());
            if (tax.rate() != null) {
                check.percent(tax.rate());
            }
            if (tax.nextDueDate() != null) {
                check.date(tax.nextDueDate());
            }
        }
        FinanceReport.PeriodChange previous = report.previousPeriod();
        if (previous != null) {
            if (previous.taxDue() != null) {
                check.amount(previous.taxDue());
                if (report.taxDue() != null) {
                    check.amount(report.taxDue().subtract(previous.taxDue()));
                }
            }
            check.label(previous.period()).amount(previous.revenue()).amount(previous.profit())
                    .amount(report.revenue().subtract(previous.revenue()))
                    .amount(report.profit().subtract(previous.profit()));
            for (BigDecimal percent : new BigDecimal[] {previous.revenueChangePercent(), previous.profitChangePercent(),
                    previous.marginChangePoints()}) {
                if (percent != null) {
                    check.percent(percent);
                }
            }
            check.change(Metric.REVENUE, report.revenue().compareTo(previous.revenue()))
                    .change(Metric.PROFIT, report.profit().compareTo(previous.profit()));
            if (previous.marginChangePoints() != null) {
                check.change(Metric.MARGIN, previous.marginChangePoints().signum());
            }
        }
        check.amount(BigDecimal.valueOf(report.lossProducts().size()))
                .amount(BigDecimal.valueOf(report.products().size()))
                .amount(BigDecimal.valueOf(report.costs().uncostedSkus().size()));
        for (FinanceReport.ProductFigures product : report.products()) {
            check.amount(product.unitsSold()).amount(product.unitsReturned()).amount(product.netSales());
            if (product.profit() != null) {
                check.amount(product.profit());
            }
            if (product.marginPercent() != null) {
                check.percent(product.marginPercent());
            }
        }
        for (LossProduct loss : report.lossProducts()) {
            check.allowNumbersIn(loss.reason()).allowNumbersIn(loss.product());
            if (loss.profit() != null) {
                check.amount(loss.profit());
            }
        }
        report.recommendations().forEach(check::allowNumbersIn);
        report.warnings().forEach(check::allowNumbersIn);
        return check.build();
    }

    private static FinanceReport.Tax tax(TaxAssessment tax) {
        LocalDate next = tax.dueDates().stream().map(DueDate::dueDate).min(LocalDate::compareTo).orElse(null);
        List<String> assumptions = new ArrayList<>(tax.assumptions());
        return new FinanceReport.Tax(tax.regime(), tax.ratePercent(), amount(tax.base()), tax.taxPeriod().label(),
                tax.estimate(), tax.estimateLabel(), tax.ruleId(), tax.source(), next, assumptions);
    }

    private static List<String> warnings(FinanceTexts texts, ProfitAndLoss current, List<ThresholdWarning> thresholds,
            boolean dataWarnings) {
        List<String> warnings = new ArrayList<>();
        for (ThresholdWarning w : thresholds) {
            warnings.add(texts.text("warning." + w.kind().name() + (w.crossed() ? ".crossed" : ".reached"), Map.of(
                    "income", FinanceTexts.money(w.runningIncome()),
                    "percent", FinanceTexts.percent(w.percentReached().setScale(1, RoundingMode.DOWN)),
                    "threshold", FinanceTexts.money(w.threshold()))));
        }
        if (!dataWarnings) {
            return warnings;
        }
        ProfitTotals totals = current.totals();
        if (!totals.uncostedSkus().isEmpty()) {
            warnings.add(texts.text("warning.UNCOSTED", Map.of("count", Integer.toString(totals.uncostedSkus().size()),
                    "skus", String.join(", ", totals.uncostedSkus().stream().map(s -> s.value()).toList()))));
        }
        long estimated = current.lines().stream()
                .filter(l -> l.commissionSource() == ProductLine.CommissionSource.SCHEDULE).count();
        if (estimated > 0) {
            warnings.add(texts.text("warning.COMMISSION_ESTIMATED", Map.of("count", Long.toString(estimated))));
        }
        boolean anyDelivery = current.lines().stream()
                .anyMatch(l -> l.deliverySource() != ProductLine.DeliverySource.NO_DATA)
                || totals.delivery().amount().signum() != 0;
        if (!current.lines().isEmpty() && !anyDelivery) {
            warnings.add(texts.text("warning.NO_DELIVERY", Map.of()));
        }
        return warnings;
    }

    private static @Nullable FinanceReport.PeriodChange previous(PeriodComparison comparison,
            @Nullable TaxAssessment previousTax) {
        if (comparison.previous().empty()) {
            return null;
        }
        return new FinanceReport.PeriodChange(comparison.previous().period().label(),
                amount(comparison.revenue().previous()), amount(comparison.profit().previous()),
                tenth(comparison.revenue().percent()), tenth(comparison.profit().percent()),
                tenth(comparison.marginPoints()), previousTax == null ? null : previousTax.taxDue().amount(),
                previousTax == null ? null : previousTax.ruleId());
    }

    private static BigDecimal amount(Money money) {
        return ProfitAndLoss.present(money).amount();
    }

    private static @Nullable BigDecimal tenth(@Nullable BigDecimal value) {
        return value == null ? null : value.setScale(1, RoundingMode.HALF_UP);
    }
}

package dev.aihq.api.result;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * The accounting agent's result in the seed's shape, {@code {revenue, profit, tax_due, loss_products,
 * recommendations}}, extended (never changed) with the currency, the period, the cost breakdown, the tax
 * block, threshold and data warnings, the comparison with the previous period and the per-product figures.
 * Every number is computed by code; the model at most words the recommendations. Amounts are plain numbers
 * in {@link #currency()}, rounded to two decimals for presentation; the tax as the law rounds it.
 *
 * @param revenue the period's revenue: the gross amount buyers paid, net of returns and cancellations
 * @param profit the period's profit over the products whose cost is known, after shop-wide costs
 * @param taxDue the tax for the period: the tax period's amount when the period is one, else the labelled
 *     accrual estimate ({@link Tax#estimate()}); {@code null} when the tax could not be computed (a tax mode
 *     the engine refuses), and the run is then {@code REJECTED} with the reason
 * @param lossProducts the products that lose money, with the reason computed from the numbers
 * @param recommendations what to do, one sentence each: written by the model and checked against the
 *     numbers, or written from rules
 * @param currency the currency of every amount
 * @param period the period, e.g. {@code 2026-01}
 * @param costs the cost breakdown
 * @param tax the tax block, or {@code null} when the tax could not be computed
 * @param warnings threshold warnings (regime ceilings, VAT registration) and data warnings (products without a
 *     cost price, estimated commissions), one sentence each
 * @param previousPeriod the comparison with the previous period of the same length, or {@code null} when
 *     there is nothing to compare (no sales in either)
 * @param products the figures per product, by net sales, largest first
 * @param narrative who wrote the recommendations: {@code model} or {@code rules}
 */
public record FinanceReport(
        BigDecimal revenue,
        BigDecimal profit,
        @Nullable BigDecimal taxDue,
        List<LossProduct> lossProducts,
        List<String> recommendations,
        Currency currency,
        String period,
        Costs costs,
        @Nullable Tax tax,
        List<String> warnings,
        @Nullable PeriodChange previousPeriod,
        List<ProductFigures> products,
        String narrative) {

    /** Requires every part and copies the lists. */
    public FinanceReport {
        Objects.requireNonNull(revenue, "revenue");
        Objects.requireNonNull(profit, "profit");
        lossProducts = List.copyOf(lossProducts);
        recommendations = List.copyOf(recommendations);
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(costs, "costs");
        warnings = List.copyOf(warnings);
        products = List.copyOf(products);
        Objects.requireNonNull(narrative, "narrative");
    }

    /**
     * Starts a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding this report, e.g. to replace the recommendations with checked ones.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        return new Builder().revenue(revenue).profit(profit).taxDue(taxDue).lossProducts(lossProducts)
                .recommendations(recommendations).currency(currency).period(period).costs(costs).tax(tax)
                .warnings(warnings).previousPeriod(previousPeriod).products(products).narrative(narrative);
    }

    /**
     * The cost breakdown of the period, amounts in the report's currency.
     *
     * @param grossSales what buyers paid before returns and cancellations
     * @param returns refunded returns
     * @param cancellations sales reversed by cancellations
     * @param netSales gross sales less returns and cancellations (the revenue)
     * @param commission the marketplace's commission, actual or estimated from the shop's schedule
     * @param delivery delivery and logistics charged to the seller
     * @param costOfGoods the cost of the goods sold, from actual invoices or catalog cost prices
     * @param penalties the marketplace's fines
     * @param otherExpenses the shop's other expenses
     * @param marginPercent profit as a percentage of the net sales of the products whose cost is known, or
     *     {@code null} when there are none
     * @param uncostedSkus products sold without a known cost: their profit is not counted
     */
    public record Costs(BigDecimal grossSales, BigDecimal returns, BigDecimal cancellations, BigDecimal netSales,
            BigDecimal commission, BigDecimal delivery, BigDecimal costOfGoods, BigDecimal penalties,
            BigDecimal otherExpenses, @Nullable BigDecimal marginPercent, List<String> uncostedSkus) {

        /** Requires every amount and copies the list. */
        public Costs {
            Objects.requireNonNull(grossSales, "gross sales");
            Objects.requireNonNull(returns, "returns");
            Objects.requireNonNull(cancellations, "cancellations");
            Objects.requireNonNull(netSales, "net sales");
            Objects.requireNonNull(commission, "commission");
            Objects.requireNonNull(delivery, "delivery");
            Objects.requireNonNull(costOfGoods, "cost of goods");
            Objects.requireNonNull(penalties, "penalties");
            Objects.requireNonNull(otherExpenses, "other expenses");
            uncostedSkus = List.copyOf(uncostedSkus);
        }
    }

    /**
     * The tax block: how the tax was computed, by which rule, for which tax period, and when it is due.
     *
     * @param regime the regime's code, e.g. {@code KZ_SIMPLIFIED_910}
     * @param rate the rate in percent as applied (after a local adjustment), or {@code null} for a scale
     * @param base the taxable base for the period
     * @param period the real tax period, e.g. {@code 2026-H1} for form 910 or {@code 2026} for УСН
     * @param estimate whether {@code tax_due} is an accrual estimate for a part of the tax period
     * @param estimateNote what the estimate is, e.g. {@code accrual estimate for 2026-01, part of tax period
     *     2026-H1}; {@code null} when the period is the tax period
     * @param ruleId the rule data's id, e.g. {@code KZ-2026-910}
     * @param source the legal source of the rate
     * @param nextDueDate the next payment or declaration date, moved off a day off where the rule says so,
     *     or {@code null} when the rules give none
     * @param assumptions what the computation assumed that no source confirms
     */
    public record Tax(String regime, @Nullable BigDecimal rate, BigDecimal base, String period, boolean estimate,
            @Nullable String estimateNote, String ruleId, String source, @Nullable LocalDate nextDueDate,
            List<String> assumptions) {

        /** Requires every part and copies the list. */
        public Tax {
            Objects.requireNonNull(regime, "regime");
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(ruleId, "rule id");
            Objects.requireNonNull(source, "source");
            assumptions = List.copyOf(assumptions);
        }
    }

    /**
     * The comparison with the previous period of the same length.
     *
     * @param period the previous period, e.g. {@code 2025-12}
     * @param revenue its revenue
     * @param profit its profit
     * @param revenueChangePercent the change of revenue in percent, or {@code null} when the previous was zero
     * @param profitChangePercent the change of profit in percent, or {@code null} when the previous was zero
     * @param marginChangePoints the change of margin in percentage points, or {@code null} when either margin
     *     is unknown
     * @param taxDue the previous period's tax by the rules of its own tax year (a comparison across a new year
     *     uses two years' rules), or {@code null} when it could not be computed
     * @param taxRuleId the rule its rate came from, or {@code null}
     */
    public record PeriodChange(String period, BigDecimal revenue, BigDecimal profit,
            @Nullable BigDecimal revenueChangePercent, @Nullable BigDecimal profitChangePercent,
            @Nullable BigDecimal marginChangePoints, @Nullable BigDecimal taxDue, @Nullable String taxRuleId) {

        /** Requires the period and the amounts. */
        public PeriodChange {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(revenue, "revenue");
            Objects.requireNonNull(profit, "profit");
        }
    }

    /**
     * One product's figures in the period.
     *
     * @param sku the product's SKU
     * @param product the product's name
     * @param unitsSold units sold
     * @param unitsReturned units returned or cancelled
     * @param netSales net sales
     * @param profit the product's profit, or {@code null} when its cost is unknown
     * @param marginPercent profit as a percentage of net sales, or {@code null}
     */
    public record ProductFigures(String sku, String product, BigDecimal unitsSold, BigDecimal unitsReturned,
            BigDecimal netSales, @Nullable BigDecimal profit, @Nullable BigDecimal marginPercent) {

        /** Requires the identifying parts and the amounts. */
        public ProductFigures {
            Objects.requireNonNull(sku, "sku");
            Objects.requireNonNull(product, "product");
            Objects.requireNonNull(unitsSold, "units sold");
            Objects.requireNonNull(unitsReturned, "units returned");
            Objects.requireNonNull(netSales, "net sales");
        }
    }

    /** Builds a {@link FinanceReport}. Not thread-safe. */
    public static final class Builder {
        private @Nullable BigDecimal revenue;
        private @Nullable BigDecimal profit;
        private @Nullable BigDecimal taxDue;
        private final List<LossProduct> lossProducts = new ArrayList<>();
        private final List<String> recommendations = new ArrayList<>();
        private @Nullable Currency currency;
        private @Nullable String period;
        private @Nullable Costs costs;
        private @Nullable Tax tax;
        private final List<String> warnings = new ArrayList<>();
        private @Nullable PeriodChange previousPeriod;
        private final List<ProductFigures> products = new ArrayList<>();
        private String narrative = "rules";

        private Builder() {}

        /**
         * Sets the revenue.
         *
         * @param revenue the revenue
         * @return this builder
         */
        public Builder revenue(BigDecimal revenue) {
            this.revenue = revenue;
            return this;
        }

        /**
         * Sets the profit.
         *
         * @param profit the profit
         * @return this builder
         */
        public Builder profit(BigDecimal profit) {
            this.profit = profit;
            return this;
        }

        /**
         * Sets the tax due.
         *
         * @param taxDue the tax, or {@code null} when it could not be computed
         * @return this builder
         */
        public Builder taxDue(@Nullable BigDecimal taxDue) {
            this.taxDue = taxDue;
            return this;
        }

        /**
         * Replaces the loss-making products.
         *
         * @param lossProducts the products
         * @return this builder
         */
        public Builder lossProducts(List<LossProduct> lossProducts) {
            this.lossProducts.clear();
            this.lossProducts.addAll(lossProducts);
            return this;
        }

        /**
         * Replaces the recommendations.
         *
         * @param recommendations one sentence each
         * @return this builder
         */
        public Builder recommendations(List<String> recommendations) {
            this.recommendations.clear();
            this.recommendations.addAll(recommendations);
            return this;
        }

        /**
         * Sets the currency.
         *
         * @param currency the currency
         * @return this builder
         */
        public Builder currency(Currency currency) {
            this.currency = currency;
            return this;
        }

        /**
         * Sets the period.
         *
         * @param period the label
         * @return this builder
         */
        public Builder period(String period) {
            this.period = period;
            return this;
        }

        /**
         * Sets the cost breakdown.
         *
         * @param costs the costs
         * @return this builder
         */
        public Builder costs(Costs costs) {
            this.costs = costs;
            return this;
        }

        /**
         * Sets the tax block.
         *
         * @param tax the tax, or {@code null} when it could not be computed
         * @return this builder
         */
        public Builder tax(@Nullable Tax tax) {
            this.tax = tax;
            return this;
        }

        /**
         * Replaces the warnings.
         *
         * @param warnings one sentence each
         * @return this builder
         */
        public Builder warnings(List<String> warnings) {
            this.warnings.clear();
            this.warnings.addAll(warnings);
            return this;
        }

        /**
         * Sets the comparison with the previous period.
         *
         * @param previousPeriod the comparison, or {@code null}
         * @return this builder
         */
        public Builder previousPeriod(@Nullable PeriodChange previousPeriod) {
            this.previousPeriod = previousPeriod;
            return this;
        }

        /**
         * Replaces the per-product figures.
         *
         * @param products the figures
         * @return this builder
         */
        public Builder products(List<ProductFigures> products) {
            this.products.clear();
            this.products.addAll(products);
            return this;
        }

        /**
         * Says who wrote the recommendations; default {@code rules}.
         *
         * @param narrative {@code model} or {@code rules}
         * @return this builder
         */
        public Builder narrative(String narrative) {
            this.narrative = narrative;
            return this;
        }

        /**
         * Builds the report.
         *
         * @return the report
         * @throws NullPointerException naming the first missing part
         */
        public FinanceReport build() {
            return new FinanceReport(Objects.requireNonNull(revenue, "revenue"), Objects.requireNonNull(profit, "profit"),
                    taxDue, lossProducts, recommendations,
                    Objects.requireNonNull(currency, "currency"), Objects.requireNonNull(period, "period"),
                    Objects.requireNonNull(costs, "costs"), tax, warnings, previousPeriod, products, narrative);
        }
    }
}

package dev.aihq.agents.finance.tax;

import dev.aihq.api.Money;
import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.event.ReportingPeriod;
import dev.aihq.api.shop.LegalForm;
import dev.aihq.api.shop.TaxMode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * What the accountant asks the {@link TaxEngine}: who, under which regime, for which period, with which figures.
 * Built with {@link #builder()}.
 *
 * @param country {@code KZ} or {@code RU}
 * @param mode the tax regime
 * @param modeAssumption what an alias code was taken to mean (from {@link TaxModeResolver}), or {@code null}
 * @param legalForm ИП, ТОО or ООО
 * @param period the requested period: a month, quarter, half-year or year within one tax year
 * @param income the income of the period: gross amounts buyers paid, net of returns (not the marketplace payout)
 * @param expenses the period's costs by kind; the engine decides which are deductible
 * @param yearToDateIncome the income of the tax year from 1 January to the end of the period (thresholds, the
 *     progressive scale); defaults to {@code income}
 * @param firstHalfYearIncome the income of January–June, needed for Kazakhstan's 2025 half-year 910 ceiling when
 *     the period is in the second half-year; {@code null} when unknown
 * @param previousYearIncome last year's income (Russian VAT exemption of УСН payers); {@code null} when unknown
 * @param contributions contributions paid for the period: Russian ИП "за себя" (and employees'), Kazakh social
 *     contributions (СО); {@code null} when not given
 * @param employees whether the taxpayer has employees
 * @param localRate the rate of the taxpayer's location, or {@code null} for the base rate
 * @param incomeFromBusinesses the part of {@code income} paid by legal entities and ИП (НПД taxes it at a higher
 *     rate); zero by default
 * @param warningShare the share of a threshold at which a warning is raised, above 0 and at most 1; default 0.8
 */
public record TaxRequest(
        String country,
        TaxMode mode,
        @Nullable String modeAssumption,
        LegalForm legalForm,
        ReportingPeriod period,
        Money income,
        Map<ExpenseKind, Money> expenses,
        Money yearToDateIncome,
        @Nullable Money firstHalfYearIncome,
        @Nullable Money previousYearIncome,
        @Nullable Money contributions,
        boolean employees,
        @Nullable LocalRate localRate,
        Money incomeFromBusinesses,
        BigDecimal warningShare) {

    /** The default warning share: 80 % of a threshold. */
    public static final BigDecimal DEFAULT_WARNING_SHARE = new BigDecimal("0.80");

    /** Checks that every amount is in one currency, none is negative, and the period lies in one year. */
    public TaxRequest {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(legalForm, "legal form");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(income, "income");
        Objects.requireNonNull(yearToDateIncome, "year-to-date income");
        Objects.requireNonNull(incomeFromBusinesses, "income from businesses");
        Objects.requireNonNull(warningShare, "warning share");
        expenses = Map.copyOf(expenses);
        List<String> problems = new ArrayList<>();
        if (period.end().minusDays(1).getYear() != period.start().getYear()) {
            problems.add("period " + period + " spans two tax years");
        }
        check(problems, income, income, "income");
        check(problems, income, yearToDateIncome, "yearToDateIncome");
        check(problems, income, firstHalfYearIncome, "firstHalfYearIncome");
        check(problems, income, previousYearIncome, "previousYearIncome");
        check(problems, income, contributions, "contributions");
        check(problems, income, incomeFromBusinesses, "incomeFromBusinesses");
        expenses.forEach((kind, amount) -> check(problems, income, amount, "expense " + kind));
        if (yearToDateIncome.compareTo(income) < 0) {
            problems.add("yearToDateIncome " + yearToDateIncome + " is below the period's income " + income);
        }
        if (incomeFromBusinesses.compareTo(income) > 0) {
            problems.add("incomeFromBusinesses " + incomeFromBusinesses + " is above the period's income " + income);
        }
        if (warningShare.signum() <= 0 || warningShare.compareTo(BigDecimal.ONE) > 0) {
            problems.add("warningShare must be above 0 and at most 1, got " + warningShare);
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("invalid tax request: " + String.join("; ", problems));
        }
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
     * Sums the expenses of the given kinds.
     *
     * @return the total of every kind, zero when none
     */
    public Money totalExpenses() {
        Money total = Money.zero(income.currency());
        for (Money amount : expenses.values()) {
            total = total.plus(amount);
        }
        return total;
    }

    private static void check(List<String> problems, Money reference, @Nullable Money amount, String name) {
        if (amount == null) {
            return;
        }
        if (!amount.currency().equals(reference.currency())) {
            problems.add(name + " is in " + amount.currency() + ", income in " + reference.currency());
        } else if (amount.isNegative()) {
            problems.add(name + " must not be negative, got " + amount);
        }
    }

    /** Builds a {@link TaxRequest}. Not thread-safe. */
    public static final class Builder {
        private @Nullable String country;
        private @Nullable TaxMode mode;
        private @Nullable String modeAssumption;
        private @Nullable LegalForm legalForm;
        private @Nullable ReportingPeriod period;
        private @Nullable Money income;
        private final Map<ExpenseKind, Money> expenses = new EnumMap<>(ExpenseKind.class);
        private @Nullable Money yearToDateIncome;
        private @Nullable Money firstHalfYearIncome;
        private @Nullable Money previousYearIncome;
        private @Nullable Money contributions;
        private boolean employees;
        private @Nullable LocalRate localRate;
        private @Nullable Money incomeFromBusinesses;
        private BigDecimal warningShare = DEFAULT_WARNING_SHARE;

        private Builder() {}

        /**
         * Sets the country (required).
         *
         * @param country {@code KZ} or {@code RU}
         * @return this builder
         */
        public Builder country(String country) {
            this.country = country.strip().toUpperCase(Locale.ROOT);
            return this;
        }

        /**
         * Sets the tax regime by its enum constant (required, or {@link #taxMode(ResolvedTaxMode)}).
         *
         * @param mode the regime
         * @return this builder
         */
        public Builder taxMode(TaxMode mode) {
            this.mode = mode;
            this.modeAssumption = null;
            return this;
        }

        /**
         * Sets the tax regime resolved from a shop's code, keeping an alias's assumption for the assessment.
         *
         * @param resolved the result of {@link TaxModeResolver#resolve(String, String)}
         * @return this builder
         */
        public Builder taxMode(ResolvedTaxMode resolved) {
            this.mode = resolved.mode();
            this.modeAssumption = resolved.assumption();
            return this;
        }

        /**
         * Sets the legal form (required).
         *
         * @param form ИП, ТОО or ООО
         * @return this builder
         */
        public Builder legalForm(LegalForm form) {
            this.legalForm = form;
            return this;
        }

        /**
         * Sets the requested period (required).
         *
         * @param period a month, quarter, half-year ({@code new ReportingPeriod("2026-H1", …)}) or year
         * @return this builder
         */
        public Builder period(ReportingPeriod period) {
            this.period = period;
            return this;
        }

        /**
         * Sets the period's income (required): gross buyer payments net of returns.
         *
         * @param income the income
         * @return this builder
         */
        public Builder income(Money income) {
            this.income = income;
            return this;
        }

        /**
         * Sets one kind of expense, replacing an earlier amount of that kind.
         *
         * @param kind the kind
         * @param amount the amount for the period
         * @return this builder
         */
        public Builder expense(ExpenseKind kind, Money amount) {
            expenses.put(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(amount, "amount"));
            return this;
        }

        /**
         * Sets the tax year's income up to the period's end; defaults to the period's income.
         *
         * @param income the running income
         * @return this builder
         */
        public Builder yearToDateIncome(Money income) {
            this.yearToDateIncome = income;
            return this;
        }

        /**
         * Sets the income of January–June (Kazakhstan's 2025 half-year ceiling in the second half-year).
         *
         * @param income the first half-year's income
         * @return this builder
         */
        public Builder firstHalfYearIncome(Money income) {
            this.firstHalfYearIncome = income;
            return this;
        }

        /**
         * Sets last year's income (Russian VAT exemption of УСН payers).
         *
         * @param income the previous year's income
         * @return this builder
         */
        public Builder previousYearIncome(Money income) {
            this.previousYearIncome = income;
            return this;
        }

        /**
         * Sets the contributions paid for the period (RU ИП "за себя", KZ СО).
         *
         * @param contributions the amount
         * @return this builder
         */
        public Builder contributions(Money contributions) {
            this.contributions = contributions;
            return this;
        }

        /**
         * Sets whether the taxpayer has employees; default no.
         *
         * @param employees the flag
         * @return this builder
         */
        public Builder employees(boolean employees) {
            this.employees = employees;
            return this;
        }

        /**
         * Sets the location's rate (KZ maslikhat, RU region) with its source.
         *
         * @param rate the rate
         * @return this builder
         */
        public Builder localRate(LocalRate rate) {
            this.localRate = rate;
            return this;
        }

        /**
         * Sets the part of the income paid by legal entities and ИП (НПД); default zero.
         *
         * @param income that part
         * @return this builder
         */
        public Builder incomeFromBusinesses(Money income) {
            this.incomeFromBusinesses = income;
            return this;
        }

        /**
         * Sets the share of a threshold that raises a warning; default 0.80.
         *
         * @param share above 0, at most 1
         * @return this builder
         */
        public Builder warningShare(BigDecimal share) {
            this.warningShare = share;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws ConfigurationException listing every missing or invalid part
         */
        public TaxRequest build() {
            List<String> missing = new ArrayList<>();
            if (country == null) {
                missing.add("country");
            }
            if (mode == null) {
                missing.add("taxMode");
            }
            if (legalForm == null) {
                missing.add("legalForm");
            }
            if (period == null) {
                missing.add("period");
            }
            if (income == null) {
                missing.add("income");
            }
            if (country == null || mode == null || legalForm == null || period == null || income == null) {
                throw new ConfigurationException("tax request is missing " + String.join(", ", missing));
            }
            return new TaxRequest(country, mode, modeAssumption, legalForm, period, income, expenses,
                    yearToDateIncome == null ? income : yearToDateIncome, firstHalfYearIncome, previousYearIncome,
                    contributions, employees, localRate,
                    incomeFromBusinesses == null ? Money.zero(income.currency()) : incomeFromBusinesses, warningShare);
        }
    }
}

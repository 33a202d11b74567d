package dev.aihq.agents.finance.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aihq.agents.ModelAgent;
import dev.aihq.agents.PromptTemplate;
import dev.aihq.agents.finance.ProfitCalculator;
import dev.aihq.agents.finance.ProfitReport;
import dev.aihq.agents.finance.ProfitTotals;
import dev.aihq.agents.finance.tax.ExpenseKind;
import dev.aihq.agents.finance.tax.ResolvedTaxMode;
import dev.aihq.agents.finance.tax.TaxAssessment;
import dev.aihq.agents.finance.tax.TaxEngine;
import dev.aihq.agents.finance.tax.TaxModeResolver;
import dev.aihq.agents.finance.tax.TaxRequest;
import dev.aihq.agents.finance.tax.ThresholdWarning;
import dev.aihq.agents.sales.SalesLanguage;
import dev.aihq.api.Money;
import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.error.HqException;
import dev.aihq.api.event.FinanceEvent;
import dev.aihq.api.event.FinanceEventType;
import dev.aihq.api.event.ReportingPeriod;
import dev.aihq.api.result.FinanceReport;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.store.AgentTrace;
import dev.aihq.api.store.CatalogStore;
import dev.aihq.api.store.EventJournal;
import dev.aihq.api.store.LedgerStore;
import dev.aihq.api.store.LedgerTotal;
import dev.aihq.api.store.PurchaseStore;
import dev.aihq.api.store.RunLog;
import dev.aihq.api.store.ShopStore;
import dev.aihq.api.store.TokenUsageStore;
import dev.aihq.api.store.Transactions;
import dev.aihq.pipeline.AgentOutput;
import dev.aihq.pipeline.AgentPipeline;
import dev.aihq.pipeline.ContextSource;
import dev.aihq.pipeline.DeliveryResult;
import dev.aihq.pipeline.GuardDecision;
import dev.aihq.pipeline.PipelineListener;
import dev.aihq.pipeline.json.SdkJson;
import dev.langchain4j.model.chat.ChatModel;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import javax.annotation.Nullable;

/**
 * Builds the accounting agent's pipeline ({@value #NAME}) for {@code POST /finance-event}: the context stage
 * computes the period's P&amp;L from the ledger and the catalog ({@link ProfitCalculator}) and its tax
 * ({@link TaxEngine}) for the shop's tax mode, or the one the event names (the seed's {@code IP_USN}, resolved
 * by {@link TaxModeResolver}); the agent lets the model reword the recommendations in the shop's language, each
 * number checked against the computed report ({@link FinanceReports#check}), or keeps the rule-based ones; the
 * delivery completes the run with the report as its result.
 *
 * <ul>
 *   <li>{@code monthly_report}, {@code manual_request}: the full report, compared with the previous period.</li>
 *   <li>{@code new_sale}: only what changed: the running period's figures and the threshold warnings this sale
 *       newly reached or crossed; no per-product figures, no recommendations, no model.</li>
 *   <li>A tax mode the engine does not know, a Russian alias for a Kazakh shop, or a period the regime cannot
 *       be assessed for: the run is {@code REJECTED} with the engine's reason; the P&amp;L is still in its result,
 *       without a tax block.</li>
 * </ul>
 *
 * The country is the shop's currency's: KZT is Kazakhstan, RUB Russia. Thread-safe once built.
 */
public final class FinancePipelines {

    /** The pipeline's name. */
    public static final String NAME = "finance";

    private static final String PROMPTS = "/dev/aihq/agents/prompts/";
    private static final Duration CONTEXT_DEADLINE = Duration.ofSeconds(30);

    private final Builder b;

    private FinancePipelines(Builder b) {
        this.b = b;
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
     * Builds the pipeline (not started).
     *
     * @return the pipeline
     */
    public AgentPipeline<FinanceEvent, FinanceContext, FinanceReport> pipeline() {
        ContextSource<FinanceEvent, FinanceContext> finance = ContextSource.required("finance", CONTEXT_DEADLINE,
                request -> context(request.event(), request.shop()));
        Map<SalesLanguage, ModelAgent<FinanceContext, FinanceReport>> models = new EnumMap<>(SalesLanguage.class);
        for (SalesLanguage language : SalesLanguage.values()) {
            models.put(language, model(language));
        }
        AgentPipeline.Builder<FinanceEvent, FinanceContext, FinanceReport> pipeline =
                AgentPipeline.<FinanceEvent, FinanceContext, FinanceReport>builder(NAME)
                        .shops(b.shops).journal(b.journal).runLog(b.runLog).transactions(b.transactions)
                        .clock(b.clock)
                        .resumes(FinanceEvent.TYPE_PREFIX).eventClass(FinanceEvent.class)
                        .source(finance)
                        .assembler((event, shop, gathered) -> gathered.get(finance))
                        .agent(input -> {
                            FinanceContext context = input.context();
                            if (context.refusal() != null) {
                                return new AgentOutput<>(context.draft(), AgentTrace.fallback(
                                        "the tax was not computed: the model is not asked"));
                            }
                            if (context.newSale()) {
                                return new AgentOutput<>(context.draft(), AgentTrace.fallback(
                                        "a new sale returns what changed: the model is not asked"));
                            }
                            return models.get(SalesLanguage.of(input.shop())).run(input);
                        })
                        .guard((context, report, shop) -> {
                            List<String> problems = problems(context, report);
                            return problems.isEmpty() ? GuardDecision.accept(report)
                                    : GuardDecision.fail(report, String.join("; ", problems));
                        })
                        .delivery(request -> request.context().refusal() != null
                                ? DeliveryResult.rejected(Objects.requireNonNull(request.context().refusal()))
                                : DeliveryResult.completed("report for " + request.event().period() + " computed;"
                                        + " recommendations by " + request.result().narrative()));
        if (b.executor != null) {
            pipeline.executor(b.executor);
        }
        if (b.runLease != null) {
            pipeline.runLease(b.runLease);
        }
        if (b.recoveryInterval != null) {
            pipeline.recoveryInterval(b.recoveryInterval);
        }
        pipeline.maxAttempts(b.maxAttempts);
        b.listeners.forEach(pipeline::listener);
        return pipeline.build();
    }

    /** What a report must keep from the draft: every number, and a narrative that states only the draft's. */
    private static List<String> problems(FinanceContext context, FinanceReport report) {
        FinanceReport draft = context.draft();
        FinanceReport numbersOnly = report.toBuilder().recommendations(draft.recommendations())
                .narrative(draft.narrative()).build();
        List<String> problems = new ArrayList<>();
        if (!numbersOnly.equals(draft)) {
            problems.add("the report's figures differ from the computed ones");
        }
        if (!report.recommendations().equals(draft.recommendations())) {
            problems.addAll(FinanceReports.check(draft).problems(String.join("\n", report.recommendations())));
        }
        return problems;
    }

    private ModelAgent<FinanceContext, FinanceReport> model(SalesLanguage language) {
        ModelAgent.Builder<FinanceContext, FinanceReport> model = ModelAgent.<FinanceContext, FinanceReport>builder()
                .name(NAME)
                .chatModel(b.chatModel)
                .systemPrompt(PromptTemplate.resource(PROMPTS + language.resourceFolder() + "finance-system.txt"))
                .userPrompt(PromptTemplate.resource(PROMPTS + language.resourceFolder() + "finance-user.txt"))
                .variables(FinancePipelines::variables)
                .parser(new FinanceNarrativeParser())
                .fallback(input -> input.context().draft())
                .responseSchema(FinanceNarrativeParser.SCHEMA)
                .validator((context, report) -> FinanceReports.check(context.draft())
                        .problems(String.join("\n", report.recommendations())))
                .clock(b.clock);
        if (b.tokenUsage != null) {
            model.tokenUsage(b.tokenUsage);
        }
        if (b.modelSleeper != null) {
            model.sleeper(b.modelSleeper);
        }
        return model.build();
    }

    private static Map<String, String> variables(FinanceContext context) {
        FinanceReport draft = context.draft();
        String json;
        try {
            json = SdkJson.mapper().writeValueAsString(draft.toBuilder().recommendations(List.of()).build());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report could not be written as JSON", e);
        }
        String rules = draft.recommendations().isEmpty() ? "—"
                : draft.recommendations().stream().map(r -> "- " + r).collect(Collectors.joining("\n"));
        return Map.of("shop_name", context.shop().name(), "marketplace", context.shop().marketplace().toString(),
                "country", country(context.shop()), "period", draft.period(), "report", json, "rules", rules);
    }

    private FinanceContext context(FinanceEvent event, Shop shop) {
        ReportingPeriod period = event.period();
        ProfitReport profit = b.calculator.report(shop, period, b.ledger, b.catalog);
        String country;
        try {
            country = country(shop);
        } catch (ConfigurationException e) {
            return refused(event, shop, profit, e.getMessage());
        }
        ResolvedTaxMode mode;
        try {
            mode = event.taxMode() == null ? new ResolvedTaxMode(shop.taxMode().name(), shop.taxMode(), null)
                    : TaxModeResolver.resolve(event.taxMode(), country);
        } catch (HqException e) {
            return refused(event, shop, profit, e.getMessage());
        }
        TaxAssessment tax;
        List<ThresholdWarning> thresholds;
        try {
            TaxRequest request = request(shop, country, mode, period, profit, BigDecimal.ZERO);
            tax = b.taxEngine.assess(request);
            thresholds = tax.warnings();
            if (event.eventType() == FinanceEventType.NEW_SALE) {
                thresholds = newWarnings(event, shop, country, mode, period, profit, tax);
            }
        } catch (HqException | IllegalArgumentException e) {
            return refused(event, shop, profit, e.getMessage());
        }
        boolean sale = event.eventType() == FinanceEventType.NEW_SALE;
        TaxAssessment previousTax = sale ? null : previousTax(shop, country, mode, profit);
        FinanceReport draft = FinanceReports.draft(shop, profit, tax, thresholds, !sale, previousTax);
        if (sale) {
            draft = draft.toBuilder().lossProducts(List.of()).recommendations(List.of()).products(List.of()).build();
        }
        return new FinanceContext(event, shop, profit, tax, null, draft);
    }

    private FinanceContext refused(FinanceEvent event, Shop shop, ProfitReport profit, String reason) {
        return new FinanceContext(event, shop, profit, null, reason, FinanceReports.draft(shop, profit, null, List.of(), true,
                null));
    }

    /**
     * The previous period's tax by its own tax year's rules, for the comparison; none when it has no sales or
     * cannot be assessed (another year the regime did not exist in, a refused period).
     */
    private @Nullable TaxAssessment previousTax(Shop shop, String country, ResolvedTaxMode mode, ProfitReport profit) {
        if (profit.comparison().previous().empty()) {
            return null;
        }
        ReportingPeriod previous = profit.comparison().previous().period();
        try {
            return b.taxEngine.assess(request(shop, country, mode, previous,
                    new ProfitReport(profit.comparison().previous(), profit.comparison(), List.of(), List.of()),
                    BigDecimal.ZERO));
        } catch (HqException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The warnings this sale reached or crossed: those the running income without it had not. */
    private List<ThresholdWarning> newWarnings(FinanceEvent event, Shop shop, String country, ResolvedTaxMode mode,
            ReportingPeriod period, ProfitReport profit, TaxAssessment after) {
        if (after.warnings().isEmpty()) {
            return List.of();
        }
        BigDecimal sale = event.orderId() == null || b.purchases == null ? null
                : b.purchases.find(shop.id(), event.orderId()).flatMap(p -> p.total()).map(Money::amount).orElse(null);
        if (sale == null) {
            return after.warnings(); // the sale is unknown: everything standing is reported
        }
        TaxAssessment before = b.taxEngine.assess(request(shop, country, mode, period, profit, sale));
        List<ThresholdWarning> fresh = new ArrayList<>();
        for (ThresholdWarning warning : after.warnings()) {
            boolean known = before.warnings().stream()
                    .anyMatch(w -> w.kind() == warning.kind() && w.crossed() == warning.crossed());
            if (!known) {
                fresh.add(warning);
            }
        }
        return fresh;
    }

    private TaxRequest request(Shop shop, String country, ResolvedTaxMode mode, ReportingPeriod period,
            ProfitReport profit, BigDecimal withoutSale) {
        ZoneId zone = shop.zone();
        ProfitTotals totals = profit.current().totals();
        ReportingPeriod year = ReportingPeriod.parse(Integer.toString(period.start().getYear()));
        Instant periodStart = period.startIn(zone);
        @Nullable Money firstHalfIncome = null;
        Money beforePeriod;
        if (period.start().getMonthValue() > 6) {
            // The first half is part of the year before the period: read once, for both sums.
            ReportingPeriod firstHalf = ReportingPeriod.parse(period.start().getYear() + "-H1");
            firstHalfIncome = netSales(shop, firstHalf.startIn(zone), firstHalf.endIn(zone));
            beforePeriod = firstHalfIncome.plus(netSales(shop, firstHalf.endIn(zone), periodStart));
        } else {
            beforePeriod = netSales(shop, year.startIn(zone), periodStart);
        }
        // The period's own net sales are its P&L's revenue, from the same entries (all in the shop's currency, or
        // the P&L would have been refused): adding them up again would read the whole period a second time.
        Money yearToDate = beforePeriod.plus(totals.revenue());
        Money income = totals.revenue();
        if (withoutSale.signum() > 0) {
            yearToDate = yearToDate.minus(Money.of(withoutSale, yearToDate.currency()));
            income = income.minus(Money.of(withoutSale, income.currency()));
        }
        TaxProfile profile = b.profiles.profile(shop, period);
        TaxRequest.Builder request = TaxRequest.builder()
                .country(country).taxMode(mode).legalForm(shop.legalForm()).period(period)
                .income(income)
                .expense(ExpenseKind.MARKETPLACE_COMMISSION, totals.commission())
                .expense(ExpenseKind.DELIVERY, totals.delivery())
                .expense(ExpenseKind.COST_OF_GOODS, totals.costOfGoods())
                .expense(ExpenseKind.OTHER, totals.penalties().plus(totals.otherExpenses()))
                .yearToDateIncome(yearToDate)
                .employees(profile.employees())
                .warningShare(b.warningShare);
        if (firstHalfIncome != null) {
            request.firstHalfYearIncome(firstHalfIncome);
        }
        ReportingPeriod lastYear = year.previous();
        request.previousYearIncome(netSales(shop, lastYear.startIn(zone), lastYear.endIn(zone)));
        if (profile.localRate() != null) {
            request.localRate(profile.localRate());
        }
        if (profile.contributions() != null) {
            request.contributions(profile.contributions());
        }
        return request.build();
    }

    /** Sales less returns and cancellations between two instants, added up by the ledger store. */
    private Money netSales(Shop shop, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return shop.zero(); // e.g. the year before a January period: nothing to ask the store
        }
        BigDecimal net = BigDecimal.ZERO;
        for (LedgerTotal total : b.ledger.totals(shop.id(), from, to)) {
            if (!total.currency().equals(shop.currency())) {
                continue; // the P&L of the period refuses other currencies; other periods' stray entries do not count
            }
            switch (total.kind()) {
                case SALE -> net = net.add(total.amount());
                case RETURN, CANCELLATION -> net = net.subtract(total.amount());
                default -> { }
            }
        }
        return Money.of(net, shop.currency());
    }

    private static String country(Shop shop) {
        return switch (shop.currency().getCurrencyCode()) {
            case "KZT" -> "KZ";
            case "RUB" -> "RU";
            default -> throw new ConfigurationException("shop " + shop.id() + " reports in "
                    + shop.currency().getCurrencyCode() + "; the tax engine knows Kazakhstan (KZT) and Russia (RUB)");
        };
    }

    /** Builds {@link FinancePipelines}. Not thread-safe. */
    public static final class Builder {
        private @Nullable ShopStore shops;
        private @Nullable EventJournal journal;
        private @Nullable RunLog runLog;
        private Transactions transactions = Transactions.NONE;
        private @Nullable LedgerStore ledger;
        private @Nullable CatalogStore catalog;
        private @Nullable PurchaseStore purchases;
        private @Nullable TokenUsageStore tokenUsage;
        private @Nullable ChatModel chatModel;
        private Clock clock = Clock.systemUTC();
        private @Nullable Executor executor;
        private TaxEngine taxEngine = TaxEngine.shipped();
        private ProfitCalculator calculator = ProfitCalculator.create();
        private TaxProfileProvider profiles = TaxProfileProvider.none();
        private @Nullable ModelAgent.Sleeper modelSleeper;
        private @Nullable Duration runLease;
        private @Nullable Duration recoveryInterval;
        private int maxAttempts = AgentPipeline.DEFAULT_MAX_ATTEMPTS;
        private BigDecimal warningShare = TaxRequest.DEFAULT_WARNING_SHARE;
        private final List<PipelineListener> listeners = new ArrayList<>();

        private Builder() {}

        /**
         * Sets the shops. Required.
         *
         * @param shops the shop store
         * @return this builder
         */
        public Builder shops(ShopStore shops) {
            this.shops = Objects.requireNonNull(shops, "shops");
            return this;
        }

        /**
         * Sets the journal. Required.
         *
         * @param journal the journal
         * @return this builder
         */
        public Builder journal(EventJournal journal) {
            this.journal = Objects.requireNonNull(journal, "journal");
            return this;
        }

        /**
         * Sets the run log. Required.
         *
         * @param runLog the run log
         * @return this builder
         */
        public Builder runLog(RunLog runLog) {
            this.runLog = Objects.requireNonNull(runLog, "runLog");
            return this;
        }

        /**
         * Sets how the journal stage's writes commit together. Default none.
         *
         * @param transactions the stores' transactions
         * @return this builder
         */
        public Builder transactions(Transactions transactions) {
            this.transactions = Objects.requireNonNull(transactions, "transactions");
            return this;
        }

        /**
         * Sets the ledger the P&amp;L is computed from. Required.
         *
         * @param ledger the ledger
         * @return this builder
         */
        public Builder ledger(LedgerStore ledger) {
            this.ledger = Objects.requireNonNull(ledger, "ledger");
            return this;
        }

        /**
         * Sets the catalog (names, categories, cost prices). Required.
         *
         * @param catalog the catalog
         * @return this builder
         */
        public Builder catalog(CatalogStore catalog) {
            this.catalog = Objects.requireNonNull(catalog, "catalog");
            return this;
        }

        /**
         * Sets the purchases, to tell which threshold warnings a new sale brought. Optional: without it a
         * {@code new_sale} reports every standing warning.
         *
         * @param purchases the purchase store
         * @return this builder
         */
        public Builder purchases(PurchaseStore purchases) {
            this.purchases = Objects.requireNonNull(purchases, "purchases");
            return this;
        }

        /**
         * Sets where the model's tokens are counted against the shops' budgets. Optional.
         *
         * @param tokenUsage the token usage store
         * @return this builder
         */
        public Builder tokenUsage(TokenUsageStore tokenUsage) {
            this.tokenUsage = Objects.requireNonNull(tokenUsage, "tokenUsage");
            return this;
        }

        /**
         * Sets the model that words the recommendations; {@code null} (the default) keeps the rule-based ones.
         *
         * @param chatModel the model, or {@code null}
         * @return this builder
         */
        public Builder chatModel(@Nullable ChatModel chatModel) {
            this.chatModel = chatModel;
            return this;
        }

        /**
         * Sets the clock. Default system UTC.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the executor of the runs. Default the pipeline's own.
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Sets the tax engine. Default {@link TaxEngine#shipped()}: the shipped rule data and business calendars.
         *
         * @param taxEngine the engine
         * @return this builder
         */
        public Builder taxEngine(TaxEngine taxEngine) {
            this.taxEngine = Objects.requireNonNull(taxEngine, "taxEngine");
            return this;
        }

        /**
         * Sets the P&amp;L calculator. Default {@link ProfitCalculator#create()}.
         *
         * @param calculator the calculator
         * @return this builder
         */
        public Builder calculator(ProfitCalculator calculator) {
            this.calculator = Objects.requireNonNull(calculator, "calculator");
            return this;
        }

        /**
         * Sets where each shop's location rate, employees and contributions come from. Default none known.
         *
         * @param profiles the provider
         * @return this builder
         */
        public Builder taxProfiles(TaxProfileProvider profiles) {
            this.profiles = Objects.requireNonNull(profiles, "profiles");
            return this;
        }

        /**
         * Sets how the model's retries wait. Default real sleeps.
         *
         * @param sleeper the sleeper
         * @return this builder
         */
        public Builder modelSleeper(ModelAgent.Sleeper sleeper) {
            this.modelSleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Sets the share of a regime ceiling or VAT registration threshold at which the report warns. Default
         * {@link TaxRequest#DEFAULT_WARNING_SHARE} (80 %).
         *
         * @param share above 0 and at most 1
         * @return this builder
         * @throws IllegalArgumentException when out of range
         */
        public Builder thresholdWarningShare(BigDecimal share) {
            if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("the warning share must be above 0 and at most 1, got " + share);
            }
            this.warningShare = share;
            return this;
        }

        /**
         * Sets how long a run holds its journal entry before another worker may resume it. Default the
         * pipeline's.
         *
         * @param lease the lease
         * @return this builder
         */
        public Builder runLease(Duration lease) {
            this.runLease = Objects.requireNonNull(lease, "lease");
            return this;
        }

        /**
         * Sets how often lost runs are looked for. Default the pipeline's.
         *
         * @param interval the interval
         * @return this builder
         */
        public Builder recoveryInterval(Duration interval) {
            this.recoveryInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /**
         * Sets how many times a run is attempted in all before it fails for good. Default the pipeline's.
         *
         * @param attempts the attempts, at least 1
         * @return this builder
         */
        public Builder maxAttempts(int attempts) {
            this.maxAttempts = attempts;
            return this;
        }

        /**
         * Adds a listener of the pipeline's stages.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(PipelineListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Builds the factory.
         *
         * @return the factory
         * @throws ConfigurationException naming every missing store
         */
        public FinancePipelines build() {
            List<String> missing = new ArrayList<>();
            if (shops == null) {
                missing.add("shops");
            }
            if (journal == null) {
                missing.add("journal");
            }
            if (runLog == null) {
                missing.add("runLog");
            }
            if (ledger == null) {
                missing.add("ledger");
            }
            if (catalog == null) {
                missing.add("catalog");
            }
            if (!missing.isEmpty()) {
                throw new ConfigurationException("FinancePipelines needs " + String.join(", ", missing));
            }
            return new FinancePipelines(this);
        }
    }
}

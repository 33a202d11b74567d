package dev.aihq.agents.finance;

import dev.aihq.agents.finance.ProductLine.CommissionSource;
import dev.aihq.agents.finance.ProductLine.CostSource;
import dev.aihq.agents.finance.ProductLine.DeliverySource;
import dev.aihq.agents.margin.Margin;
import dev.aihq.agents.margin.MarginCalculator;
import dev.aihq.agents.sales.SalesLanguage;
import dev.aihq.api.Money;
import dev.aihq.api.Sku;
import dev.aihq.api.event.ReportingPeriod;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.store.CatalogStore;
import dev.aihq.api.store.LedgerEntryKind;
import dev.aihq.api.store.LedgerStore;
import dev.aihq.api.store.LedgerTotal;
import dev.aihq.api.store.Product;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.Nullable;

/**
 * Computes a shop's profit and loss for a reporting period from its ledger and catalog, finds the
 * loss-making products and recommends what to do, by code only. Actual figures in the ledger always win
 * over estimates, per product:
 *
 * <ul>
 *   <li><b>Commission</b>: the product's actual {@code COMMISSION} entries less its {@code COMMISSION_REFUND}s
 *       (commission the marketplace gave back on returns); else, when the period has an
 *       actual commission for the whole shop (no SKU), nothing per product (that total is counted once);
 *       else net sales × the category's percent from the shop's schedule
 *       ({@link MarginCalculator#scheduledCommission}).
 *   <li><b>Delivery</b>: the product's actual {@code DELIVERY} entries; else zero, flagged
 *       ({@link DeliverySource#SHOP_TOTAL} or {@link DeliverySource#NO_DATA}).
 *   <li><b>Cost of goods</b>: the product's actual {@code COST_OF_GOODS} entries (an import writes the cost
 *       of the goods sold in the period); else the catalog's cost price × net units; else unknown: the line
 *       has no profit and the totals leave it out of the profit, listing its SKU (see {@link ProfitTotals}).
 * </ul>
 *
 * <p>The line's profit is computed with the sales agent's {@link MarginCalculator} (net sales as the price).
 *
 * <p><b>Loss-making products.</b> A product with a known cost is loss-making when its profit over the
 * period is negative, or when at today's catalog price p its unit profit is: with c the unit cost (catalog
 * cost price, else actual cost / net units), k the commission rate (actual commission / net sales, else the
 * schedule's) and D the period's delivery spread over the units kept (so the shipping of returned orders is
 * borne by the units sold), {@code unit profit = p − c − k·p − D}, computed by {@link MarginCalculator}. The
 * reason is the first {@link LossReason} that holds.
 *
 * <p><b>Recommendations</b>, from the same numbers:
 *
 * <ul>
 *   <li>break-even price {@code (c + D) / (1 − k)} and target price {@code (c + D) / (1 − k − t)}, where t is
 *       the target margin ({@link Builder#targetMarginPercent}, by default the shop's
 *       {@link ShopSettings#minimumMarginPercent()}, the margin below which the sales agent stops offering a
 *       product); each as an increase over p in percent, rounded up to {@link Builder#priceIncreaseStep}
 *       (0.1 % by default) so that the new price always reaches the goal;
 *   <li>a loss-making product whose break-even increase exceeds {@link Builder#maxPriceIncreasePercent}
 *       (30 % by default), or that cannot break even at any price (k ≥ 100 %), is a delisting candidate;
 *       so is an active product in stock that sold nothing in a period when the shop sold;
 *   <li>returns eat the margin when the shipping of returned orders (delivery per shipped unit × returned
 *       units) is at least {@link Builder#returnLossShare} (50 % by default) of what the product would earn
 *       without it;
 *   <li>a product without a cost price is asked for one.
 * </ul>
 *
 * <p>Every amount must be in the shop's currency: another currency in the ledger or the catalog is refused
 * with {@link CurrencyMismatchException}. Stateless and thread-safe once built.
 */
public final class ProfitCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext RATIO = MathContext.DECIMAL128;

    private final BigDecimal maxPriceIncreasePercent;
    private final BigDecimal priceIncreaseStep;
    private final BigDecimal returnLossShare;
    private final @Nullable BigDecimal targetMarginPercent;
    private final int maxUnsoldDelistings;

    private ProfitCalculator(Builder builder) {
        this.maxPriceIncreasePercent = builder.maxPriceIncreasePercent;
        this.priceIncreaseStep = builder.priceIncreaseStep;
        this.returnLossShare = builder.returnLossShare;
        this.targetMarginPercent = builder.targetMarginPercent;
        this.maxUnsoldDelistings = builder.maxUnsoldDelistings;
    }

    /**
     * Returns a calculator with the defaults of {@link Builder}.
     *
     * @return the calculator
     */
    public static ProfitCalculator create() {
        return builder().build();
    }

    /**
     * Starts a builder.
     *
     * @return a builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Computes the report of a period from the stores: this period's and the previous period's profit and
     * loss (both with today's catalog), the loss-making products and the recommendations.
     *
     * @param shop the shop
     * @param period the period
     * @param ledger the ledger
     * @param catalog the catalog
     * @return the report
     * @throws CurrencyMismatchException when an amount is not in the shop's currency
     * @throws dev.aihq.api.error.StoreException when a store fails
     */
    public ProfitReport report(Shop shop, ReportingPeriod period, LedgerStore ledger, CatalogStore catalog) {
        return report(ProfitInput.load(shop, period, ledger, catalog),
                ProfitInput.load(shop, period.previous(), ledger, catalog));
    }

    /**
     * Computes the report of a period from its input and the previous period's.
     *
     * @param current this period's input
     * @param previous the previous period's input, of the same shop
     * @return the report
     * @throws CurrencyMismatchException when an amount is not in the shop's currency
     */
    public ProfitReport report(ProfitInput current, ProfitInput previous) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(previous, "previous");
        if (!current.shop().id().equals(previous.shop().id())) {
            throw new IllegalArgumentException("both periods must be of one shop");
        }
        ProfitAndLoss now = calculate(current);
        ProfitAndLoss before = calculate(previous);
        Analysis analysis = analyse(now, current);
        return new ProfitReport(now, compare(now, before), analysis.lossMakers, analysis.recommendations);
    }

    /**
     * Computes a period's profit and loss.
     *
     * @param input the period's input
     * @return the profit and loss
     * @throws CurrencyMismatchException when an amount is not in the shop's currency
     */
    public ProfitAndLoss calculate(ProfitInput input) {
        Objects.requireNonNull(input, "input");
        Shop shop = input.shop();
        Currency currency = shop.currency();
        Map<Sku, Product> catalog = catalogBySku(input.catalog(), currency);
        Map<LedgerEntryKind, Money> shopWide = new EnumMap<>(LedgerEntryKind.class);
        Map<Sku, Map<LedgerEntryKind, LedgerTotal>> bySku = new TreeMap<>(Comparator.comparing(Sku::value));
        for (LedgerTotal total : input.totals()) {
            if (total.kind() == LedgerEntryKind.PAYOUT) {
                continue; // reconciliation only: the payout settles sales the ledger already counts
            }
            if (!total.currency().equals(currency)) {
                throw new CurrencyMismatchException(currency, total.currency(), "ledger " + total.kind()
                        + (total.sku() == null ? " of the shop" : " of " + total.sku()));
            }
            if (total.sku() == null) {
                shopWide.merge(total.kind(), Money.of(total.amount(), currency), Money::plus);
            } else {
                bySku.computeIfAbsent(total.sku(), sku -> new EnumMap<>(LedgerEntryKind.class))
                        .merge(total.kind(), total, ProfitCalculator::sum);
            }
        }
        boolean shopCommission = shopWide.containsKey(LedgerEntryKind.COMMISSION)
                || shopWide.containsKey(LedgerEntryKind.COMMISSION_REFUND);
        boolean shopDelivery = shopWide.containsKey(LedgerEntryKind.DELIVERY);
        List<ProductLine> lines = new ArrayList<>();
        for (Map.Entry<Sku, Map<LedgerEntryKind, LedgerTotal>> entry : bySku.entrySet()) {
            lines.add(line(shop, entry.getKey(), catalog.get(entry.getKey()), entry.getValue(), shopCommission,
                    shopDelivery));
        }
        return new ProfitAndLoss(shop.id(), input.period(), currency, lines, totals(shop, lines, shopWide));
    }

    private static LedgerTotal sum(LedgerTotal a, LedgerTotal b) {
        return new LedgerTotal(a.sku(), a.kind(), a.currency(), a.quantity().add(b.quantity()),
                a.amount().add(b.amount()), a.entries() + b.entries());
    }

    private static Map<Sku, Product> catalogBySku(List<Product> products, Currency currency) {
        Map<Sku, Product> catalog = new LinkedHashMap<>();
        for (Product product : products) {
            if (!product.price().currency().equals(currency)) {
                throw new CurrencyMismatchException(currency, product.price().currency(),
                        "the catalog price of " + product.sku());
            }
            catalog.put(product.sku(), product);
        }
        return catalog;
    }

    private static ProductLine line(Shop shop, Sku sku, @Nullable Product product,
            Map<LedgerEntryKind, LedgerTotal> totals, boolean shopCommission, boolean shopDelivery) {
        Currency currency = shop.currency();
        ShopSettings settings = shop.settings();
        String category = product == null ? null : product.category();
        // No category (a product no longer in the catalog): the schedule's default percent applies.
        String scheduleCategory = category == null ? "" : category;
        Money gross = amount(totals, LedgerEntryKind.SALE, currency);
        Money returns = amount(totals, LedgerEntryKind.RETURN, currency);
        Money cancellations = amount(totals, LedgerEntryKind.CANCELLATION, currency);
        Money net = gross.minus(returns).minus(cancellations);
        BigDecimal sold = units(totals, LedgerEntryKind.SALE);
        BigDecimal returned = units(totals, LedgerEntryKind.RETURN);
        BigDecimal cancelled = units(totals, LedgerEntryKind.CANCELLATION);

        Money commission;
        CommissionSource commissionSource;
        if (totals.containsKey(LedgerEntryKind.COMMISSION) || totals.containsKey(LedgerEntryKind.COMMISSION_REFUND)) {
            commission = amount(totals, LedgerEntryKind.COMMISSION, currency)
                    .minus(amount(totals, LedgerEntryKind.COMMISSION_REFUND, currency));
            commissionSource = CommissionSource.ACTUAL;
        } else if (shopCommission) {
            commission = Money.zero(currency);
            commissionSource = CommissionSource.SHOP_TOTAL;
        } else {
            commission = MarginCalculator.scheduledCommission(net, scheduleCategory, settings);
            commissionSource = CommissionSource.SCHEDULE;
        }
        Money delivery = amount(totals, LedgerEntryKind.DELIVERY, currency);
        DeliverySource deliverySource = totals.containsKey(LedgerEntryKind.DELIVERY) ? DeliverySource.ACTUAL
                : shopDelivery ? DeliverySource.SHOP_TOTAL : DeliverySource.NO_DATA;

        Money cost;
        CostSource costSource;
        if (totals.containsKey(LedgerEntryKind.COST_OF_GOODS)) {
            cost = amount(totals, LedgerEntryKind.COST_OF_GOODS, currency);
            costSource = CostSource.ACTUAL;
        } else if (product != null && product.costPrice() != null) {
            cost = product.costPrice().times(sold.subtract(returned).subtract(cancelled));
            costSource = CostSource.CATALOG;
        } else {
            cost = null;
            costSource = CostSource.UNKNOWN;
        }
        Money penalties = amount(totals, LedgerEntryKind.PENALTY, currency);
        Money other = amount(totals, LedgerEntryKind.OTHER_EXPENSE, currency);
        Money profit = null;
        if (cost != null) {
            Money afterFees;
            if (net.amount().signum() > 0) {
                // The sales agent's margin arithmetic, on the period's net sales as one price.
                Margin margin = MarginCalculator.of(net, cost, scheduleCategory, settings, commission, delivery)
                        .orElseThrow();
                afterFees = margin.profit();
            } else {
                // Returns of earlier sales only: no price to take a margin of, the same subtraction.
                afterFees = net.minus(cost).minus(commission).minus(delivery);
            }
            profit = afterFees.minus(penalties).minus(other);
        }
        return new ProductLine(sku, product == null ? sku.value() : product.name(), category, sold, returned,
                cancelled, gross, returns, cancellations, commission, commissionSource, delivery, deliverySource,
                cost, costSource, penalties, other, profit);
    }

    private static Money amount(Map<LedgerEntryKind, LedgerTotal> totals, LedgerEntryKind kind, Currency currency) {
        LedgerTotal total = totals.get(kind);
        return total == null ? Money.zero(currency) : Money.of(total.amount(), currency);
    }

    private static BigDecimal units(Map<LedgerEntryKind, LedgerTotal> totals, LedgerEntryKind kind) {
        LedgerTotal total = totals.get(kind);
        return total == null ? BigDecimal.ZERO : total.quantity();
    }

    private static ProfitTotals totals(Shop shop, List<ProductLine> lines, Map<LedgerEntryKind, Money> shopWide) {
        Money zero = shop.zero();
        Money gross = zero;
        Money returns = zero;
        Money cancellations = zero;
        Money commission = shopWide.getOrDefault(LedgerEntryKind.COMMISSION, zero)
                .minus(shopWide.getOrDefault(LedgerEntryKind.COMMISSION_REFUND, zero));
        Money delivery = shopWide.getOrDefault(LedgerEntryKind.DELIVERY, zero);
        Money cost = shopWide.getOrDefault(LedgerEntryKind.COST_OF_GOODS, zero);
        Money penalties = shopWide.getOrDefault(LedgerEntryKind.PENALTY, zero);
        Money other = shopWide.getOrDefault(LedgerEntryKind.OTHER_EXPENSE, zero);
        Money profit = zero.minus(commission).minus(delivery).minus(cost).minus(penalties).minus(other);
        List<Sku> uncosted = new ArrayList<>();
        Money uncostedNet = zero;
        Money uncostedCosts = zero;
        for (ProductLine line : lines) {
            gross = gross.plus(line.grossSales());
            returns = returns.plus(line.returns());
            cancellations = cancellations.plus(line.cancellations());
            commission = commission.plus(line.commission());
            delivery = delivery.plus(line.delivery());
            penalties = penalties.plus(line.penalties());
            other = other.plus(line.otherExpenses());
            if (line.costOfGoods() != null && line.profit() != null) {
                cost = cost.plus(line.costOfGoods());
                profit = profit.plus(line.profit());
            } else {
                uncosted.add(line.sku());
                uncostedNet = uncostedNet.plus(line.netSales());
                uncostedCosts = uncostedCosts.plus(line.commission()).plus(line.delivery()).plus(line.penalties())
                        .plus(line.otherExpenses());
            }
        }
        return new ProfitTotals(gross, returns, cancellations, gross.minus(returns).minus(cancellations), commission,
                delivery, cost, penalties, other, profit, uncosted, uncostedNet, uncostedCosts);
    }

    private static PeriodComparison compare(ProfitAndLoss now, ProfitAndLoss before) {
        ProfitTotals current = now.totals();
        ProfitTotals previous = before.totals();
        BigDecimal marginPoints = current.marginPercent() == null || previous.marginPercent() == null ? null
                : current.marginPercent().subtract(previous.marginPercent());
        List<ProductChange> products = new ArrayList<>();
        for (ProductLine line : now.lines()) {
            before.line(line.sku()).ifPresent(earlier -> products.add(new ProductChange(line.sku(), line.name(),
                    new Change(line.netSales(), earlier.netSales()),
                    line.profit() == null || earlier.profit() == null ? null
                            : new Change(line.profit(), earlier.profit()))));
        }
        return new PeriodComparison(before, new Change(current.netSales(), previous.netSales()),
                new Change(current.profit(), previous.profit()), marginPoints, products);
    }

    private Analysis analyse(ProfitAndLoss pnl, ProfitInput input) {
        Shop shop = input.shop();
        FinanceTexts texts = FinanceTexts.of(SalesLanguage.of(shop));
        BigDecimal target = targetMarginPercent != null ? targetMarginPercent
                : shop.settings().minimumMarginPercent();
        Map<Sku, Product> catalog = catalogBySku(input.catalog(), shop.currency());
        List<LossMaker> lossMakers = new ArrayList<>();
        Map<Sku, List<Recommendation>> byProduct = new LinkedHashMap<>();
        for (ProductLine line : pnl.lines()) {
            List<Recommendation> recommendations = byProduct.computeIfAbsent(line.sku(), sku -> new ArrayList<>());
            if (line.costOfGoods() == null || line.profit() == null) {
                recommendations.add(new Recommendation(Recommendation.Kind.SET_COST_PRICE, line.sku(), line.name(),
                        null, null, line.netSales(), texts.text("recommendation.SET_COST_PRICE", Map.of(
                                "product", line.name(), "net_sales", FinanceTexts.money(line.netSales())))));
                continue;
            }
            UnitEconomics unit = UnitEconomics.of(line, catalog.get(line.sku()), shop.settings());
            boolean lossMaking = line.profit().isNegative() || unit != null && unit.profit().isNegative();
            if (lossMaking) {
                lossMakers.add(lossMaker(line, unit, texts));
            }
            if (unit != null) {
                priceRecommendations(line, unit, lossMaking, target, texts, recommendations);
            }
            returnsRecommendation(line, texts, recommendations);
        }
        if (pnl.totals().grossSales().amount().signum() > 0) {
            // Only the unsold products that tie up the most stock: a catalog of hundreds with a few bestsellers
            // would otherwise bury the report under one line per idle product.
            List<Product> unsold = catalog.values().stream()
                    .filter(product -> product.available()
                            && !pnl.line(product.sku()).map(line -> line.unitsSold().signum() > 0).orElse(false))
                    .sorted(Comparator.comparing((Product product) -> stockValue(product)).reversed()
                            .thenComparing(product -> product.sku().value()))
                    .limit(maxUnsoldDelistings)
                    .toList();
            for (Product product : unsold) {
                byProduct.computeIfAbsent(product.sku(), sku -> new ArrayList<>()).add(new Recommendation(
                        Recommendation.Kind.DELIST, product.sku(), product.name(), null, null, null,
                        texts.text("recommendation.DELIST_NO_SALES", Map.of("product", product.name(),
                                "period", pnl.period().label()))));
            }
        }
        lossMakers.sort(Comparator.comparing((LossMaker loss) -> loss.profit().amount())
                .thenComparing(loss -> loss.sku().value()));
        List<Recommendation> recommendations = new ArrayList<>();
        Set<Sku> done = new HashSet<>();
        for (LossMaker loss : lossMakers) {
            recommendations.addAll(byProduct.get(loss.sku()));
            done.add(loss.sku());
        }
        byProduct.entrySet().stream()
                .filter(entry -> !done.contains(entry.getKey()))
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(Sku::value)))
                .forEach(entry -> recommendations.addAll(entry.getValue()));
        return new Analysis(lossMakers, recommendations);
    }

    private static LossMaker lossMaker(ProductLine line, @Nullable UnitEconomics unit, FinanceTexts texts) {
        Money profit = Objects.requireNonNull(line.profit());
        Money returnLoss = returnLoss(line);
        Money beforeFines = profit.plus(line.penalties()).plus(line.otherExpenses());
        LossReason reason;
        Map<String, String> values = new LinkedHashMap<>();
        if (unit != null && unit.cost().compareTo(unit.price()) >= 0) {
            reason = LossReason.COST_ABOVE_PRICE;
            values.put("cost", FinanceTexts.money(unit.cost()));
            values.put("price", FinanceTexts.money(unit.price()));
        } else if (unit != null && unit.commission().compareTo(unit.price().minus(unit.cost())) >= 0) {
            reason = LossReason.COMMISSION_ABOVE_MARGIN;
            values.put("percent", FinanceTexts.percent(unit.commissionRate().multiply(HUNDRED)
                    .setScale(2, RoundingMode.HALF_UP)));
            values.put("commission", FinanceTexts.money(unit.commission()));
            values.put("margin", FinanceTexts.money(unit.price().minus(unit.cost())));
        } else if (unit != null && unit.deliveryPerShipment()
                .compareTo(unit.price().minus(unit.cost()).minus(unit.commission())) >= 0) {
            reason = LossReason.DELIVERY_ABOVE_MARGIN;
            values.put("delivery", FinanceTexts.money(unit.deliveryPerShipment()));
            values.put("margin", FinanceTexts.money(unit.price().minus(unit.cost()).minus(unit.commission())));
        } else if (returnLoss.amount().signum() > 0 && (profit.plus(returnLoss).amount().signum() >= 0
                || unit != null && unit.profit().plus(unit.returnLossPerUnit()).amount().signum() >= 0)) {
            reason = LossReason.RETURNS_EAT_MARGIN;
            values.put("return_rate", FinanceTexts.percent(Objects.requireNonNull(line.returnRatePercent())));
            values.put("return_loss", FinanceTexts.money(returnLoss));
        } else if (profit.isNegative() && beforeFines.amount().signum() >= 0
                && beforeFines.compareTo(profit) > 0) {
            reason = LossReason.PENALTIES;
            values.put("penalties", FinanceTexts.money(line.penalties().plus(line.otherExpenses())));
            values.put("profit_before", FinanceTexts.money(beforeFines));
        } else {
            reason = LossReason.PERIOD_LOSS;
            values.put("loss", FinanceTexts.money(profit.isNegative() ? zeroMinus(profit) : profit));
        }
        return new LossMaker(line.sku(), line.name(), reason, profit, unit == null ? null : unit.profit(),
                texts.text("reason." + reason.name(), values));
    }

    private static Money zeroMinus(Money amount) {
        return Money.zero(amount.currency()).minus(amount);
    }

    private void priceRecommendations(ProductLine line, UnitEconomics unit, boolean lossMaking, BigDecimal target,
            FinanceTexts texts, List<Recommendation> recommendations) {
        if (lossMaking) {
            BigDecimal breakEven = unit.increaseToMargin(BigDecimal.ZERO, priceIncreaseStep);
            if (breakEven == null || breakEven.compareTo(maxPriceIncreasePercent) > 0) {
                recommendations.add(new Recommendation(Recommendation.Kind.DELIST, line.sku(), line.name(), breakEven,
                        null, line.profit(), texts.text("recommendation.DELIST", Map.of("product", line.name(),
                                "cap", FinanceTexts.percent(maxPriceIncreasePercent)))));
                return;
            }
            if (breakEven.signum() > 0) {
                recommendations.add(raise(Recommendation.Kind.RAISE_PRICE_TO_BREAK_EVEN, line, unit, breakEven, target,
                        texts));
            }
        }
        if (!unit.margin().atLeast(target)) {
            BigDecimal toTarget = unit.increaseToMargin(target, priceIncreaseStep);
            if (toTarget != null && toTarget.signum() > 0) {
                recommendations.add(raise(Recommendation.Kind.RAISE_PRICE_TO_TARGET_MARGIN, line, unit, toTarget,
                        target, texts));
            }
        }
    }

    private static Recommendation raise(Recommendation.Kind kind, ProductLine line, UnitEconomics unit,
            BigDecimal percent, BigDecimal target, FinanceTexts texts) {
        Money price = ProfitAndLoss.present(unit.price().times(BigDecimal.ONE.add(percent.movePointLeft(2))));
        return new Recommendation(kind, line.sku(), line.name(), percent, price, null, texts.text(
                "recommendation." + kind.name(), Map.of("product", line.name(), "percent", FinanceTexts.percent(percent),
                        "price", FinanceTexts.money(price), "target", FinanceTexts.percent(target))));
    }

    private void returnsRecommendation(ProductLine line, FinanceTexts texts, List<Recommendation> recommendations) {
        Money returnLoss = returnLoss(line);
        Money profit = Objects.requireNonNull(line.profit());
        Money withoutReturns = profit.plus(returnLoss);
        if (returnLoss.amount().signum() <= 0 || withoutReturns.amount().signum() <= 0
                || returnLoss.amount().compareTo(withoutReturns.amount().multiply(returnLossShare)) < 0) {
            return;
        }
        BigDecimal rate = Objects.requireNonNull(line.returnRatePercent());
        recommendations.add(new Recommendation(Recommendation.Kind.REDUCE_RETURNS, line.sku(), line.name(), rate, null,
                returnLoss, texts.text("recommendation.REDUCE_RETURNS", Map.of("product", line.name(),
                        "return_rate", FinanceTexts.percent(rate), "return_loss", FinanceTexts.money(returnLoss),
                        "profit_before", FinanceTexts.money(withoutReturns)))));
    }

    /**
     * The shipping spent on orders that came back: the period's delivery per shipped unit × returned units.
     * The refund itself is not a loss: the goods come back, and neither their cost nor a commission is counted.
     */
    private static Money returnLoss(ProductLine line) {
        if (line.unitsSold().signum() <= 0 || line.unitsReturned().signum() <= 0) {
            return Money.zero(line.delivery().currency());
        }
        BigDecimal returned = line.unitsReturned().min(line.unitsSold());
        return Money.of(line.delivery().amount().multiply(returned).divide(line.unitsSold(), RATIO),
                line.delivery().currency());
    }

    /** The loss-making products and the recommendations of a period. */
    /** The money tied up in a product's stock: units × cost price, or × price when the cost is unknown. */
    private static BigDecimal stockValue(Product product) {
        Money unit = product.costPrice() != null ? product.costPrice() : product.price();
        return unit.amount().multiply(BigDecimal.valueOf(product.stock()));
    }

    private record Analysis(List<LossMaker> lossMakers, List<Recommendation> recommendations) {}

    /** Configures a {@link ProfitCalculator}. Not thread-safe. */
    public static final class Builder {
        private BigDecimal maxPriceIncreasePercent = BigDecimal.valueOf(30);
        private BigDecimal priceIncreaseStep = new BigDecimal("0.1");
        private BigDecimal returnLossShare = new BigDecimal("0.5");
        private @Nullable BigDecimal targetMarginPercent;
        private int maxUnsoldDelistings = 5;

        private Builder() {}

        /**
         * Sets how many unsold products are recommended for delisting at most: those that tie up the most
         * stock (units × cost price) come first.
         *
         * @param max the most, 0 for none; default 5
         * @return this builder
         */
        public Builder maxUnsoldDelistings(int max) {
            if (max < 0) {
                throw new IllegalArgumentException("the most unsold delistings must not be negative, got " + max);
            }
            this.maxUnsoldDelistings = max;
            return this;
        }

        /**
         * Sets the largest price increase recommended; a loss-making product that needs more to break even
         * is a delisting candidate instead.
         *
         * @param percent the cap in percent, positive; default 30
         * @return this builder
         */
        public Builder maxPriceIncreasePercent(BigDecimal percent) {
            Objects.requireNonNull(percent, "percent");
            if (percent.signum() <= 0) {
                throw new IllegalArgumentException("the largest price increase must be positive, got " + percent);
            }
            this.maxPriceIncreasePercent = percent;
            return this;
        }

        /**
         * Sets the step price increases are rounded up to, so that the new price reaches its goal.
         *
         * @param percent the step in percentage points, positive; default 0.1
         * @return this builder
         */
        public Builder priceIncreaseStep(BigDecimal percent) {
            Objects.requireNonNull(percent, "percent");
            if (percent.signum() <= 0) {
                throw new IllegalArgumentException("the price increase step must be positive, got " + percent);
            }
            this.priceIncreaseStep = percent;
            return this;
        }

        /**
         * Sets the share of a product's profit before returns that the shipping of returned orders must take
         * for the returns to count as eating the margin.
         *
         * @param share a fraction in (0, 1]; default 0.5
         * @return this builder
         */
        public Builder returnLossShare(BigDecimal share) {
            Objects.requireNonNull(share, "share");
            if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("the return loss share must be in (0, 1], got " + share);
            }
            this.returnLossShare = share;
            return this;
        }

        /**
         * Sets the margin the price recommendations aim for, instead of each shop's
         * {@link ShopSettings#minimumMarginPercent()}.
         *
         * @param percent the margin in percent of the price, 0–100, or {@code null} for the shop's
         * @return this builder
         */
        public Builder targetMarginPercent(@Nullable BigDecimal percent) {
            if (percent != null && (percent.signum() < 0 || percent.compareTo(HUNDRED) >= 0)) {
                throw new IllegalArgumentException("the target margin must be within 0-100 percent, got " + percent);
            }
            this.targetMarginPercent = percent;
            return this;
        }

        /**
         * Builds the calculator.
         *
         * @return the calculator
         */
        public ProfitCalculator build() {
            return new ProfitCalculator(this);
        }
    }
}

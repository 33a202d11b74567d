package dev.aihq.agents.finance;

import static dev.aihq.testkit.Fixtures.CHARGER;
import static dev.aihq.testkit.Fixtures.EARBUDS;
import static dev.aihq.testkit.Fixtures.PHONE_CASE;
import static dev.aihq.testkit.Fixtures.SCREEN_GLASS;
import static dev.aihq.testkit.Fixtures.SHOP_ID;
import static dev.aihq.testkit.Fixtures.SMARTPHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.agents.finance.ProductLine.CommissionSource;
import dev.aihq.agents.finance.ProductLine.CostSource;
import dev.aihq.agents.finance.ProductLine.DeliverySource;
import dev.aihq.api.Marketplace;
import dev.aihq.api.Money;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.api.event.ReportingPeriod;
import dev.aihq.api.shop.LegalForm;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.shop.TaxMode;
import dev.aihq.api.store.LedgerEntry;
import dev.aihq.api.store.LedgerEntryKind;
import dev.aihq.api.store.Product;
import dev.aihq.pipeline.memory.InMemoryCatalogStore;
import dev.aihq.pipeline.memory.InMemoryLedgerStore;
import dev.aihq.testkit.Fixtures;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.annotation.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProfitCalculatorTest {

    private static final ReportingPeriod JANUARY = ReportingPeriod.parse("2026-01");
    private static final ReportingPeriod FEBRUARY = ReportingPeriod.parse("2026-02");
    /** 10 February 2026, 15:00 in Almaty. */
    private static final Instant MID_FEBRUARY = Instant.parse("2026-02-10T10:00:00Z");
    private static final Sku IPHONE_CASE = Sku.of("CASE-IPH-15");

    private final InMemoryLedgerStore ledger = new InMemoryLedgerStore();
    private final InMemoryCatalogStore catalog = new InMemoryCatalogStore();
    private final ProfitCalculator calculator = ProfitCalculator.create();
    private Shop shop;
    private int keys;

    @BeforeEach
    void setUp() {
        // Commission 8 % for smartphones, 15 % for accessories, 12 % otherwise; target margin 12.5 %
        shop = Fixtures.kaspiShop().settings(Fixtures.fullSettings()).build();
        Fixtures.catalog(SHOP_ID).forEach(catalog::save);
    }

    @Test
    void aWorkedMonthReproducesTheHandComputedFigures() {
        // smartphone: 2 sold, 1 returned, actual commission and delivery
        record(LedgerEntryKind.SALE, SMARTPHONE, 2, "379980");
        record(LedgerEntryKind.RETURN, SMARTPHONE, 1, "189990");
        record(LedgerEntryKind.COMMISSION, SMARTPHONE, 0, "15199.20");
        record(LedgerEntryKind.DELIVERY, SMARTPHONE, 0, "4000");
        // case: 10 sold, commission estimated at 15 %, no delivery data
        record(LedgerEntryKind.SALE, PHONE_CASE, 10, "49900");
        // charger: no cost price anywhere
        record(LedgerEntryKind.SALE, CHARGER, 3, "22470");
        // earbuds: commission estimated at the default 12 %, a fine
        record(LedgerEntryKind.SALE, EARBUDS, 1, "39990");
        record(LedgerEntryKind.PENALTY, EARBUDS, 0, "2000");
        // advertising for the whole shop
        record(LedgerEntryKind.OTHER_EXPENSE, null, 0, "10000");

        ProfitAndLoss pnl = calculator.calculate(ProfitInput.load(shop, FEBRUARY, ledger, catalog));

        ProductLine phone = pnl.line(SMARTPHONE).orElseThrow();
        assertThat(phone.netSales()).isEqualTo(Money.kzt(189_990));
        assertThat(phone.netUnits()).isEqualByComparingTo("1");
        assertThat(phone.commissionSource()).isEqualTo(CommissionSource.ACTUAL);
        assertThat(phone.costOfGoods()).isEqualTo(Money.kzt(151_000));
        assertThat(phone.costSource()).isEqualTo(CostSource.CATALOG);
        // 189 990 − 15 199.20 − 4 000 − 151 000
        assertThat(phone.profit()).isEqualTo(Money.of("19790.80", Money.KZT));
        assertThat(phone.marginPercent()).isEqualByComparingTo("10.42");
        assertThat(phone.returnRatePercent()).isEqualByComparingTo("50");

        ProductLine cases = pnl.line(PHONE_CASE).orElseThrow();
        // 49 900 × 15 % = 7 485; 1 200 × 10 = 12 000
        assertThat(cases.commission()).isEqualTo(Money.kzt(7_485));
        assertThat(cases.commissionSource()).isEqualTo(CommissionSource.SCHEDULE);
        assertThat(cases.deliverySource()).isEqualTo(DeliverySource.NO_DATA);
        assertThat(cases.profit()).isEqualTo(Money.kzt(30_415));

        ProductLine buds = pnl.line(EARBUDS).orElseThrow();
        // 39 990 − 4 798.80 − 27 500 − 2 000
        assertThat(buds.profit()).isEqualTo(Money.of("5691.20", Money.KZT));

        ProfitTotals totals = pnl.totals();
        assertThat(totals.grossSales()).isEqualTo(Money.kzt(492_340));
        assertThat(totals.returns()).isEqualTo(Money.kzt(189_990));
        assertThat(totals.revenue()).isEqualTo(Money.kzt(302_350));
        // 15 199.20 + 7 485 + 3 370.50 (charger, 15 %) + 4 798.80
        assertThat(totals.commission()).isEqualTo(Money.of("30853.50", Money.KZT));
        assertThat(totals.delivery()).isEqualTo(Money.kzt(4_000));
        assertThat(totals.costOfGoods()).isEqualTo(Money.kzt(190_500));
        assertThat(totals.penalties()).isEqualTo(Money.kzt(2_000));
        assertThat(totals.otherExpenses()).isEqualTo(Money.kzt(10_000));
        // 19 790.80 + 30 415 + 5 691.20 − 10 000; the charger is left out
        assertThat(totals.profit()).isEqualTo(Money.kzt(45_897));
        assertThat(totals.complete()).isFalse();
        assertThat(totals.uncostedSkus()).containsExactly(CHARGER);
        assertThat(totals.uncostedNetSales()).isEqualTo(Money.kzt(22_470));
        // 45 897 / (302 350 − 22 470)
        assertThat(totals.marginPercent()).isEqualByComparingTo("16.40");
    }

    @Test
    void theSeedsExampleIsAProfitOf420000OnRevenueOf1250000() {
        Shop wb = Shop.builder(ShopId.of("wb_1"), Marketplace.WILDBERRIES).legalForm(LegalForm.IP)
                .taxMode(TaxMode.RU_USN_INCOME_MINUS_EXPENSES).build();
        Sku sku = Sku.of("WB-1");
        record(wb, LedgerEntryKind.SALE, sku, 50, "1250000", MID_FEBRUARY);
        record(wb, LedgerEntryKind.COMMISSION, sku, 0, "187500", MID_FEBRUARY);
        record(wb, LedgerEntryKind.DELIVERY, sku, 0, "62500", MID_FEBRUARY);
        record(wb, LedgerEntryKind.COST_OF_GOODS, sku, 50, "500000", MID_FEBRUARY);
        record(wb, LedgerEntryKind.PENALTY, sku, 0, "5000", MID_FEBRUARY);
        record(wb, LedgerEntryKind.OTHER_EXPENSE, null, 0, "75000", MID_FEBRUARY);

        ProfitTotals totals = calculator.calculate(ProfitInput.load(wb, FEBRUARY, ledger, catalog)).totals();

        assertThat(totals.revenue()).isEqualTo(Money.rub(1_250_000));
        assertThat(totals.expenses()).isEqualTo(Money.rub(830_000));
        assertThat(totals.profit()).isEqualTo(Money.rub(420_000));
        assertThat(totals.complete()).isTrue();
        assertThat(totals.marginPercent()).isEqualByComparingTo("33.60");
    }

    @Test
    void commissionGivenBackOnAReturnLowersTheActualCommissionPerProductAndShopWide() {
        Shop wb = Shop.builder(ShopId.of("wb_2"), Marketplace.WILDBERRIES).legalForm(LegalForm.IP)
                .taxMode(TaxMode.RU_USN_INCOME).build();
        Sku sku = Sku.of("WB-2");
        record(wb, LedgerEntryKind.SALE, sku, 2, "2500", MID_FEBRUARY);
        record(wb, LedgerEntryKind.COMMISSION, sku, 0, "482.38", MID_FEBRUARY);
        record(wb, LedgerEntryKind.RETURN, sku, 1, "1250", MID_FEBRUARY);
        record(wb, LedgerEntryKind.COMMISSION_REFUND, sku, 0, "241.19", MID_FEBRUARY);
        record(wb, LedgerEntryKind.COMMISSION, null, 0, "100", MID_FEBRUARY);
        record(wb, LedgerEntryKind.COMMISSION_REFUND, null, 0, "30", MID_FEBRUARY);

        ProfitAndLoss pnl = calculator.calculate(ProfitInput.load(wb, FEBRUARY, ledger, catalog));

        ProductLine line = pnl.line(sku).orElseThrow();
        assertThat(line.commission()).isEqualTo(Money.of("241.19", Money.RUB));
        assertThat(line.commissionSource()).isEqualTo(ProductLine.CommissionSource.ACTUAL);
        assertThat(pnl.totals().commission()).isEqualTo(Money.of("311.19", Money.RUB));
    }

    @Test
    void periodsStartAndEndAtMidnightInTheShopsZone() {
        // 31 January 23:30 in Almaty is 18:30 UTC: January; 1 February 00:30 Almaty is 19:30 UTC: February
        record(shop, LedgerEntryKind.SALE, PHONE_CASE, 1, "4990", Instant.parse("2026-01-31T18:30:00Z"));
        record(shop, LedgerEntryKind.SALE, PHONE_CASE, 2, "9980", Instant.parse("2026-01-31T19:30:00Z"));
        // 30 June 23:59:59 Almaty and 1 July 00:00 Almaty
        record(shop, LedgerEntryKind.SALE, PHONE_CASE, 4, "19960", Instant.parse("2026-06-30T18:59:59Z"));
        record(shop, LedgerEntryKind.SALE, PHONE_CASE, 8, "39920", Instant.parse("2026-06-30T19:00:00Z"));
        // 31 December 2025 23:00 Almaty
        record(shop, LedgerEntryKind.SALE, PHONE_CASE, 16, "79840", Instant.parse("2025-12-31T18:00:00Z"));

        assertThat(unitsSold(JANUARY)).isEqualByComparingTo("1");
        assertThat(unitsSold(FEBRUARY)).isEqualByComparingTo("2");
        assertThat(unitsSold(ReportingPeriod.parse("2026-H1"))).isEqualByComparingTo("7");
        assertThat(unitsSold(ReportingPeriod.parse("2026-H2"))).isEqualByComparingTo("8");
        assertThat(unitsSold(ReportingPeriod.parse("2026-Q1"))).isEqualByComparingTo("3");
        assertThat(unitsSold(ReportingPeriod.parse("2026"))).isEqualByComparingTo("15");
        assertThat(unitsSold(ReportingPeriod.parse("2025"))).isEqualByComparingTo("16");
    }

    @Test
    void aReturnInALaterPeriodReducesThatPeriodAndLeavesTheSaleAlone() {
        record(shop, LedgerEntryKind.SALE, PHONE_CASE, 2, "9980", Instant.parse("2026-01-20T06:00:00Z"));
        record(shop, LedgerEntryKind.RETURN, PHONE_CASE, 1, "4990", MID_FEBRUARY);

        ProfitAndLoss january = calculator.calculate(ProfitInput.load(shop, JANUARY, ledger, catalog));
        ProfitAndLoss february = calculator.calculate(ProfitInput.load(shop, FEBRUARY, ledger, catalog));

        assertThat(january.totals().revenue()).isEqualTo(Money.kzt(9_980));
        ProductLine returned = february.line(PHONE_CASE).orElseThrow();
        assertThat(returned.unitsSold()).isEqualByComparingTo("0");
        assertThat(returned.netSales()).isEqualTo(Money.kzt(-4_990));
        assertThat(february.totals().revenue()).isEqualTo(Money.kzt(-4_990));
        // the case comes back to stock (−1 200) and the estimated commission is refunded (−748.50)
        assertThat(returned.costOfGoods()).isEqualTo(Money.kzt(-1_200));
        assertThat(returned.commission()).isEqualTo(Money.of("-748.50", Money.KZT));
        assertThat(returned.profit()).isEqualTo(Money.of("-3041.50", Money.KZT));
        assertThat(returned.returnRatePercent()).isNull();
    }

    @Test
    void aProductWithoutACostPriceIsFlaggedAndLeftOutOfTheProfitNotCountedAsFree() {
        record(LedgerEntryKind.SALE, CHARGER, 2, "14980");

        ProfitReport report = calculator.report(shop, FEBRUARY, ledger, catalog);

        ProductLine charger = report.current().line(CHARGER).orElseThrow();
        assertThat(charger.costSource()).isEqualTo(CostSource.UNKNOWN);
        assertThat(charger.costOfGoods()).isNull();
        assertThat(charger.profit()).isNull();
        assertThat(charger.marginPercent()).isNull();
        ProfitTotals totals = report.current().totals();
        assertThat(totals.revenue()).isEqualTo(Money.kzt(14_980));
        assertThat(totals.profit()).isEqualTo(Money.kzt(0));
        assertThat(totals.marginPercent()).isNull();
        assertThat(totals.uncostedSkus()).containsExactly(CHARGER);
        assertThat(report.lossMakers()).isEmpty();
        assertThat(report.recommendations()).filteredOn(r -> r.sku().equals(CHARGER)).singleElement()
                .satisfies(r -> {
                    assertThat(r.kind()).isEqualTo(Recommendation.Kind.SET_COST_PRICE);
                    assertThat(r.text()).isEqualTo("Указать себестоимость «Сетевое зарядное устройство 25 Вт»: без неё"
                            + " прибыль по товару не считается (выручка 14 980 ₸)");
                });
    }

    @Test
    void actualCostsOverrideTheEstimatesAndAShopWideCommissionIsNotEstimatedAgain() {
        record(LedgerEntryKind.SALE, PHONE_CASE, 10, "49900");
        record(LedgerEntryKind.COMMISSION, PHONE_CASE, 0, "5000");
        record(LedgerEntryKind.COST_OF_GOODS, PHONE_CASE, 10, "11000");
        record(LedgerEntryKind.SALE, SCREEN_GLASS, 10, "24900");
        record(LedgerEntryKind.SALE, CHARGER, 1, "7490");
        record(LedgerEntryKind.COST_OF_GOODS, CHARGER, 1, "3000");

        ProfitAndLoss withProductCommission = calculator.calculate(ProfitInput.load(shop, FEBRUARY, ledger, catalog));

        ProductLine cases = withProductCommission.line(PHONE_CASE).orElseThrow();
        assertThat(cases.commission()).isEqualTo(Money.kzt(5_000));
        assertThat(cases.commissionSource()).isEqualTo(CommissionSource.ACTUAL);
        assertThat(cases.costOfGoods()).isEqualTo(Money.kzt(11_000));
        assertThat(cases.costSource()).isEqualTo(CostSource.ACTUAL);
        assertThat(cases.profit()).isEqualTo(Money.kzt(33_900));
        // the charger has no catalog cost price, but an imported invoice
        assertThat(withProductCommission.line(CHARGER).orElseThrow().costSource()).isEqualTo(CostSource.ACTUAL);
        assertThat(withProductCommission.totals().complete()).isTrue();
        assertThat(withProductCommission.line(SCREEN_GLASS).orElseThrow().commission())
                .isEqualTo(Money.of("3735", Money.KZT));

        // a finance report's commission for the whole shop replaces the estimates of the products without one
        record(LedgerEntryKind.COMMISSION, null, 0, "9000");
        ProfitAndLoss withShopCommission = calculator.calculate(ProfitInput.load(shop, FEBRUARY, ledger, catalog));

        ProductLine glass = withShopCommission.line(SCREEN_GLASS).orElseThrow();
        assertThat(glass.commissionSource()).isEqualTo(CommissionSource.SHOP_TOTAL);
        assertThat(glass.commission()).isEqualTo(Money.kzt(0));
        assertThat(withShopCommission.totals().commission()).isEqualTo(Money.kzt(14_000));
    }

    @Test
    void aSecondCurrencyInTheLedgerIsRefusedNamingBoth() {
        record(LedgerEntryKind.SALE, PHONE_CASE, 1, "4990");
        ledger.record(new LedgerEntry(SHOP_ID, "sale:rub", LedgerEntryKind.SALE, MID_FEBRUARY, PHONE_CASE, null,
                BigDecimal.ONE, Money.rub(900), "import:sales.csv"));

        assertThatThrownBy(() -> calculator.calculate(ProfitInput.load(shop, FEBRUARY, ledger, catalog)))
                .isInstanceOf(CurrencyMismatchException.class)
                .hasMessageContaining("RUB").hasMessageContaining("KZT").hasMessageContaining(PHONE_CASE.value())
                .satisfies(e -> {
                    assertThat(((CurrencyMismatchException) e).expected()).isEqualTo(Money.KZT);
                    assertThat(((CurrencyMismatchException) e).found()).isEqualTo(Money.RUB);
                });
    }

    @Test
    void aCatalogPriceInAnotherCurrencyIsRefused() {
        Shop rubles = shop.toBuilder().currency(Money.RUB).build();

        assertThatThrownBy(() -> calculator.calculate(ProfitInput.load(rubles, FEBRUARY, ledger, catalog)))
                .isInstanceOf(CurrencyMismatchException.class)
                .hasMessageContaining("KZT").hasMessageContaining("RUB");
    }

    @Test
    void aCommissionAboveTheMarginIsTheSeedsReasonWithTheBreakEvenAndTargetIncreases() {
        // 35 900 − 32 800 = 3 100 of margin; 12 % commission is 4 308
        Shop plain = shop.toBuilder().settings(ShopSettings.defaults()).build();
        catalog.save(new Product(SHOP_ID, IPHONE_CASE, "Чехол iPhone", "Чехлы", Money.kzt(35_900), Money.kzt(32_800),
                5, true));
        record(plain, LedgerEntryKind.SALE, IPHONE_CASE, 1, "35900", MID_FEBRUARY);

        ProfitReport report = calculator.report(plain, FEBRUARY, ledger, catalog);

        LossMaker loss = report.lossMakers().get(0);
        assertThat(loss.reason()).isEqualTo(LossReason.COMMISSION_ABOVE_MARGIN);
        assertThat(loss.profit()).isEqualTo(Money.kzt(-1_208));
        assertThat(loss.text()).isEqualTo("Комиссия (12 %, 4 308 ₸) выше маржи (3 100 ₸)");
        assertThat(report.lossProducts().get(0).product()).isEqualTo("Чехол iPhone");
        // break even at 32 800 / 0.88 = 37 272.73: +3.82 %, rounded up to 3.9 %
        Recommendation breakEven = report.recommendations().get(0);
        assertThat(breakEven.kind()).isEqualTo(Recommendation.Kind.RAISE_PRICE_TO_BREAK_EVEN);
        assertThat(breakEven.percent()).isEqualByComparingTo("3.9");
        assertThat(breakEven.price()).isEqualTo(Money.of("37300.10", Money.KZT));
        assertThat(breakEven.text())
                .isEqualTo("Поднять цену «Чехол iPhone» на 3,9 % (до 37 300,10 ₸), чтобы выйти в ноль");
        // a 10 % margin at 32 800 / 0.78 = 42 051.28: +17.13 %, rounded up to 17.2 %
        Recommendation target = report.recommendations().get(1);
        assertThat(target.kind()).isEqualTo(Recommendation.Kind.RAISE_PRICE_TO_TARGET_MARGIN);
        assertThat(target.percent()).isEqualByComparingTo("17.2");
        assertThat(target.text()).endsWith("чтобы маржа была не ниже 10 %");
    }

    @Test
    void deliveryAboveTheMarginNeedsASevenPercentIncrease() {
        // 10 000 − 8 000 − 1 200 (12 %) = 800 left; delivery 1 416 a unit; break even (8 000 + 1 416) / 0.88
        Shop plain = shop.toBuilder().settings(ShopSettings.defaults()).build();
        catalog.save(new Product(SHOP_ID, IPHONE_CASE, "Чехол iPhone", "Чехлы", Money.kzt(10_000), Money.kzt(8_000),
                5, true));
        record(plain, LedgerEntryKind.SALE, IPHONE_CASE, 4, "40000", MID_FEBRUARY);
        record(plain, LedgerEntryKind.DELIVERY, IPHONE_CASE, 0, "5664", MID_FEBRUARY);

        ProfitReport report = calculator.report(plain, FEBRUARY, ledger, catalog);

        assertThat(report.lossMakers()).singleElement().satisfies(loss -> {
            assertThat(loss.reason()).isEqualTo(LossReason.DELIVERY_ABOVE_MARGIN);
            assertThat(loss.profit()).isEqualTo(Money.kzt(-2_464));
            assertThat(loss.unitProfit()).isEqualTo(Money.kzt(-616));
            assertThat(loss.text()).isEqualTo("Доставка (1 416 ₸ за единицу) выше маржи после комиссии (800 ₸)");
        });
        assertThat(report.recommendations().get(0).percent()).isEqualByComparingTo("7");
        assertThat(report.recommendationTexts().get(0))
                .isEqualTo("Поднять цену «Чехол iPhone» на 7 % (до 10 700 ₸), чтобы выйти в ноль");
    }

    @Test
    void aProductThatCannotBreakEvenWithinTheCapIsADelistingCandidate() {
        // cost 6 000 above the price 5 000; break even at 6 000 / 0.88 = 6 818.18: +36.4 % > 30 %
        Shop plain = shop.toBuilder().settings(ShopSettings.defaults()).build();
        catalog.save(new Product(SHOP_ID, IPHONE_CASE, "Чехол iPhone", "Чехлы", Money.kzt(5_000), Money.kzt(6_000),
                5, true));
        record(plain, LedgerEntryKind.SALE, IPHONE_CASE, 1, "5000", MID_FEBRUARY);

        ProfitReport report = calculator.report(plain, FEBRUARY, ledger, catalog);
        ProfitReport generous = ProfitCalculator.builder().maxPriceIncreasePercent(BigDecimal.valueOf(40)).build()
                .report(plain, FEBRUARY, ledger, catalog);

        assertThat(report.lossMakers().get(0).reason()).isEqualTo(LossReason.COST_ABOVE_PRICE);
        assertThat(report.lossMakers().get(0).text()).isEqualTo("Себестоимость (6 000 ₸) выше цены (5 000 ₸)");
        Recommendation delist = report.recommendations().get(0);
        assertThat(delist.kind()).isEqualTo(Recommendation.Kind.DELIST);
        assertThat(delist.percent()).isEqualByComparingTo("36.4");
        assertThat(delist.text()).isEqualTo("Убрать «Чехол iPhone» из ассортимента: в ноль не выходит даже при "
                + "повышении цены на 30 %");
        assertThat(generous.recommendations().get(0).kind()).isEqualTo(Recommendation.Kind.RAISE_PRICE_TO_BREAK_EVEN);
        // the other catalog products in stock sold nothing while the shop sold: delisting candidates too
        assertThat(report.recommendations()).filteredOn(r -> r.sku().equals(SCREEN_GLASS)).singleElement()
                .satisfies(r -> assertThat(r.text()).isEqualTo("Убрать «Защитное стекло для Galaxy A55» из "
                        + "ассортимента: нет продаж за 2026-02"));
    }

    @Test
    void returnsThatEatTheMarginAreTheReasonAndARecommendation() {
        // 10 shipped at 1 000 delivery each, 7 came back: 7 000 of shipping lost, profit −1 600 instead of 5 400
        Shop plain = shop.toBuilder().settings(ShopSettings.defaults()).build();
        catalog.save(new Product(SHOP_ID, IPHONE_CASE, "Чехол iPhone", "Чехлы", Money.kzt(10_000), Money.kzt(6_000),
                5, true));
        record(plain, LedgerEntryKind.SALE, IPHONE_CASE, 10, "100000", MID_FEBRUARY);
        record(plain, LedgerEntryKind.RETURN, IPHONE_CASE, 7, "70000", MID_FEBRUARY);
        record(plain, LedgerEntryKind.DELIVERY, IPHONE_CASE, 0, "10000", MID_FEBRUARY);

        ProfitReport report = calculator.report(plain, FEBRUARY, ledger, catalog);

        LossMaker loss = report.lossMakers().get(0);
        assertThat(loss.profit()).isEqualTo(Money.kzt(-1_600));
        assertThat(loss.reason()).isEqualTo(LossReason.RETURNS_EAT_MARGIN);
        assertThat(loss.text()).isEqualTo("Возвраты съедают маржу: 70 % заказов возвращены, на доставке возвратов "
                + "потеряно 7 000 ₸");
        // break even with 10 000 / 3 of delivery per unit kept: (6 000 + 3 333.33) / 0.88 = 10 606.06, +6.1 %
        assertThat(report.recommendations()).filteredOn(r -> r.sku().equals(IPHONE_CASE))
                .extracting(Recommendation::kind).containsExactly(
                Recommendation.Kind.RAISE_PRICE_TO_BREAK_EVEN, Recommendation.Kind.RAISE_PRICE_TO_TARGET_MARGIN,
                Recommendation.Kind.REDUCE_RETURNS);
        assertThat(report.recommendations().get(0).percent()).isEqualByComparingTo("6.1");
        Recommendation returns = report.recommendations().get(2);
        assertThat(returns.percent()).isEqualByComparingTo("70");
        assertThat(returns.amount()).isEqualTo(Money.kzt(7_000));
    }

    @Test
    void aKazakhShopGetsItsReasonsInKazakh() {
        Shop kazakh = shop.toBuilder().settings(ShopSettings.defaults()).locale(Locale.forLanguageTag("kk")).build();
        catalog.save(new Product(SHOP_ID, IPHONE_CASE, "Чехол iPhone", "Чехлы", Money.kzt(35_900), Money.kzt(32_800),
                5, true));
        record(kazakh, LedgerEntryKind.SALE, IPHONE_CASE, 1, "35900", MID_FEBRUARY);

        ProfitReport report = calculator.report(kazakh, FEBRUARY, ledger, catalog);

        assertThat(report.lossMakers().get(0).text()).isEqualTo("Комиссия (12 %, 4 308 ₸) маржадан (3 100 ₸) жоғары");
        assertThat(report.recommendationTexts().get(0)).startsWith("«Чехол iPhone» бағасын 3,9 % көтеру");
    }

    @Test
    void thePreviousPeriodIsComparedInTotalAndPerProduct() {
        record(shop, LedgerEntryKind.SALE, PHONE_CASE, 10, "49900", Instant.parse("2026-01-15T06:00:00Z"));
        record(shop, LedgerEntryKind.SALE, PHONE_CASE, 15, "74850", MID_FEBRUARY);
        record(shop, LedgerEntryKind.SALE, CHARGER, 1, "7490", MID_FEBRUARY);

        ProfitReport report = calculator.report(shop, FEBRUARY, ledger, catalog);

        PeriodComparison comparison = report.comparison();
        assertThat(comparison.previous().period()).isEqualTo(JANUARY);
        assertThat(comparison.revenue().previous()).isEqualTo(Money.kzt(49_900));
        assertThat(comparison.revenue().current()).isEqualTo(Money.kzt(82_340));
        assertThat(comparison.revenue().delta()).isEqualTo(Money.kzt(32_440));
        assertThat(comparison.revenue().percent()).isEqualByComparingTo("65.01");
        // January 49 900 − 7 485 − 12 000 = 30 415; February 74 850 − 11 227.50 − 18 000 = 45 622.50
        assertThat(comparison.profit().previous()).isEqualTo(Money.kzt(30_415));
        assertThat(comparison.profit().current()).isEqualTo(Money.of("45622.50", Money.KZT));
        assertThat(comparison.profit().percent()).isEqualByComparingTo("50.00");
        assertThat(comparison.marginPoints()).isEqualByComparingTo("0");
        assertThat(comparison.products()).singleElement().satisfies(change -> {
            assertThat(change.sku()).isEqualTo(PHONE_CASE);
            assertThat(change.netSales().delta()).isEqualTo(Money.kzt(24_950));
            assertThat(change.profit()).isNotNull();
            assertThat(change.profit().delta()).isEqualTo(Money.of("15207.50", Money.KZT));
        });
    }

    @Test
    void anEmptyPeriodIsAllZerosWithoutLossesOrRecommendations() {
        ProfitReport report = calculator.report(shop, FEBRUARY, ledger, catalog);

        ProfitAndLoss pnl = report.current();
        assertThat(pnl.empty()).isTrue();
        assertThat(pnl.lines()).isEmpty();
        assertThat(pnl.totals().revenue()).isEqualTo(Money.kzt(0));
        assertThat(pnl.totals().profit()).isEqualTo(Money.kzt(0));
        assertThat(pnl.totals().marginPercent()).isNull();
        assertThat(pnl.totals().complete()).isTrue();
        assertThat(report.lossMakers()).isEmpty();
        assertThat(report.recommendations()).isEmpty();
        assertThat(report.comparison().revenue().percent()).isNull();
        assertThat(report.comparison().marginPoints()).isNull();
    }

    @Test
    void amountsStayExactAndAreRoundedHalfUpOnlyForDisplay() {
        record(LedgerEntryKind.SALE, SCREEN_GLASS, 1, "2490.05");

        ProductLine glass = calculator.calculate(ProfitInput.load(shop, FEBRUARY, ledger, catalog))
                .line(SCREEN_GLASS).orElseThrow();

        // 2 490.05 × 15 % = 373.5075, kept exact
        assertThat(glass.commission()).isEqualTo(Money.of("373.5075", Money.KZT));
        assertThat(ProfitAndLoss.present(glass.commission())).isEqualTo(Money.of("373.51", Money.KZT));
        assertThat(glass.profit()).isEqualTo(Money.of("1666.5425", Money.KZT));
    }

    @Test
    void payoutsAreReconciliationOnlyAndChangeNoFigure() {
        // given: a month with a sale, and the marketplace's payouts of it, shop-wide and (wrongly) per product
        record(LedgerEntryKind.SALE, PHONE_CASE, 10, "49900");
        ProfitAndLoss without = calculator.calculate(ProfitInput.load(shop, FEBRUARY, ledger, catalog));
        record(LedgerEntryKind.PAYOUT, null, 0, "42415");
        record(LedgerEntryKind.PAYOUT, SMARTPHONE, 0, "189990");

        // when
        ProfitAndLoss with = calculator.calculate(ProfitInput.load(shop, FEBRUARY, ledger, catalog));

        // then: the same P&L, and no line for the product that only has a payout
        assertThat(with).isEqualTo(without);
        assertThat(with.line(SMARTPHONE)).isEmpty();
    }

    private BigDecimal unitsSold(ReportingPeriod period) {
        return calculator.calculate(ProfitInput.load(shop, period, ledger, catalog)).line(PHONE_CASE)
                .map(ProductLine::unitsSold).orElse(BigDecimal.ZERO);
    }

    private void record(LedgerEntryKind kind, @Nullable Sku sku, long units, String amount) {
        record(shop, kind, sku, units, amount, MID_FEBRUARY);
    }

    private void record(Shop owner, LedgerEntryKind kind, @Nullable Sku sku, long units, String amount,
            Instant at) {
        keys++;
        ledger.record(new LedgerEntry(owner.id(), kind.name().toLowerCase(Locale.ROOT) + ":" + keys, kind, at, sku,
                null, BigDecimal.valueOf(units), Money.of(amount, owner.currency()), "test"));
    }

    @Test
    void unsoldProductsAreCappedToThoseTyingUpTheMostStock() {
        // given: one product sold in February, and 30 more available products that sold nothing, with growing stock
        for (int i = 0; i < 30; i++) {
            catalog.save(new Product(SHOP_ID, Sku.of("IDLE-" + i), "Товар " + i, "Разное", Money.kzt(1_000),
                    Money.kzt(500), (i + 1) * 1000, true));
        }
        record(LedgerEntryKind.SALE, PHONE_CASE, 1, "4990");

        // when
        ProfitReport report = calculator.report(shop, FEBRUARY, ledger, catalog);

        // then: five at most, the largest stock values first
        List<Recommendation> idle = report.recommendations().stream()
                .filter(r -> r.kind() == Recommendation.Kind.DELIST && r.sku().value().startsWith("IDLE-")).toList();
        assertThat(idle).extracting(r -> r.sku().value()).containsExactlyInAnyOrder("IDLE-29", "IDLE-28", "IDLE-27", "IDLE-26",
                "IDLE-25");
        assertThat(report.recommendations().stream().filter(r -> r.kind() == Recommendation.Kind.DELIST
                && r.percent() == null)).hasSizeLessThanOrEqualTo(5);
    }
}

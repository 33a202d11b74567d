package dev.aihq.connectors.ozon.finance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.agents.finance.ProductLine;
import dev.aihq.agents.finance.ProfitAndLoss;
import dev.aihq.agents.finance.ProfitCalculator;
import dev.aihq.agents.finance.ProfitReport;
import dev.aihq.agents.finance.ProfitTotals;
import dev.aihq.api.Marketplace;
import dev.aihq.api.Money;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.api.event.ReportingPeriod;
import dev.aihq.api.shop.LegalForm;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.shop.TaxMode;
import dev.aihq.api.store.Product;
import dev.aihq.http.HqJson;
import dev.aihq.pipeline.memory.InMemoryStores;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fixture month from the transaction page to the accountant's profit and loss. */
class OzonTransactionsToProfitTest {

    private static final String MONTH = "month-2025-06.json";
    private static final ShopId SHOP_ID = ShopId.of("ozon_kitchen");
    private static final Sku MUG = Sku.of("1473829501");
    private static final Sku CASE = Sku.of("987654321");

    // The fixture's services by what they are, written out here rather than taken from the mapper.
    private static final Set<String> LOGISTICS = Set.of("MarketplaceServiceItemDirectFlowLogistic",
            "MarketplaceServiceItemDelivToCustomer", "MarketplaceServiceItemDropoffPVZ",
            "MarketplaceServiceItemReturnAfterDelivToCustomer", "MarketplaceServiceItemReturnFlowLogistic");
    private static final Set<String> ACQUIRING = Set.of("MarketplaceRedistributionOfAcquiringOperation");
    private static final Set<String> SERVICE_CHARGES = Set.of("MarketplaceMarketingActionCostOperation",
            "OperationMarketplaceServiceStorage", "MarketplaceRedistributionOfAcquiringOperation");

    @Test
    void theMonthsTransactionsBecomeTheMonthsProfitAndLoss() throws IOException {
        Shop shop = Shop.builder(SHOP_ID, Marketplace.OZON).name("Кухня и чехлы").legalForm(LegalForm.IP)
                .taxMode(TaxMode.RU_USN_INCOME_MINUS_EXPENSES).build();
        InMemoryStores stores = InMemoryStores.create();
        stores.catalog().save(new Product(SHOP_ID, MUG, "Термокружка стальная 450 мл", "Посуда", Money.rub(1490),
                Money.rub(600), 30, true));
        stores.catalog().save(new Product(SHOP_ID, CASE, "Чехол для Samsung Galaxy A55", "Чехлы", Money.rub(590),
                Money.rub(150), 50, true));

        OzonTransactionPage page;
        try (InputStream in = OzonTransactionParserTest.resource(MONTH)) {
            page = new OzonTransactionParser().parse(in);
        }
        OzonLedgerMapping mapping = new OzonLedgerMapper(SHOP_ID).map(page.operations());
        assertThat(page.problems()).isEmpty();
        // Only the compensation is left out, and said so.
        assertThat(mapping.problems()).singleElement()
                .satisfies(problem -> assertThat(problem.operationId()).isEqualTo(27481100010L));

        assertThat(stores.ledger().recordAll(mapping.entries())).isEqualTo(20);
        // The same month read again (a retry, an overlapping window) records nothing.
        OzonTransactionPage again;
        try (InputStream in = OzonTransactionParserTest.resource(MONTH)) {
            again = new OzonTransactionParser().parse(in);
        }
        assertThat(stores.ledger().recordAll(new OzonLedgerMapper(SHOP_ID).map(again.operations()).entries())).isZero();

        ReportingPeriod june = ReportingPeriod.month(YearMonth.of(2025, 6));
        ProfitReport report = ProfitCalculator.create().report(shop, june, stores.ledger(), stores.catalog());
        ProfitAndLoss pnl = report.current();
        ProfitTotals totals = pnl.totals();

        // The fixture's own sums, read independently of the parser and the mapper (Ozon's signs: − is charged).
        JsonNode operations;
        try (InputStream in = OzonTransactionParserTest.resource(MONTH)) {
            operations = HqJson.mapper().readTree(in).path("result").path("operations");
        }
        BigDecimal sales = BigDecimal.ZERO;
        BigDecimal returns = BigDecimal.ZERO;
        BigDecimal commission = BigDecimal.ZERO;
        BigDecimal delivery = BigDecimal.ZERO;
        BigDecimal penalties = BigDecimal.ZERO;
        BigDecimal other = BigDecimal.ZERO;
        for (JsonNode operation : operations) {
            // Ozon's times are UTC; the accountant's month is the shop's (Moscow).
            Instant at = LocalDateTime.parse(operation.path("operation_date").asText().replace(' ', 'T'))
                    .toInstant(ZoneOffset.UTC);
            if (!june.contains(at, shop.zone())) {
                continue;
            }
            String type = operation.path("operation_type").asText();
            BigDecimal accruals = operation.path("accruals_for_sale").decimalValue();
            if (accruals.signum() > 0) {
                sales = sales.add(accruals);
            } else {
                returns = returns.subtract(accruals);
            }
            commission = commission.subtract(operation.path("sale_commission").decimalValue());
            delivery = delivery.subtract(operation.path("delivery_charge").decimalValue())
                    .subtract(operation.path("return_delivery_charge").decimalValue());
            for (JsonNode service : operation.path("services")) {
                String name = service.path("name").asText();
                if (LOGISTICS.contains(name)) {
                    delivery = delivery.subtract(service.path("price").decimalValue());
                } else if (ACQUIRING.contains(name)) {
                    other = other.subtract(service.path("price").decimalValue());
                } else {
                    throw new AssertionError("the fixture has a service this test does not sort: " + name);
                }
            }
            if (type.equals("OperationItemReturn")) {
                continue; // its amount is its return logistics service, counted above
            }
            if (SERVICE_CHARGES.contains(type)) {
                other = other.subtract(operation.path("amount").decimalValue());
            } else if (type.equals("OperationMarketplaceWithHoldingForUndeliverableGoods")) {
                penalties = penalties.subtract(operation.path("amount").decimalValue());
            }
        }
        // Catalog cost prices × units kept: mugs 1 + 2 sold − 1 returned, one case.
        BigDecimal cost = new BigDecimal("600").multiply(new BigDecimal("2")).add(new BigDecimal("150"));

        assertThat(totals.grossSales()).isEqualTo(rub(sales)).isEqualTo(Money.of("5060", Money.RUB));
        assertThat(totals.returns()).isEqualTo(rub(returns)).isEqualTo(Money.of("1490", Money.RUB));
        assertThat(totals.revenue()).isEqualTo(rub(sales.subtract(returns))).isEqualTo(Money.of("3570", Money.RUB));
        // Charged on the three sales less what Ozon gave back with the returned mug.
        assertThat(totals.commission()).isEqualTo(rub(commission)).isEqualTo(Money.of("535.50", Money.RUB));
        assertThat(totals.delivery()).isEqualTo(rub(delivery)).isEqualTo(Money.of("582", Money.RUB));
        assertThat(totals.penalties()).isEqualTo(rub(penalties)).isEqualTo(Money.of("500", Money.RUB));
        // Acquiring 14.90 + 29.80 + 5.90, promotion 350, storage 42.37 (the acquiring of 30 June 23:10 UTC is July).
        assertThat(totals.otherExpenses()).isEqualTo(rub(other)).isEqualTo(Money.of("442.97", Money.RUB));
        assertThat(totals.costOfGoods()).isEqualTo(rub(cost));
        assertThat(totals.complete()).isTrue();
        assertThat(totals.expenses()).isEqualTo(rub(commission.add(delivery).add(penalties).add(other).add(cost)));
        assertThat(totals.profit()).isEqualTo(totals.revenue().minus(totals.expenses()))
                .isEqualTo(Money.of("159.53", Money.RUB));

        ProductLine mug = pnl.line(MUG).orElseThrow();
        assertThat(mug.commissionSource()).isEqualTo(ProductLine.CommissionSource.ACTUAL);
        assertThat(mug.deliverySource()).isEqualTo(ProductLine.DeliverySource.ACTUAL);
        assertThat(mug.unitsSold()).isEqualByComparingTo("3");
        assertThat(mug.unitsReturned()).isEqualByComparingTo("1");
        ProductLine phoneCase = pnl.line(CASE).orElseThrow();
        assertThat(phoneCase.unitsSold()).isEqualByComparingTo("1");
        assertThat(phoneCase.penalties()).isEqualTo(Money.of("500", Money.RUB));
        // The compensation Ozon credited is not income.
        assertThat(mapping.leftOutCredits()).isEqualByComparingTo("150");

        // The operation of 30 June 23:10 UTC is 1 July 02:10 in Moscow: it is the shop's July.
        ProfitTotals july = ProfitCalculator.create().report(shop, ReportingPeriod.month(YearMonth.of(2025, 7)),
                stores.ledger(), stores.catalog()).current().totals();
        assertThat(july.otherExpenses()).isEqualTo(Money.of("12.40", Money.RUB));
        assertThat(july.revenue()).isEqualTo(Money.zero(Money.RUB));
    }

    private static Money rub(BigDecimal amount) {
        return Money.of(amount, Money.RUB);
    }
}

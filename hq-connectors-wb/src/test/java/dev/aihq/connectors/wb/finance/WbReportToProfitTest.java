package dev.aihq.connectors.wb.finance;

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
import java.time.YearMonth;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The fixture week from the report page to the accountant's profit and loss. */
class WbReportToProfitTest {

    private static final String WEEK = "/wb/report/week-2025-06-09.json";
    private static final ShopId SHOP_ID = ShopId.of("wb_linen");
    private static final Sku SHIRT = Sku.of("FUT-BLK-M");
    private static final Sku MUG = Sku.of("KRUZHKA-01");

    @Test
    void theWeeksReportBecomesTheMonthsProfitAndLoss() throws IOException {
        Shop shop = Shop.builder(SHOP_ID, Marketplace.WILDBERRIES).name("Северный лён").legalForm(LegalForm.IP)
                .taxMode(TaxMode.RU_USN_INCOME_MINUS_EXPENSES).build();
        InMemoryStores stores = InMemoryStores.create();
        stores.catalog().save(new Product(SHOP_ID, SHIRT, "Футболка чёрная M", "Футболки", Money.rub(1393),
                Money.rub(500), 20, true));
        stores.catalog().save(new Product(SHOP_ID, MUG, "Кружка", "Кружки", Money.rub(712), Money.rub(200), 15, true));

        WbReportPage page;
        try (InputStream in = getClass().getResourceAsStream(WEEK)) {
            page = new WbReportParser().parse(in);
        }
        WbLedgerMapping mapping = new WbLedgerMapper(SHOP_ID).map(page.rows());
        assertThat(page.problems()).isEmpty();
        assertThat(mapping.problems()).isEmpty();

        assertThat(stores.ledger().recordAll(mapping.entries())).isEqualTo(18);
        // The same report read again (a retry, an overlapping period) records nothing.
        assertThat(stores.ledger().recordAll(new WbLedgerMapper(SHOP_ID).map(page.rows()).entries())).isZero();

        ProfitReport report = ProfitCalculator.create().report(shop, ReportingPeriod.month(YearMonth.of(2025, 6)),
                stores.ledger(), stores.catalog());
        ProfitAndLoss pnl = report.current();
        ProfitTotals totals = pnl.totals();

        // The fixture's own sums, read independently of the parser and the mapper.
        JsonNode rows = HqJson.mapper().readTree(getClass().getResourceAsStream(WEEK));
        BigDecimal sales = sum(rows, "retail_amount", row -> operation(row, "Продажа"));
        BigDecimal returns = sum(rows, "retail_amount", row -> operation(row, "Возврат"));
        // What WB kept on the sales, less what it gave back with the returned goods.
        BigDecimal commission = sales.subtract(sum(rows, "ppvz_for_pay", row -> operation(row, "Продажа")))
                .subtract(returns.subtract(sum(rows, "ppvz_for_pay", row -> operation(row, "Возврат"))));
        BigDecimal delivery = sum(rows, "delivery_rub", row -> true);
        BigDecimal penalties = sum(rows, "penalty", row -> true);
        BigDecimal other = sum(rows, "storage_fee", row -> true).add(sum(rows, "acceptance", row -> true));
        // Cost price × units kept: shirts 2 sold − 1 returned, one mug.
        BigDecimal cost = new BigDecimal("500").multiply(BigDecimal.ONE).add(new BigDecimal("200"));

        assertThat(totals.grossSales()).isEqualTo(rub(sales)).isEqualTo(Money.of("3140", Money.RUB));
        assertThat(totals.returns()).isEqualTo(rub(returns)).isEqualTo(Money.of("1250", Money.RUB));
        assertThat(totals.revenue()).isEqualTo(rub(sales.subtract(returns))).isEqualTo(Money.of("1890", Money.RUB));
        assertThat(totals.commission()).isEqualTo(rub(commission)).isEqualTo(Money.of("369.83", Money.RUB));
        assertThat(totals.delivery()).isEqualTo(rub(delivery)).isEqualTo(Money.of("260.50", Money.RUB));
        assertThat(totals.penalties()).isEqualTo(rub(penalties)).isEqualTo(Money.of("300", Money.RUB));
        assertThat(totals.otherExpenses()).isEqualTo(rub(other)).isEqualTo(Money.of("192.37", Money.RUB));
        assertThat(totals.costOfGoods()).isEqualTo(rub(cost));
        assertThat(totals.complete()).isTrue();
        assertThat(totals.expenses()).isEqualTo(rub(commission.add(delivery).add(penalties).add(other).add(cost)));
        assertThat(totals.profit()).isEqualTo(totals.revenue().minus(totals.expenses()))
                .isEqualTo(Money.of("67.30", Money.RUB));

        ProductLine shirt = pnl.line(SHIRT).orElseThrow();
        assertThat(shirt.commissionSource()).isEqualTo(ProductLine.CommissionSource.ACTUAL);
        assertThat(shirt.deliverySource()).isEqualTo(ProductLine.DeliverySource.ACTUAL);
        assertThat(shirt.unitsSold()).isEqualByComparingTo("2");
        assertThat(shirt.unitsReturned()).isEqualByComparingTo("1");
        // Payouts are reconciliation only: the WB payout of the week is not income.
        assertThat(mapping.entries().stream().filter(e -> e.kind() == dev.aihq.api.store.LedgerEntryKind.PAYOUT)
                .map(e -> e.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("2528.98");
        // The commission WB returned with the shirt, recorded as a refund of commission.
        assertThat(mapping.returnedCommission()).isEqualByComparingTo("241.19");
        assertThat(mapping.entries()).filteredOn(e -> e.kind() == dev.aihq.api.store.LedgerEntryKind.COMMISSION_REFUND)
                .singleElement().satisfies(e -> assertThat(e.amount()).isEqualTo(Money.of("241.19", Money.RUB)));
    }

    private static boolean operation(JsonNode row, String name) {
        return row.path("supplier_oper_name").asText().equals(name);
    }

    private static BigDecimal sum(JsonNode rows, String field, Predicate<JsonNode> which) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode row : rows) {
            if (which.test(row)) {
                sum = sum.add(row.path(field).decimalValue());
            }
        }
        return sum;
    }

    private static Money rub(BigDecimal amount) {
        return Money.of(amount, Money.RUB);
    }
}

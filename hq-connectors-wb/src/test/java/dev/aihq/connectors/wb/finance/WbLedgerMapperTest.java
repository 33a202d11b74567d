package dev.aihq.connectors.wb.finance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aihq.api.Money;
import dev.aihq.api.OrderId;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.api.store.LedgerEntry;
import dev.aihq.api.store.LedgerEntryKind;
import dev.aihq.http.HqJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class WbLedgerMapperTest {

    private static final ShopId SHOP = ShopId.of("wb_shop");
    private final WbLedgerMapper mapper = new WbLedgerMapper(SHOP);

    @Test
    void aSaleIsRevenueCommissionAndPayoutThatAddUp() {
        WbLedgerMapping mapping = mapper.map(List.of(week().get(0)));

        assertThat(mapping.problems()).isEmpty();
        assertThat(amounts(mapping)).containsExactly(
                Map.entry("wb:rrd:2900000101:SALE", "1250.00"),
                Map.entry("wb:rrd:2900000101:COMMISSION", "241.19"),
                Map.entry("wb:rrd:2900000101:PAYOUT", "1008.81"));
        LedgerEntry sale = mapping.entries().get(0);
        assertThat(sale.shopId()).isEqualTo(SHOP);
        assertThat(sale.kind()).isEqualTo(LedgerEntryKind.SALE);
        assertThat(sale.sku()).isEqualTo(Sku.of("FUT-BLK-M"));
        assertThat(sale.orderId()).isEqualTo(OrderId.of("4f3c2a1b9e8d7c6b5a4f3e2d1c0b9a8f"));
        assertThat(sale.quantity()).isEqualByComparingTo("1");
        assertThat(sale.occurredAt()).isEqualTo(Instant.parse("2025-06-09T21:00:00Z")); // sale_dt, Moscow midnight
        assertThat(sale.source()).isEqualTo("wb-report");
        assertThat(sale.amount().currency()).isEqualTo(Money.RUB);
        // WB's remuneration with its VAT and acquiring: 185.37 + 37.07 + 18.75
        assertThat(mapping.entries().get(1).quantity()).isZero();
        // revenue − commission = what WB transfers for the goods
        assertThat(mapping.entries().get(0).amount().minus(mapping.entries().get(1).amount()))
                .isEqualTo(mapping.entries().get(2).amount());
    }

    @Test
    void everyOperationOfTheWeekMapsToItsKinds() {
        WbLedgerMapping mapping = mapper.map(week());

        assertThat(mapping.problems()).isEmpty();
        assertThat(amounts(mapping)).containsExactly(
                Map.entry("wb:rrd:2900000101:SALE", "1250.00"),
                Map.entry("wb:rrd:2900000101:COMMISSION", "241.19"),
                Map.entry("wb:rrd:2900000101:PAYOUT", "1008.81"),
                Map.entry("wb:rrd:2900000102:SALE", "1250.00"),
                Map.entry("wb:rrd:2900000102:COMMISSION", "241.19"),
                Map.entry("wb:rrd:2900000102:PAYOUT", "1008.81"),
                Map.entry("wb:rrd:2900000103:SALE", "640.00"),
                Map.entry("wb:rrd:2900000103:COMMISSION", "128.64"),
                Map.entry("wb:rrd:2900000103:PAYOUT", "511.36"),
                Map.entry("wb:rrd:2900000104:RETURN", "1250.00"),
                Map.entry("wb:rrd:2900000104:COMMISSION_REFUND", "241.19"),
                Map.entry("wb:rrd:2900000105:DELIVERY", "76.00"),
                Map.entry("wb:rrd:2900000106:DELIVERY", "76.00"),
                Map.entry("wb:rrd:2900000107:DELIVERY", "58.50"),
                Map.entry("wb:rrd:2900000108:DELIVERY", "50.00"),
                Map.entry("wb:rrd:2900000109:PENALTY", "300.00"),
                Map.entry("wb:rrd:2900000110:OTHER_EXPENSE", "42.37"),
                Map.entry("wb:rrd:2900000111:OTHER_EXPENSE", "150.00"));
        LedgerEntry refund = entry(mapping, "wb:rrd:2900000104:RETURN");
        assertThat(refund.sku()).isEqualTo(Sku.of("FUT-BLK-M"));
        assertThat(refund.quantity()).isEqualByComparingTo("1");
        assertThat(refund.occurredAt()).isEqualTo(Instant.parse("2025-06-13T21:00:00Z"));
        // The commission WB gives back on the return cannot be a ledger entry; it is reported instead.
        assertThat(mapping.returnedCommission()).isEqualByComparingTo("241.19");
        assertThat(entry(mapping, "wb:rrd:2900000105:DELIVERY").sku()).isEqualTo(Sku.of("FUT-BLK-M"));
        assertThat(entry(mapping, "wb:rrd:2900000105:DELIVERY").quantity()).isZero();
        assertThat(entry(mapping, "wb:rrd:2900000109:PENALTY").sku()).isEqualTo(Sku.of("KRUZHKA-01"));
        assertThat(entry(mapping, "wb:rrd:2900000109:PENALTY").orderId()).isNull();
        // Storage and paid acceptance name no product: shop-wide costs.
        assertThat(entry(mapping, "wb:rrd:2900000110:OTHER_EXPENSE").sku()).isNull();
        assertThat(entry(mapping, "wb:rrd:2900000111:OTHER_EXPENSE").sku()).isNull();
    }

    @Test
    void mappingTheSameRowsAgainGivesEqualEntries() {
        List<WbReportRow> rows = week();

        assertThat(mapper.map(rows)).isEqualTo(mapper.map(rows));
        assertThat(new WbLedgerMapper(SHOP).map(WbReportParserTest.fixture("week-2025-06-09.json").rows()).entries())
                .isEqualTo(mapper.map(rows).entries());
    }

    @Test
    void deductionsAreOtherExpensesAndAdditionalPaymentsAreReportedNotRecorded() {
        WbLedgerMapping mapping = mapper.map(List.of(
                row(1, r -> r.put("supplier_oper_name", "Удержание").put("deduction", 500).put("sa_name", "")),
                row(2, r -> r.put("supplier_oper_name", "Доплаты").put("additional_payment", 120.5))));

        assertThat(amounts(mapping)).containsExactly(Map.entry("wb:rrd:1:OTHER_EXPENSE", "500.00"));
        assertThat(mapping.problems()).containsExactly(new WbReportProblem(1, 2L, "additional_payment",
                "additional payment 120.5 left out: the ledger records no income but sales"));
    }

    @Test
    void operationNamesAreComparedIgnoringCaseYoAndSpaces() {
        WbLedgerMapping mapping = mapper.map(List.of(
                row(1, r -> r.put("supplier_oper_name", "  Платная  приёмка ").put("acceptance", 99.9)),
                row(2, r -> r.put("supplier_oper_name", "ШТРАФЫ").put("penalty", 1000))));

        assertThat(mapping.problems()).isEmpty();
        assertThat(amounts(mapping)).containsExactly(Map.entry("wb:rrd:1:OTHER_EXPENSE", "99.90"),
                Map.entry("wb:rrd:2:PENALTY", "1000.00"));
    }

    @Test
    void anUnknownOperationIsAProblemNamingItAndNoEntry() {
        WbLedgerMapping mapping = mapper.map(List.of(
                row(1, r -> r.put("supplier_oper_name", "Логистика сторно").put("delivery_rub", 76)),
                row(2, r -> r.remove("supplier_oper_name")),
                row(3, r -> r.put("supplier_oper_name", "Логистика").put("delivery_rub", 76))));

        assertThat(amounts(mapping)).containsExactly(Map.entry("wb:rrd:3:DELIVERY", "76.00"));
        assertThat(mapping.problems()).containsExactly(
                new WbReportProblem(0, 1L, "supplier_oper_name", "unknown operation 'Логистика сторно'; not recorded"),
                new WbReportProblem(1, 2L, "supplier_oper_name", "missing; the row's operation is unknown"));
    }

    @Test
    void aRowInAnotherCurrencyIsAProblemNotAnEntry() {
        WbLedgerMapping mapping = mapper.map(WbReportParserTest.fixture("other-currency.json").rows());

        assertThat(amounts(mapping)).containsOnlyKeys("wb:rrd:2900000200:SALE", "wb:rrd:2900000200:COMMISSION",
                "wb:rrd:2900000200:PAYOUT");
        assertThat(mapping.problems()).containsExactly(new WbReportProblem(1, 2900000201L, "currency_name",
                "the row is in 'KZT', not in rubles, the shop's currency; not recorded"));
    }

    @Test
    void zeroAmountsMakeNoEntry() {
        WbLedgerMapping mapping = mapper.map(List.of(
                row(1, r -> r.put("supplier_oper_name", "Логистика").put("delivery_rub", 0)),
                row(2, r -> r.put("supplier_oper_name", "Хранение").put("storage_fee", "0.00"))));

        assertThat(mapping.entries()).isEmpty();
        assertThat(mapping.problems()).isEmpty();
    }

    @Test
    void theDateIsTheSaleDateElseTheReportDateAndTheProductTheArticleElseTheWbNumber() {
        WbLedgerMapping mapping = mapper.map(List.of(row(1, r -> r.put("supplier_oper_name", "Логистика")
                .put("delivery_rub", 76).putNull("sale_dt").put("rr_dt", "2025-06-12").put("sa_name", "")
                .put("nm_id", 187654321))));

        LedgerEntry delivery = mapping.entries().get(0);
        assertThat(delivery.occurredAt()).isEqualTo(Instant.parse("2025-06-11T21:00:00Z"));
        assertThat(delivery.sku()).isEqualTo(Sku.of("187654321"));
    }

    @Test
    void rowsThatCannotBeRecordedWholeAreProblems() {
        WbLedgerMapping mapping = mapper.map(List.of(
                row(1, r -> r.put("supplier_oper_name", "Штраф").put("penalty", -300)),
                sale(2, r -> r.put("ppvz_for_pay", 1300)),
                sale(3, r -> r.put("doc_type_name", "Возврат")),
                sale(4, r -> r.put("sa_name", "").put("nm_id", 0)),
                sale(5, r -> r.remove("retail_amount")),
                row(6, r -> r.put("supplier_oper_name", "Логистика").put("delivery_rub", 76).remove(List.of("sale_dt", "rr_dt"))),
                sale(7, r -> r.remove("quantity"))));

        assertThat(mapping.entries()).isEmpty();
        assertThat(mapping.problems()).extracting(WbReportProblem::rowIndex, WbReportProblem::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0, "penalty"),
                org.assertj.core.groups.Tuple.tuple(1, "ppvz_for_pay"),
                org.assertj.core.groups.Tuple.tuple(2, "doc_type_name"),
                org.assertj.core.groups.Tuple.tuple(3, "sa_name"),
                org.assertj.core.groups.Tuple.tuple(4, "retail_amount"),
                org.assertj.core.groups.Tuple.tuple(5, "sale_dt"),
                org.assertj.core.groups.Tuple.tuple(6, "quantity"));
        assertThat(mapping.problems().get(1).message())
                .isEqualTo("payout 1300 exceeds the retail amount 1250.00; a negative commission cannot be recorded");
        assertThat(mapping.returnedCommission()).isZero();
    }

    @Test
    void rublesMayBeWrittenSeveralWaysOrLeftOut() {
        WbLedgerMapping mapping = mapper.map(List.of(sale(1, r -> r.put("currency_name", "RUB")),
                sale(2, r -> r.put("currency_name", "₽")), sale(3, r -> r.remove("currency_name"))));

        assertThat(mapping.problems()).isEmpty();
        assertThat(mapping.entries()).hasSize(9);
    }

    private static List<WbReportRow> week() {
        return WbReportParserTest.fixture("week-2025-06-09.json").rows();
    }

    private static Map<String, String> amounts(WbLedgerMapping mapping) {
        Map<String, String> amounts = new LinkedHashMap<>();
        mapping.entries().forEach(entry -> amounts.put(entry.key(), entry.amount().amount().toPlainString()));
        return amounts;
    }

    private static LedgerEntry entry(WbLedgerMapping mapping, String key) {
        return mapping.entries().stream().filter(entry -> entry.key().equals(key)).findFirst().orElseThrow();
    }

    /** A row of the report's shape, through the parser: rrd_id, a product, a date, rubles. */
    private static WbReportRow row(long rrdId, Consumer<ObjectNode> fields) {
        ObjectNode node = HqJson.mapper().createObjectNode().put("rrd_id", rrdId).put("currency_name", "руб")
                .put("sa_name", "FUT-BLK-M").put("nm_id", 187654321).put("sale_dt", "2025-06-10T00:00:00Z")
                .put("rr_dt", "2025-06-10").put("srid", "srid-" + rrdId);
        fields.accept(node);
        WbReportPage page = new WbReportParser().parse("[" + node + "]");
        assertThat(page.problems()).isEmpty();
        return page.rows().get(0);
    }

    private static WbReportRow sale(long rrdId, Consumer<ObjectNode> fields) {
        return row(rrdId, r -> {
            r.put("doc_type_name", "Продажа").put("supplier_oper_name", "Продажа").put("quantity", 1)
                    .put("retail_amount", new BigDecimal("1250.00")).put("ppvz_for_pay", new BigDecimal("1008.81"));
            fields.accept(r);
        });
    }
}

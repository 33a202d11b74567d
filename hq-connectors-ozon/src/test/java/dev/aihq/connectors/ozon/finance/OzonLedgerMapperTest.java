package dev.aihq.connectors.ozon.finance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
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

class OzonLedgerMapperTest {

    private static final ShopId SHOP = ShopId.of("ozon_shop");
    private final OzonLedgerMapper mapper = new OzonLedgerMapper(SHOP);

    @Test
    void aSaleIsRevenueCommissionLogisticsAndAcquiring() {
        OzonLedgerMapping mapping = mapper.map(List.of(month().get(0)));

        assertThat(mapping.problems()).isEmpty();
        assertThat(amounts(mapping)).containsExactly(
                Map.entry("ozon:op:27481100001:SALE", "1490.00"),
                // Ozon sends the commission as -223.50: the ledger holds its absolute value.
                Map.entry("ozon:op:27481100001:COMMISSION", "223.50"),
                // Direct-flow logistics 76 + last mile 25 + drop-off 20.
                Map.entry("ozon:op:27481100001:DELIVERY", "121.00"),
                // Acquiring.
                Map.entry("ozon:op:27481100001:OTHER_EXPENSE", "14.90"));
        LedgerEntry sale = entry(mapping, "ozon:op:27481100001:SALE");
        assertThat(sale.shopId()).isEqualTo(SHOP);
        assertThat(sale.kind()).isEqualTo(LedgerEntryKind.SALE);
        assertThat(sale.sku()).isEqualTo(Sku.of("1473829501"));
        assertThat(sale.orderId()).isEqualTo(OrderId.of("87621409-0012-1"));
        assertThat(sale.quantity()).isEqualByComparingTo("1");
        assertThat(sale.occurredAt()).isEqualTo(Instant.parse("2025-06-03T14:22:10Z"));
        assertThat(sale.source()).isEqualTo("ozon-transactions");
        assertThat(sale.amount().currency()).isEqualTo(Money.RUB);
        assertThat(entry(mapping, "ozon:op:27481100001:COMMISSION").quantity()).isZero();
        assertThat(entry(mapping, "ozon:op:27481100001:DELIVERY").sku()).isEqualTo(Sku.of("1473829501"));
        // What the entries say the seller keeps is Ozon's amount for the operation.
        assertThat(net(mapping)).isEqualByComparingTo(month().get(0).amount());
    }

    @Test
    void everyOperationOfTheMonthMapsToItsKinds() {
        OzonLedgerMapping mapping = mapper.map(month());

        assertThat(amounts(mapping)).containsExactly(
                Map.entry("ozon:op:27481100001:SALE", "1490.00"),
                Map.entry("ozon:op:27481100001:COMMISSION", "223.50"),
                Map.entry("ozon:op:27481100001:DELIVERY", "121.00"),
                Map.entry("ozon:op:27481100001:OTHER_EXPENSE", "14.90"),
                Map.entry("ozon:op:27481100002:SALE", "2980.00"),
                Map.entry("ozon:op:27481100002:COMMISSION", "447.00"),
                Map.entry("ozon:op:27481100002:DELIVERY", "202.00"),
                Map.entry("ozon:op:27481100002:OTHER_EXPENSE", "29.80"),
                Map.entry("ozon:op:27481100003:SALE", "590.00"),
                Map.entry("ozon:op:27481100003:COMMISSION", "88.50"),
                // delivery_charge 45 + logistics 63 + last mile 25, one entry.
                Map.entry("ozon:op:27481100003:DELIVERY", "133.00"),
                Map.entry("ozon:op:27481100003:OTHER_EXPENSE", "5.90"),
                Map.entry("ozon:op:27481100004:RETURN", "1490.00"),
                // return_delivery_charge 20 + return processing 30.
                Map.entry("ozon:op:27481100004:DELIVERY", "50.00"),
                Map.entry("ozon:op:27481100004:COMMISSION_REFUND", "223.50"),
                Map.entry("ozon:op:27481100005:DELIVERY", "76.00"),
                Map.entry("ozon:op:27481100006:OTHER_EXPENSE", "350.00"),
                Map.entry("ozon:op:27481100007:OTHER_EXPENSE", "42.37"),
                Map.entry("ozon:op:27481100008:PENALTY", "500.00"),
                Map.entry("ozon:op:27481100009:OTHER_EXPENSE", "12.40"));
        // Two units of the mug are two items.
        assertThat(entry(mapping, "ozon:op:27481100002:SALE").quantity()).isEqualByComparingTo("2");
        LedgerEntry refund = entry(mapping, "ozon:op:27481100004:RETURN");
        assertThat(refund.sku()).isEqualTo(Sku.of("1473829501"));
        assertThat(refund.quantity()).isEqualByComparingTo("1");
        assertThat(refund.orderId()).isEqualTo(OrderId.of("87621409-0012-1"));
        // Shop-wide services have no product and no order; the fine is on the product its item names.
        LedgerEntry marketing = entry(mapping, "ozon:op:27481100006:OTHER_EXPENSE");
        assertThat(marketing.sku()).isNull();
        assertThat(marketing.orderId()).isNull();
        assertThat(entry(mapping, "ozon:op:27481100008:PENALTY").sku()).isEqualTo(Sku.of("987654321"));
        // 23:10 UTC on 30 June is still June (01:10 on 1 July in Moscow).
        assertThat(entry(mapping, "ozon:op:27481100009:OTHER_EXPENSE").occurredAt())
                .isEqualTo(Instant.parse("2025-06-30T23:10:00Z"));
        // The compensation is left out and reported, never passed off as a sale.
        assertThat(mapping.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.index()).isEqualTo(9);
            assertThat(problem.operationId()).isEqualTo(27481100010L);
            assertThat(problem.field()).isEqualTo("amount");
            assertThat(problem.message()).isEqualTo("income 150.0 of 'MarketplaceSellerCompensationOperation'"
                    + " (Прочие компенсации) left out: the ledger records no income but sales");
        });
        assertThat(mapping.leftOutCredits()).isEqualByComparingTo("150");
        assertThat(mapping.entries()).noneMatch(e -> e.kind() == LedgerEntryKind.PAYOUT);
        // Every operation's entries add up to Ozon's amount for it, the compensation excepted.
        BigDecimal amounts = month().stream().limit(9).map(OzonTransaction::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(net(mapping)).isEqualByComparingTo(amounts);
    }

    @Test
    void mappingTheSameOperationsAgainGivesEqualEntries() {
        assertThat(new OzonLedgerMapper(SHOP).map(month()).entries()).isEqualTo(mapper.map(month()).entries());
        assertThat(mapper.map(month()).entries()).extracting(LedgerEntry::key).doesNotHaveDuplicates();
    }

    @Test
    void aReturnGivesTheCommissionBackAndAStornoCancelsTheSale() {
        OzonTransaction storno = operation(27481100050L, "OperationAgentStornoDeliveredToCustomer", op -> {
            op.put("accruals_for_sale", -590).put("sale_commission", 88.5).put("amount", -501.5);
            op.withArray("items").addObject().put("sku", 987654321L);
        });
        OzonLedgerMapping mapping = mapper.map(List.of(storno));

        assertThat(mapping.problems()).isEmpty();
        assertThat(amounts(mapping)).containsExactly(
                Map.entry("ozon:op:27481100050:CANCELLATION", "590.00"),
                Map.entry("ozon:op:27481100050:COMMISSION_REFUND", "88.50"));
        assertThat(mapping.entries().get(0).quantity()).isEqualByComparingTo("1");
    }

    @Test
    void signsContraryToTheOperationAreProblemsNotGuesses() {
        OzonTransaction negativeSale = sale(27481100060L, op -> op.put("accruals_for_sale", -100).put("amount", -323.5));
        OzonTransaction positiveReturn = operation(27481100061L, "ClientReturnAgentOperation", op -> {
            op.put("accruals_for_sale", 100).put("amount", 100);
            op.withArray("items").addObject().put("sku", 1473829501L);
        });
        OzonLedgerMapping mapping = mapper.map(List.of(negativeSale, positiveReturn));

        assertThat(mapping.entries()).isEmpty();
        assertThat(mapping.problems()).extracting(p -> p.index() + "|" + p.field() + "|" + p.message()).containsExactly(
                "0|accruals_for_sale|negative on a sale (-100); its direction is not documented",
                "1|accruals_for_sale|positive on a ClientReturnAgentOperation (100); its direction is not documented");
    }

    @Test
    void chargesCreditedBackAreLeftOutAndReported() {
        OzonTransaction sale = sale(27481100070L, op -> {
            op.put("delivery_charge", 45).put("amount", 1316.5);
            op.withArray("services").addObject().put("name", "MarketplaceServiceItemDelivToCustomer").put("price", 5);
        });
        OzonLedgerMapping mapping = mapper.map(List.of(sale));

        assertThat(amounts(mapping)).containsExactly(
                Map.entry("ozon:op:27481100070:SALE", "1490.00"),
                Map.entry("ozon:op:27481100070:COMMISSION", "223.50"));
        assertThat(mapping.problems()).extracting(OzonTransactionProblem::field)
                .containsExactly("delivery_charge", "services[0].price");
        assertThat(mapping.problems().get(0).message())
                .isEqualTo("credit 45 left out: the ledger holds no negative DELIVERY");
        assertThat(mapping.leftOutCredits()).isEqualByComparingTo("50");
    }

    @Test
    void anUnknownOperationTypeOrServiceIsAProblemAndNoEntry() {
        OzonTransaction unknown = operation(27481100080L, "OperationBrandNewThing", op -> op
                .put("operation_type_name", "Новая операция").put("amount", -10));
        OzonTransaction unknownService = sale(27481100081L, op -> {
            op.put("amount", 1256.5);
            op.withArray("services").addObject().put("name", "MarketplaceServiceItemTeleport").put("price", -10);
        });
        OzonTransaction missingType = operation(27481100082L, null, op -> op.put("amount", -10));
        OzonLedgerMapping mapping = mapper.map(List.of(unknown, unknownService, missingType));

        assertThat(mapping.entries()).isEmpty();
        assertThat(mapping.problems()).extracting(p -> p.index() + "|" + p.operationId() + "|" + p.field() + "|"
                + p.message()).containsExactly(
                "0|27481100080|operation_type|unknown operation type 'OperationBrandNewThing' (Новая операция); not"
                        + " recorded",
                "1|27481100081|services[0].name|unknown service 'MarketplaceServiceItemTeleport' (-10); its kind is"
                        + " not guessed",
                "2|27481100082|operation_type|missing; what the operation is cannot be told");
    }

    @Test
    void compensationsAndUndocumentedCorrectionsAreReportedNotRecorded() {
        OzonTransaction lost = operation(27481100090L, "OperationLackWriteOff", op -> op.put("amount", 800));
        OzonTransaction newCompensation = operation(27481100091L, "OperationNewCompensation", op -> op
                .put("type", "compensation").put("amount", 120));
        OzonTransaction correction = operation(27481100092L, "OperationCorrectionSeller", op -> op.put("amount", -40));
        OzonLedgerMapping mapping = mapper.map(List.of(lost, newCompensation, correction));

        assertThat(mapping.entries()).isEmpty();
        assertThat(mapping.problems()).extracting(OzonTransactionProblem::message).containsExactly(
                "income 800 of 'OperationLackWriteOff' left out: the ledger records no income but sales",
                "income 120 of 'OperationNewCompensation' left out: the ledger records no income but sales",
                "'OperationCorrectionSeller': what it corrects is not documented; not recorded");
        assertThat(mapping.leftOutCredits()).isEqualByComparingTo("920");
    }

    @Test
    void anOperationInAnotherCurrencyIsAProblemNotAnEntry() {
        OzonLedgerMapping mapping = mapper.map(OzonTransactionParserTest.page("other-currency.json").operations());

        assertThat(mapping.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.operationId()).isEqualTo(27481100030L);
            assertThat(problem.field()).isEqualTo("currency_code");
            assertThat(problem.message()).contains("'KZT'");
        });
        assertThat(mapping.entries()).extracting(LedgerEntry::key).allMatch(key -> key.startsWith("ozon:op:27481100031:"));
        assertThat(mapping.entries()).isNotEmpty();
    }

    @Test
    void theAmountIsCheckedAgainstItsPartsAndThePartsAreRecorded() {
        OzonLedgerMapping mapping = mapper.map(List.of(sale(27481100100L, op -> op.put("amount", 1300))));

        assertThat(amounts(mapping)).containsOnlyKeys("ozon:op:27481100100:SALE", "ozon:op:27481100100:COMMISSION");
        assertThat(mapping.problems()).singleElement().satisfies(problem -> assertThat(problem.message())
                .isEqualTo("amount 1300 differs from the sum of its parts 1266.50; the parts are recorded"));
    }

    @Test
    void theOfferIdIsTheProductWhenSentAndSeveralProductsAreReported() {
        OzonTransaction sale = sale(27481100110L, op -> {
            ArrayNode items = op.putArray("items");
            items.addObject().put("sku", 1473829501L).put("offer_id", "MUG-450-BLK");
            items.addObject().put("sku", 1473829501L).put("offer_id", "MUG-450-BLK");
            items.addObject().put("sku", 987654321L);
        });
        OzonLedgerMapping mapping = mapper.map(List.of(sale));

        LedgerEntry entry = entry(mapping, "ozon:op:27481100110:SALE");
        assertThat(entry.sku()).isEqualTo(Sku.of("MUG-450-BLK"));
        assertThat(entry.quantity()).isEqualByComparingTo("2");
        assertThat(mapping.problems()).singleElement().satisfies(problem -> assertThat(problem.message())
                .isEqualTo("the items name 2 products [MUG-450-BLK, 987654321]; the whole operation is recorded"
                        + " against MUG-450-BLK"));
    }

    @Test
    void operationsThatCannotBeRecordedWholeAreProblems() {
        OzonTransaction noProduct = sale(27481100120L, op -> op.putArray("items"));
        OzonTransaction noDate = sale(27481100121L, op -> op.remove("operation_date"));
        OzonTransaction serviceWithAccrual = operation(27481100122L, "OperationMarketplaceServiceStorage", op -> op
                .put("accruals_for_sale", 10).put("amount", 10));
        OzonTransaction saleWithoutParts = operation(27481100123L, "OperationAgentDeliveredToCustomer", op -> {
            op.put("amount", 990);
            op.withArray("items").addObject().put("sku", 1L);
        });
        OzonLedgerMapping mapping = mapper.map(List.of(noProduct, noDate, serviceWithAccrual, saleWithoutParts));

        assertThat(mapping.entries()).isEmpty();
        assertThat(mapping.problems()).extracting(p -> p.index() + "|" + p.field()).containsExactly(
                "0|items", "1|operation_date", "2|accruals_for_sale", "3|amount");
    }

    @Test
    void zeroAmountsMakeNoEntryAndNoProblem() {
        OzonTransaction nothing = operation(27481100130L, "OperationMarketplaceServiceStorage", op -> op
                .put("amount", 0));
        OzonTransaction zeroService = sale(27481100131L, op -> op.withArray("services").addObject()
                .put("name", "MarketplaceServiceItemTeleport").put("price", 0));

        OzonLedgerMapping mapping = mapper.map(List.of(nothing, zeroService));

        assertThat(mapping.problems()).isEmpty();
        assertThat(amounts(mapping)).containsOnlyKeys("ozon:op:27481100131:SALE", "ozon:op:27481100131:COMMISSION");
    }

    @Test
    void theKindsOfServicesAndChargesCanBeAsked() {
        assertThat(OzonLedgerMapper.serviceKind("MarketplaceServiceItemDelivToCustomer"))
                .isEqualTo(LedgerEntryKind.DELIVERY);
        assertThat(OzonLedgerMapper.serviceKind("MarketplaceRedistributionOfAcquiringOperation"))
                .isEqualTo(LedgerEntryKind.OTHER_EXPENSE);
        assertThat(OzonLedgerMapper.serviceKind("Unknown")).isNull();
        assertThat(OzonLedgerMapper.chargeKind("OperationMarketplaceWithHoldingForUndeliverableGoods"))
                .isEqualTo(LedgerEntryKind.PENALTY);
        assertThat(OzonLedgerMapper.chargeKind("OperationAgentDeliveredToCustomer")).isNull();
    }

    private static List<OzonTransaction> month() {
        return OzonTransactionParserTest.page("month-2025-06.json").operations();
    }

    /** A sale of one mug for 1490.00 with 223.50 commission; {@code fields} changes it. */
    private static OzonTransaction sale(long id, Consumer<ObjectNode> fields) {
        return operation(id, "OperationAgentDeliveredToCustomer", op -> {
            op.put("accruals_for_sale", "1490.00").put("sale_commission", "-223.50").put("amount", "1266.50");
            op.putObject("posting").put("posting_number", "87621409-0099-1");
            op.withArray("items").addObject().put("name", "Термокружка").put("sku", 1473829501L);
            fields.accept(op);
        });
    }

    private static OzonTransaction operation(long id, @javax.annotation.Nullable String type,
            Consumer<ObjectNode> fields) {
        ObjectNode op = HqJson.mapper().createObjectNode().put("operation_id", id).put("operation_type", type)
                .put("operation_date", "2025-06-10 12:00:00");
        fields.accept(op);
        ObjectNode body = HqJson.mapper().createObjectNode();
        body.putObject("result").putArray("operations").add(op);
        OzonTransactionPage page = new OzonTransactionParser().parse(body.toString());
        assertThat(page.problems()).isEmpty();
        return page.operations().get(0);
    }

    private static Map<String, String> amounts(OzonLedgerMapping mapping) {
        Map<String, String> amounts = new LinkedHashMap<>();
        mapping.entries().forEach(e -> amounts.put(e.key(), e.amount().amount().toPlainString()));
        return amounts;
    }

    /** Sales less everything else, in Ozon's sign: what the operations leave on the seller's balance. */
    private static BigDecimal net(OzonLedgerMapping mapping) {
        BigDecimal net = BigDecimal.ZERO;
        for (LedgerEntry entry : mapping.entries()) {
            BigDecimal amount = entry.amount().amount();
            net = entry.kind() == LedgerEntryKind.SALE || entry.kind() == LedgerEntryKind.COMMISSION_REFUND
                    ? net.add(amount) : net.subtract(amount);
        }
        return net;
    }

    private static LedgerEntry entry(OzonLedgerMapping mapping, String key) {
        return mapping.entries().stream().filter(e -> e.key().equals(key)).findFirst().orElseThrow();
    }
}

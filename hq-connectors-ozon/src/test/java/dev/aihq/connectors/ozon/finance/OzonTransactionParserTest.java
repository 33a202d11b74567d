package dev.aihq.connectors.ozon.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OzonTransactionParserTest {

    private final OzonTransactionParser parser = new OzonTransactionParser();

    @Test
    void readsEveryOperationOfTheMonthWithItsPostingItemsAndServices() {
        OzonTransactionPage page = page("month-2025-06.json");

        assertThat(page.problems()).isEmpty();
        assertThat(page.operations()).hasSize(10);
        assertThat(page.pageCount()).isEqualTo(1L);
        assertThat(page.rowCount()).isEqualTo(10L);
        assertThat(page.hasPageAfter(1)).isFalse();

        OzonTransaction sale = page.operations().get(0);
        assertThat(sale.operationId()).isEqualTo(27481100001L);
        assertThat(sale.operationType()).isEqualTo("OperationAgentDeliveredToCustomer");
        assertThat(sale.operationDate()).isEqualTo(Instant.parse("2025-06-03T14:22:10Z"));
        assertThat(sale.operationTypeName()).isEqualTo("Доставка покупателю");
        assertThat(sale.type()).isEqualTo("orders");
        assertThat(sale.accrualsForSale()).isEqualByComparingTo("1490.00");
        assertThat(sale.saleCommission()).isEqualByComparingTo("-223.50");
        assertThat(sale.deliveryCharge()).isZero();
        assertThat(sale.returnDeliveryCharge()).isZero();
        assertThat(sale.amount()).isEqualByComparingTo("1130.60");
        assertThat(sale.currencyCode()).isNull();
        assertThat(sale.posting()).isEqualTo(new OzonTransaction.Posting("FBS", Instant.parse("2025-05-30T09:15:42Z"),
                "87621409-0012-1", 1020000177886000L));
        assertThat(sale.items()).containsExactly(
                new OzonTransaction.Item("Термокружка стальная 450 мл, чёрная", 1473829501L, null));
        assertThat(sale.services()).extracting(OzonTransaction.Service::name).containsExactly(
                "MarketplaceServiceItemDirectFlowLogistic", "MarketplaceServiceItemDelivToCustomer",
                "MarketplaceServiceItemDropoffPVZ", "MarketplaceRedistributionOfAcquiringOperation");
        assertThat(sale.services().get(3).price()).isEqualByComparingTo("-14.90");
        // Two units of one product are two items.
        assertThat(page.operations().get(1).items()).hasSize(2);
    }

    @Test
    void aShopWideServiceHasNoPostingNoItemsAndNoServices() {
        OzonTransaction marketing = page("month-2025-06.json").operations().get(5);

        assertThat(marketing.operationType()).isEqualTo("MarketplaceMarketingActionCostOperation");
        // Ozon sends the posting's fields empty ("" and warehouse 0): no posting.
        assertThat(marketing.posting()).isNull();
        assertThat(marketing.items()).isEmpty();
        assertThat(marketing.services()).isEmpty();
        assertThat(marketing.amount()).isEqualByComparingTo("-350");
    }

    @Test
    void anEmptyPageHasNoOperations() {
        OzonTransactionPage page = page("empty.json");

        assertThat(page.empty()).isTrue();
        assertThat(page.pageCount()).isZero();
        assertThat(page.rowCount()).isZero();
        assertThat(page.hasPageAfter(1)).isFalse();
    }

    @Test
    void brokenOperationsAreReportedByIndexIdAndFieldAndTheRestIsKept() {
        OzonTransactionPage page = page("broken-operations.json");

        assertThat(page.operations()).extracting(OzonTransaction::operationId)
                .containsExactly(27481100020L, 27481100027L);
        assertThat(page.problems()).extracting(p -> p.index() + "|" + p.operationId() + "|" + p.field())
                .containsExactly(
                        "1|null|operation_id",
                        "2|27481100022|accruals_for_sale",
                        "3|27481100023|operation_date",
                        "4|null|operation",
                        "5|27481100025|services[0].price",
                        "5|27481100025|services[1].name",
                        "6|27481100026|posting.warehouse_id",
                        "6|27481100026|items[0]");
        assertThat(page.problems().get(1).message()).isEqualTo("not a number: \"1 490,00\"");
        assertThat(page.problems().get(3).message()).isEqualTo("not a JSON object but string");
        assertThat(page.problems().get(1).toString())
                .isEqualTo("operation 2 (operation_id 27481100022), accruals_for_sale: not a number: \"1 490,00\"");
        // Unknown fields, in the operation and its items, are ignored.
        assertThat(page.operations().get(1).items()).singleElement()
                .satisfies(item -> assertThat(item.sku()).isEqualTo(1473829501L));
        assertThat(page.rowCount()).isEqualTo(8L);
    }

    @Test
    void numbersMayComeAsStringsNullsAreAbsentAndTheCountsMayComeFirst() {
        OzonTransactionPage page = parser.parse("""
                {"result": {"page_count": "3", "row_count": 2500, "operations": [
                  {"operation_id": "27481100040", "operation_type": "OperationAgentDeliveredToCustomer",
                   "operation_date": "2025-06-03T14:22:10.500Z", "accruals_for_sale": "990.5",
                   "sale_commission": null, "amount": "", "posting": null, "items": null,
                   "services": [{"name": "MarketplaceServiceItemDelivToCustomer", "price": "-25"}],
                   "offer": {"unknown": true}}
                ]}, "extra": [1, 2]}
                """);

        assertThat(page.problems()).isEmpty();
        OzonTransaction operation = page.operations().get(0);
        assertThat(operation.operationId()).isEqualTo(27481100040L);
        assertThat(operation.operationDate()).isEqualTo(Instant.parse("2025-06-03T14:22:10.500Z"));
        assertThat(operation.accrualsForSale()).isEqualByComparingTo("990.5");
        assertThat(operation.saleCommission()).isNull();
        assertThat(operation.amount()).isNull();
        assertThat(operation.posting()).isNull();
        assertThat(operation.items()).isEmpty();
        assertThat(operation.services().get(0).price()).isEqualByComparingTo("-25");
        assertThat(page.pageCount()).isEqualTo(3L);
        assertThat(page.hasPageAfter(1)).isTrue();
        assertThat(page.hasPageAfter(3)).isFalse();
    }

    @Test
    void theOfferIdAndCurrencyAreReadWhenOzonSendsThem() {
        OzonTransaction operation = parser.parse("""
                {"result": {"operations": [{"operation_id": 1, "currency_code": "RUB",
                  "items": [{"name": "Кружка", "sku": 0, "offer_id": "MUG-450-BLK"}]}]}}
                """).operations().get(0);

        assertThat(operation.currencyCode()).isEqualTo("RUB");
        // sku 0 is no Ozon product id.
        assertThat(operation.items()).containsExactly(new OzonTransaction.Item("Кружка", null, "MUG-450-BLK"));
    }

    @Test
    void operationDatesAreUtc() {
        assertThat(OzonTransactionParser.utcInstant("2025-06-30 23:10:00")).isEqualTo(Instant.parse("2025-06-30T23:10:00Z"));
        assertThat(OzonTransactionParser.utcInstant("2025-06-30T23:10:00")).isEqualTo(Instant.parse("2025-06-30T23:10:00Z"));
        assertThat(OzonTransactionParser.utcInstant("2025-07-01T02:10:00+03:00"))
                .isEqualTo(Instant.parse("2025-06-30T23:10:00Z"));
        assertThat(OzonTransactionParser.utcInstant("2025-06-30")).isEqualTo(Instant.parse("2025-06-30T00:00:00Z"));
    }

    @Test
    void ozonsErrorBodyIsAnExceptionWithItsCode() {
        assertThatThrownBy(() -> parser.parse("""
                {"code": 7, "message": "Api-Key is missing a required role for a method", "details": []}
                """))
                .isInstanceOf(OzonFinanceFormatException.class)
                .hasMessage("Ozon answered an error instead: code 7, message 'Api-Key is missing a required role for"
                        + " a method'")
                .satisfies(e -> assertThat(((OzonFinanceFormatException) e).errorCode()).isEqualTo(7L));
        assertThatThrownBy(() -> parser.parseTotals("{\"code\": 16, \"message\": \"Invalid Api-Key, please check the"
                + " key and try again\", \"details\": []}"))
                .isInstanceOf(OzonFinanceFormatException.class)
                .satisfies(e -> assertThat(((OzonFinanceFormatException) e).errorCode()).isEqualTo(16L));
    }

    @Test
    void aBodyThatIsNotAPageIsAnException() {
        assertThatThrownBy(() -> parser.parse("[]")).isInstanceOf(OzonFinanceFormatException.class)
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> parser.parse("{\"operations\": []}")).isInstanceOf(OzonFinanceFormatException.class)
                .hasMessage("the transaction page has no result object");
        assertThatThrownBy(() -> parser.parse("{\"result\": {\"operations\": {}}}"))
                .isInstanceOf(OzonFinanceFormatException.class).hasMessageContaining("not a JSON array");
        assertThatThrownBy(() -> parser.parse("{\"result\": {\"operations\": [{\"operation_id\": 1}, {\"operat"))
                .isInstanceOf(OzonFinanceFormatException.class).hasMessageContaining("after 1 operations");
        assertThatThrownBy(() -> parser.parse("{\"result\": {\"page_count\": 1.5}}"))
                .isInstanceOf(OzonFinanceFormatException.class).hasMessageContaining("result.page_count");
        assertThatThrownBy(() -> parser.parse("{\"result\": {}} {}"))
                .isInstanceOf(OzonFinanceFormatException.class).hasMessageContaining("content after");
    }

    @Test
    void readsTheTotalsBareOrUnderResult() throws IOException {
        OzonTransactionTotals totals;
        try (InputStream in = resource("totals-2025-06.json")) {
            totals = parser.parseTotals(in);
        }
        assertThat(totals.accrualsForSale()).isEqualByComparingTo("5060");
        assertThat(totals.saleCommission()).isEqualByComparingTo("-535.5");
        assertThat(totals.processingAndDelivery()).isEqualByComparingTo("-582");
        assertThat(totals.refundsAndCancellations()).isEqualByComparingTo("-1490");
        assertThat(totals.servicesAmount()).isEqualByComparingTo("-904.87");
        assertThat(totals.compensationAmount()).isEqualByComparingTo("150");
        assertThat(totals.moneyTransfer()).isZero();
        assertThat(totals.othersAmount()).isEqualByComparingTo("-12.4");

        OzonTransactionTotals bare = parser.parseTotals("{\"accruals_for_sale\": \"96647.58\", \"sale_commission\":"
                + " -11456.65, \"money_transfer\": null}");
        assertThat(bare.accrualsForSale()).isEqualByComparingTo("96647.58");
        assertThat(bare.saleCommission()).isEqualByComparingTo("-11456.65");
        assertThat(bare.moneyTransfer()).isNull();
        assertThat(bare.othersAmount()).isNull();

        assertThatThrownBy(() -> parser.parseTotals("{\"result\": {\"sale_commission\": \"a lot\"}}"))
                .isInstanceOf(OzonFinanceFormatException.class).hasMessageContaining("sale_commission");
        assertThatThrownBy(() -> parser.parseTotals("[1]")).isInstanceOf(OzonFinanceFormatException.class);
        assertThatThrownBy(() -> parser.parseTotals("{\"result\":")).isInstanceOf(OzonFinanceFormatException.class);
    }

    static OzonTransactionPage page(String name) {
        try (InputStream in = resource(name)) {
            return new OzonTransactionParser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputStream resource(String name) {
        InputStream in = OzonTransactionParserTest.class.getResourceAsStream("/ozon/finance/" + name);
        if (in == null) {
            throw new IllegalStateException("no fixture " + name);
        }
        return in;
    }
}

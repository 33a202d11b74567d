package dev.aihq.connectors.ozon;

import dev.aihq.api.ShopId;
import dev.aihq.api.connector.Capability;
import dev.aihq.api.store.LedgerEntry;
import dev.aihq.api.store.LedgerStore;
import dev.aihq.connectors.ozon.finance.OzonFinancePeriods;
import dev.aihq.connectors.ozon.finance.OzonFinanceWindow;
import dev.aihq.connectors.ozon.finance.OzonLedgerMapper;
import dev.aihq.connectors.ozon.finance.OzonLedgerMapping;
import dev.aihq.connectors.ozon.finance.OzonTransactionPage;
import dev.aihq.connectors.ozon.finance.OzonTransactionParser;
import dev.aihq.connectors.ozon.finance.OzonTransactionProblem;
import dev.aihq.connectors.ozon.finance.OzonTransactionTotals;
import dev.aihq.connectors.ozon.internal.client.OzonHttp;
import dev.aihq.http.HttpCall;
import dev.aihq.http.HttpResult;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javax.annotation.Nullable;

/**
 * Ozon's finance transactions ({@code POST /v3/finance/transaction/list}, reference §3.8) and their recording as
 * the shop's ledger entries, the accountant's actual figures. A range is asked in windows of at most one month,
 * one after another as Ozon asks, each read page by page to its {@code page_count}; every page is parsed
 * ({@link OzonTransactionParser}), mapped ({@link OzonLedgerMapper}) and recorded at once, so a failure keeps
 * what was read before it and a re-run records nothing twice (the keys are the operations' ids). Reached from
 * {@link OzonClient#finance()}. {@link #totals} reads {@code /v3/finance/transaction/totals} the same way, for
 * reconciliation. Thread-safe.
 */
public final class OzonFinance {

    /** The transaction list's path. */
    public static final String LIST_PATH = "/v3/finance/transaction/list";
    /** The largest page Ozon serves. */
    public static final int PAGE_SIZE = 1000;

    /** The totals' path. */
    public static final String TOTALS_PATH = "/v3/finance/transaction/totals";

    private final OzonHttp http;
    private final OzonTransactionParser parser = new OzonTransactionParser();

    OzonFinance(OzonHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /**
     * Reads every page of a range's transactions, window by window, handing each parsed page over.
     *
     * @param shopId the shop
     * @param from the start (UTC instant; for a shop's month use its zone's start, see the README)
     * @param to the end, exclusive
     * @param page what to do with each page
     * @return how many pages were read
     * @throws dev.aihq.api.error.CapabilityNotSupportedException if the shop has no credentials
     * @throws dev.aihq.api.error.MarketplaceException the mapped failure, Ozon's text in its message
     */
    public int forEachPage(ShopId shopId, Instant from, Instant to, Consumer<OzonTransactionPage> page) {
        Objects.requireNonNull(page, "page");
        int pages = 0;
        for (OzonFinanceWindow window : OzonFinancePeriods.months(from, to)) {
            for (int number = 1; ; number++) {
                OzonTransactionPage read = read(shopId, window, number);
                pages++;
                page.accept(read);
                if (!read.hasPageAfter(number)) {
                    break;
                }
            }
        }
        return pages;
    }

    /**
     * Reads a range's transactions and records them in the ledger, page by page.
     *
     * @param shopId the shop
     * @param from the start
     * @param to the end, exclusive
     * @param ledger where the entries go
     * @return what was read and recorded, with every problem
     */
    public OzonActualsReport recordActuals(ShopId shopId, Instant from, Instant to, LedgerStore ledger) {
        Objects.requireNonNull(ledger, "ledger");
        OzonLedgerMapper mapper = new OzonLedgerMapper(shopId);
        int[] counts = new int[3]; // operations, entries, new entries
        List<OzonTransactionProblem> problems = new ArrayList<>();
        BigDecimal[] leftOut = {BigDecimal.ZERO};
        int pages = forEachPage(shopId, from, to, page -> {
            problems.addAll(page.problems());
            OzonLedgerMapping mapping = mapper.map(page.operations());
            problems.addAll(mapping.problems());
            leftOut[0] = leftOut[0].add(mapping.leftOutCredits());
            // The same operation on two windows' shared boundary is one entry.
            Map<String, LedgerEntry> unique = new LinkedHashMap<>();
            mapping.entries().forEach(e -> unique.putIfAbsent(e.key(), e));
            counts[0] += page.operations().size();
            counts[1] += unique.size();
            counts[2] += unique.isEmpty() ? 0 : ledger.recordAll(List.copyOf(unique.values()));
        });
        return new OzonActualsReport(pages, counts[0], counts[1], counts[2], problems, leftOut[0]);
    }

    /**
     * Reads the totals of a range ({@code POST /v3/finance/transaction/totals}), one request per one-month window
     * as for the list, and adds them up field by field; a field no window gives stays {@code null}. For
     * reconciliation only: the ledger is written from the operations ({@link #recordActuals}), and Ozon warns its
     * figures "may not match the cabinet".
     *
     * @param shopId the shop
     * @param from the start
     * @param to the end, exclusive
     * @return the range's totals, in roubles, signed as Ozon signs them
     * @throws dev.aihq.api.error.CapabilityNotSupportedException if the shop has no credentials
     * @throws dev.aihq.api.error.MarketplaceException the mapped failure, Ozon's text in its message
     * @throws dev.aihq.connectors.ozon.finance.OzonFinanceFormatException if a window's totals cannot be read
     */
    public OzonTransactionTotals totals(ShopId shopId, Instant from, Instant to) {
        OzonTransactionTotals sum = new OzonTransactionTotals(null, null, null, null, null, null, null, null);
        for (OzonFinanceWindow window : OzonFinancePeriods.months(from, to)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("date", dateRange(window));
            body.put("transaction_type", "all");
            HttpResult result = http.execute(shopId, Capability.FINANCE_DATA,
                    HttpCall.post(TOTALS_PATH).jsonBody(http.codec().writeBytes(body)).retryable(true));
            sum = plus(sum, parser.parseTotals(new ByteArrayInputStream(result.body())));
        }
        return sum;
    }

    private static OzonTransactionTotals plus(OzonTransactionTotals a, OzonTransactionTotals b) {
        return new OzonTransactionTotals(plus(a.accrualsForSale(), b.accrualsForSale()),
                plus(a.saleCommission(), b.saleCommission()),
                plus(a.processingAndDelivery(), b.processingAndDelivery()),
                plus(a.refundsAndCancellations(), b.refundsAndCancellations()),
                plus(a.servicesAmount(), b.servicesAmount()),
                plus(a.compensationAmount(), b.compensationAmount()),
                plus(a.moneyTransfer(), b.moneyTransfer()),
                plus(a.othersAmount(), b.othersAmount()));
    }

    private static @Nullable BigDecimal plus(@Nullable BigDecimal a, @Nullable BigDecimal b) {
        return a == null ? b : b == null ? a : a.add(b);
    }

    private static Map<String, Object> dateRange(OzonFinanceWindow window) {
        Map<String, Object> date = new LinkedHashMap<>();
        date.put("from", window.from().toString());
        date.put("to", window.to().toString());
        return date;
    }

    private OzonTransactionPage read(ShopId shopId, OzonFinanceWindow window, int page) {
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("date", dateRange(window));
        filter.put("transaction_type", "all");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("filter", filter);
        body.put("page", page);
        body.put("page_size", PAGE_SIZE);
        HttpResult result = http.execute(shopId, Capability.FINANCE_DATA,
                HttpCall.post(LIST_PATH).jsonBody(http.codec().writeBytes(body)).retryable(true));
        return parser.parse(new ByteArrayInputStream(result.body()));
    }

    @Override
    public String toString() {
        return "OzonFinance[" + http + "]";
    }
}

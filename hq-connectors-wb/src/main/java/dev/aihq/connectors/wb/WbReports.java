package dev.aihq.connectors.wb;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.aihq.api.ShopId;
import dev.aihq.api.connector.Capability;
import dev.aihq.api.error.CapabilityNotSupportedException;
import dev.aihq.api.error.MarketplaceException;
import dev.aihq.api.store.LedgerStore;
import dev.aihq.connectors.wb.finance.WbLedgerMapper;
import dev.aihq.connectors.wb.finance.WbLedgerMapping;
import dev.aihq.connectors.wb.finance.WbReportFormatException;
import dev.aihq.connectors.wb.finance.WbReportPage;
import dev.aihq.connectors.wb.finance.WbReportParser;
import dev.aihq.connectors.wb.finance.WbReportProblem;
import dev.aihq.connectors.wb.finance.WbReportRow;
import dev.aihq.connectors.wb.internal.client.WbHttp;
import dev.aihq.connectors.wb.internal.dto.BalanceDto;
import dev.aihq.connectors.wb.internal.mapper.WbOrderMapper;
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

/**
 * A shop's Wildberries finance (reference §2.8), from {@link WbClient#reports()}: the sales report
 * ({@code GET statistics-api…/api/v5/supplier/reportDetailByPeriod}) read every page, recorded in the ledger as the
 * shop's actual figures, and the balance ({@code GET finance-api…/api/v1/account/balance}).
 *
 * <pre>{@code
 * WbActualsReport done = wb.client().reports().recordActuals(shop, weekStart, weekEnd, stores.ledger());
 * // done.newEntries(): recorded now; a re-run records nothing (entries are keyed wb:rrd:<rrd_id>:<KIND>)
 * }</pre>
 *
 * <p><b>Paging.</b> The first request sends {@code rrdid=0}, each next one the last {@code rrd_id} of the page
 * before ({@link WbReportPage#lastRrdId()}), until WB answers HTTP 204 (an empty {@code []} page ends it too).
 * {@code limit} is {@link WbConfig#reportPageSize()} (at most 100 000); dates are RFC 3339 in Moscow time. WB
 * allows one request a minute ({@link WbMethodGroup#REPORT_DETAIL}, likewise {@link WbMethodGroup#BALANCE}): the
 * client's rate limiter waits between pages through its sleeper, so a report of {@code n} pages takes about
 * {@code n} minutes. Each page is parsed as a stream ({@link WbReportParser}); its bad rows become problems.
 *
 * <p>A shop without a token gets a {@link CapabilityNotSupportedException} for {@link Capability#FINANCE_DATA}
 * before any request. Thread-safe.
 */
public final class WbReports {

    /** The most pages one report is read in, a guard against a cursor that never ends. */
    public static final int MAX_PAGES = 10_000;

    static final String REPORT = "/api/v5/supplier/reportDetailByPeriod";
    static final String BALANCE = "/api/v1/account/balance";

    private final WbHttp http;
    private final int pageSize;

    WbReports(WbHttp http, int pageSize) {
        this.http = Objects.requireNonNull(http, "http");
        this.pageSize = pageSize;
    }

    /**
     * Reads the sales report of a span, every page.
     *
     * @param shopId the shop
     * @param from the span's start (sent in Moscow time)
     * @param to the span's end, not before {@code from}
     * @param period weekly or daily reports
     * @return the rows and the problems of every page
     * @throws CapabilityNotSupportedException for {@link Capability#FINANCE_DATA} if the shop has no token
     * @throws MarketplaceException if WB refuses, fails or answers what is not a report page
     */
    public WbSalesReport salesReport(ShopId shopId, Instant from, Instant to, WbReportPeriod period) {
        List<WbReportRow> rows = new ArrayList<>();
        List<WbReportProblem> problems = new ArrayList<>();
        int pages = forEachPage(shopId, from, to, period, page -> {
            rows.addAll(page.rows());
            problems.addAll(page.problems());
        });
        return new WbSalesReport(pages, rows, problems);
    }

    /**
     * Reads the sales report of a span page by page, as {@link #salesReport} does.
     *
     * @param shopId the shop
     * @param from the span's start
     * @param to the span's end, not before {@code from}
     * @param period weekly or daily reports
     * @param page called with each page that held rows, in order
     * @return how many pages held rows
     * @throws CapabilityNotSupportedException for {@link Capability#FINANCE_DATA} if the shop has no token
     * @throws MarketplaceException if WB refuses, fails or answers what is not a report page
     */
    public int forEachPage(ShopId shopId, Instant from, Instant to, WbReportPeriod period,
            Consumer<WbReportPage> page) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(page, "page");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
        String request = "GET " + REPORT;
        WbReportParser parser = new WbReportParser();
        long rrdId = 0;
        for (int pages = 0; ; pages++) {
            if (pages >= MAX_PAGES) {
                throw new WbResponseException(200, "rrd_id", request + ": more than " + MAX_PAGES
                        + " pages; the cursor does not end", null);
            }
            Map<String, String> query = new LinkedHashMap<>();
            query.put("dateFrom", WbOrders.moscow(from));
            query.put("dateTo", WbOrders.moscow(to));
            query.put("limit", Integer.toString(pageSize));
            query.put("rrdid", Long.toString(rrdId));
            query.put("period", period.wire());
            HttpResult result = http.execute(shopId, WbMethodGroup.REPORT_DETAIL, WbApi.STATISTICS,
                    HttpCall.get(REPORT).query(query).header("Accept", "application/json"));
            if (result.status() == 204 || result.body().length == 0) {
                return pages;
            }
            WbReportPage parsed;
            try {
                parsed = parser.parse(new ByteArrayInputStream(result.body()));
            } catch (WbReportFormatException e) {
                throw new WbResponseException(result.status(), "$", request + ": malformed response (rrdid=" + rrdId
                        + "): " + e.getMessage(), e);
            }
            if (parsed.empty()) {
                return pages;
            }
            page.accept(parsed);
            Long last = parsed.lastRrdId();
            if (last == null || last <= rrdId) {
                throw new WbResponseException(result.status(), "rrd_id", request + ": the page after rrdid=" + rrdId
                        + " has no later rrd_id (" + last + "); paging cannot go on", null);
            }
            rrdId = last;
        }
    }

    /**
     * Records the sales report of a span in the ledger as the shop's actual figures: each page read, mapped with
     * {@link WbLedgerMapper} and recorded with {@link LedgerStore#recordAll} before the next is asked for. Entries
     * are keyed by {@code rrd_id} and kind, so running it again (a retry, an overlapping span) records nothing
     * twice. Weekly reports.
     *
     * @param shopId the shop
     * @param from the span's start
     * @param to the span's end, not before {@code from}
     * @param ledger where the entries go
     * @return pages, rows, entries new and known, problems
     * @throws CapabilityNotSupportedException for {@link Capability#FINANCE_DATA} if the shop has no token
     * @throws MarketplaceException if WB refuses, fails or answers what is not a report page; the pages before
     *     are recorded
     * @throws dev.aihq.api.error.StoreException if the ledger fails
     */
    public WbActualsReport recordActuals(ShopId shopId, Instant from, Instant to, LedgerStore ledger) {
        return recordActuals(shopId, from, to, WbReportPeriod.WEEKLY, ledger);
    }

    /**
     * Records the sales report of a span in the ledger; see {@link #recordActuals(ShopId, Instant, Instant,
     * LedgerStore)}.
     *
     * @param shopId the shop
     * @param from the span's start
     * @param to the span's end, not before {@code from}
     * @param period weekly or daily reports
     * @param ledger where the entries go
     * @return pages, rows, entries new and known, problems
     * @throws CapabilityNotSupportedException for {@link Capability#FINANCE_DATA} if the shop has no token
     * @throws MarketplaceException if WB refuses, fails or answers what is not a report page
     * @throws dev.aihq.api.error.StoreException if the ledger fails
     */
    public WbActualsReport recordActuals(ShopId shopId, Instant from, Instant to, WbReportPeriod period,
            LedgerStore ledger) {
        Objects.requireNonNull(ledger, "ledger");
        WbLedgerMapper mapper = new WbLedgerMapper(shopId);
        int[] counts = new int[3];
        BigDecimal[] returned = {BigDecimal.ZERO};
        List<WbReportProblem> problems = new ArrayList<>();
        int pages = forEachPage(shopId, from, to, period, page -> {
            WbLedgerMapping mapping = mapper.map(page.rows());
            int recorded = mapping.entries().isEmpty() ? 0 : ledger.recordAll(mapping.entries());
            counts[0] += page.rows().size();
            counts[1] += mapping.entries().size();
            counts[2] += recorded;
            returned[0] = returned[0].add(mapping.returnedCommission());
            problems.addAll(page.problems());
            problems.addAll(mapping.problems());
        });
        return new WbActualsReport(pages, counts[0], counts[1], counts[2], counts[1] - counts[2], problems,
                returned[0]);
    }

    /**
     * Reads the shop's balance.
     *
     * @param shopId the shop
     * @return the currency, the balance and what can be withdrawn
     * @throws CapabilityNotSupportedException for {@link Capability#FINANCE_DATA} if the shop has no token
     * @throws MarketplaceException if WB refuses, fails or answers what cannot be read
     */
    public WbBalance balance(ShopId shopId) {
        BalanceDto body = http.get(shopId, WbMethodGroup.BALANCE, WbApi.FINANCE, BALANCE, Map.of(),
                new TypeReference<BalanceDto>() {});
        if (body == null) {
            throw new WbResponseException(200, "$", "GET " + BALANCE + ": malformed response, empty body", null);
        }
        return WbOrderMapper.balance("GET " + BALANCE, body);
    }

    @Override
    public String toString() {
        return "WbReports[" + http + "]";
    }
}

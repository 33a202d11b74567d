package dev.aihq.connectors.wb;

import dev.aihq.connectors.wb.finance.WbReportProblem;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What {@link WbReports#recordActuals} recorded: the report's pages and rows, the ledger entries they made (new
 * ones, and ones the ledger already held from an earlier run), and what was left out.
 *
 * @param pages how many pages held rows
 * @param rows the valid rows read
 * @param entries the ledger entries the rows made
 * @param newEntries the entries recorded now
 * @param knownEntries the entries the ledger already held ({@code entries - newEntries}); a re-run has only these
 * @param problems the rows the parser left out, then the rows or amounts the mapping left out, page by page
 * @param returnedCommission the commission WB gave back on returns, recorded as {@code COMMISSION_REFUND} (see
 *     {@link dev.aihq.connectors.wb.finance.WbLedgerMapping#returnedCommission()}), summed over the pages
 */
public record WbActualsReport(int pages, int rows, int entries, int newEntries, int knownEntries,
        List<WbReportProblem> problems, BigDecimal returnedCommission) {

    /** Copies the problems. */
    public WbActualsReport {
        problems = List.copyOf(problems);
        Objects.requireNonNull(returnedCommission, "returnedCommission");
    }
}

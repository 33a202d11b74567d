package dev.aihq.connectors.wb;

import dev.aihq.connectors.wb.finance.WbReportProblem;
import dev.aihq.connectors.wb.finance.WbReportRow;
import java.util.List;

/**
 * The sales report of a span as {@link WbReports#salesReport} read it, every page to WB's 204.
 *
 * @param pages how many pages held rows
 * @param rows the valid rows, in WB's order
 * @param problems the rows left out, with their index within their page, {@code rrd_id} and field
 */
public record WbSalesReport(int pages, List<WbReportRow> rows, List<WbReportProblem> problems) {

    /** Copies the lists. */
    public WbSalesReport {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }
}

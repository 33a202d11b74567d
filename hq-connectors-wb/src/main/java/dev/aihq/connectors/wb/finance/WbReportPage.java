package dev.aihq.connectors.wb.finance;

import java.util.List;
import javax.annotation.Nullable;

/**
 * One page of the sales report as read by {@link WbReportParser}: the valid rows, the problems of the rows that
 * were not valid, and the {@code rrd_id} to ask for the next page with.
 *
 * <p>Paging (reference §2.8): the caller asks {@code reportDetailByPeriod} with {@code rrdid=0}, then with
 * {@code rrdid=}{@link #lastRrdId()} of each page, until WB answers HTTP 204 (no content). An empty page
 * ({@code []}) has no last id and also ends the paging.
 *
 * @param rows the valid rows, in the page's order
 * @param problems the problems of the rows left out, in the page's order
 * @param lastRrdId the {@code rrd_id} of the page's last row that had a readable one, valid or not (a row
 *     left out for a bad amount was still delivered, so paging goes on after it), or {@code null} when no row
 *     had one
 */
public record WbReportPage(List<WbReportRow> rows, List<WbReportProblem> problems, @Nullable Long lastRrdId) {

    /** Copies the lists. */
    public WbReportPage {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    /**
     * Tells whether the page held no rows at all, valid or not.
     *
     * @return {@code true} for an empty page
     */
    public boolean empty() {
        return rows.isEmpty() && problems.isEmpty() && lastRrdId == null;
    }
}

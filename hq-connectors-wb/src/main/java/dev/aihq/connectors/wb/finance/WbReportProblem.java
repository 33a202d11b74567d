package dev.aihq.connectors.wb.finance;

import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A row of the sales report that could not be read or mapped, or a part of a row that is left out of the
 * ledger: which row, which field and why. The rest of the page is still read and mapped.
 *
 * @param rowIndex the row's position, from 0: in the page's JSON array for the parser, in the list of rows
 *     given to the mapper for the mapper
 * @param rrdId the row's {@code rrd_id}, or {@code null} when the row has none (or it is unreadable)
 * @param field the report field concerned, as WB names it (e.g. {@code rrd_id}, {@code retail_amount},
 *     {@code supplier_oper_name})
 * @param message what is wrong, in English, with the offending value where it helps
 */
public record WbReportProblem(int rowIndex, @Nullable Long rrdId, String field, String message) {

    /** Requires a field and a message, and a row index of at least 0. */
    public WbReportProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        if (rowIndex < 0) {
            throw new IllegalArgumentException("row index must not be negative, got " + rowIndex);
        }
    }

    @Override
    public String toString() {
        return "row " + rowIndex + (rrdId == null ? "" : " (rrd_id " + rrdId + ")") + ", " + field + ": " + message;
    }
}

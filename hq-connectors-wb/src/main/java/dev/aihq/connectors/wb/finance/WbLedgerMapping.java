package dev.aihq.connectors.wb.finance;

import dev.aihq.api.store.LedgerEntry;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What {@link WbLedgerMapper} made of report rows: the ledger entries to record, the problems of the rows (or
 * parts of rows) it left out, and the one known amount the ledger cannot hold.
 *
 * @param entries the entries, in the rows' order; record them with
 *     {@link dev.aihq.api.store.LedgerStore#recordAll}
 * @param problems the rows not mapped (another currency, an unknown operation, a negative or missing amount)
 *     and the amounts left out of mapped rows ({@code additional_payment}), in the rows' order
 * @param returnedCommission WB's remuneration on the returned goods ({@code retail_amount − ppvz_for_pay} of the
 *     {@code Возврат} rows mapped), which WB gives back to the seller, recorded as {@code COMMISSION_REFUND}
 *     entries; never negative
 */
public record WbLedgerMapping(List<LedgerEntry> entries, List<WbReportProblem> problems,
        BigDecimal returnedCommission) {

    /** Copies the lists and requires the amount. */
    public WbLedgerMapping {
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
        Objects.requireNonNull(returnedCommission, "returned commission");
    }
}

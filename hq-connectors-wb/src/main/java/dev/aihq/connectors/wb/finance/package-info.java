/**
 * Wildberries' sales report ({@code reportDetailByPeriod}, the realisation report detail of the statistics API)
 * as the accountant's actuals: {@link dev.aihq.connectors.wb.finance.WbReportParser} streams one page of the
 * report into {@link dev.aihq.connectors.wb.finance.WbReportRow}s and reports the rows it cannot read;
 * {@link dev.aihq.connectors.wb.finance.WbLedgerMapper} turns rows into ledger entries (sales, returns, WB's
 * commission, logistics, fines, storage, paid acceptance, deductions and payouts) under stable keys, so that
 * reading a report again records nothing twice. Fetching the pages (the HTTP call, paging by {@code rrdid} until
 * HTTP 204, one request a minute) is the client's job; this package only reads what it returns.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.connectors.wb.finance;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;

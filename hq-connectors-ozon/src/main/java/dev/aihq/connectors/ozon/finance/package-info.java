/**
 * Ozon's finance transactions ({@code /v3/finance/transaction/list} and {@code /v3/finance/transaction/totals},
 * reference §3.8) as the accountant's actuals: {@link dev.aihq.connectors.ozon.finance.OzonTransactionParser}
 * streams one page of transactions into {@link dev.aihq.connectors.ozon.finance.OzonTransaction}s and reports the
 * operations it cannot read; {@link dev.aihq.connectors.ozon.finance.OzonLedgerMapper} turns operations into ledger
 * entries (sales, returns, Ozon's commission and the commission it gives back, logistics, other services and
 * fines) under stable keys, so that reading a month again records nothing twice;
 * {@link dev.aihq.connectors.ozon.finance.OzonFinancePeriods} splits a range into the one-month windows one request
 * may ask. Fetching the pages (the HTTP call, sequential requests, paging by {@code page} up to
 * {@code page_count}) is the client's job; this package only reads what it returns.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.connectors.ozon.finance;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;

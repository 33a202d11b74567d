package dev.aihq.connectors.ozon.finance;

import dev.aihq.api.store.LedgerEntry;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What {@link OzonLedgerMapper} made of operations: the ledger entries to record, the problems of the operations
 * (or parts of operations) it left out, and the money Ozon credited that the ledger cannot hold.
 *
 * @param entries the entries, in the operations' order; record them with
 *     {@link dev.aihq.api.store.LedgerStore#recordAll}
 * @param problems the operations not mapped (another currency, an unknown or undocumented operation type, an
 *     amount of the wrong sign, a missing date or product) and the parts left out of mapped ones (compensations,
 *     charges credited back), in the operations' order
 * @param leftOutCredits the sum of the positive amounts left out and reported: compensations and other income
 *     Ozon credited, delivery charges and service prices Ozon gave back; never negative
 */
public record OzonLedgerMapping(List<LedgerEntry> entries, List<OzonTransactionProblem> problems,
        BigDecimal leftOutCredits) {

    /** Copies the lists and requires the amount. */
    public OzonLedgerMapping {
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
        Objects.requireNonNull(leftOutCredits, "left-out credits");
        if (leftOutCredits.signum() < 0) {
            throw new IllegalArgumentException("left-out credits must not be negative, got "
                    + leftOutCredits.toPlainString());
        }
    }
}

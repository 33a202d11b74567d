package dev.aihq.connectors.ozon;

import dev.aihq.connectors.ozon.finance.OzonTransactionProblem;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What {@link OzonFinance#recordActuals} read and recorded.
 *
 * @param pages the pages read, over every one-month window
 * @param operations the operations read
 * @param entries the ledger entries the operations mapped to
 * @param newEntries the entries the ledger did not hold yet; a re-run has none
 * @param problems the operations the parser or the mapping left out, each with its reason
 * @param leftOutCredits the money Ozon credited that the ledger does not take (compensations, credited charges)
 */
public record OzonActualsReport(int pages, int operations, int entries, int newEntries,
        List<OzonTransactionProblem> problems, BigDecimal leftOutCredits) {

    /** Copies the problems. */
    public OzonActualsReport {
        problems = List.copyOf(problems);
        Objects.requireNonNull(leftOutCredits, "left out credits");
    }
}

package dev.aihq.connectors.ozon.finance;

import java.util.List;
import javax.annotation.Nullable;

/**
 * One page of the transaction list as read by {@link OzonTransactionParser}: the valid operations, the problems
 * of the operations that were not valid, and Ozon's paging counts.
 *
 * <p>Paging (reference §3.8): the caller asks {@code page=1}, {@code 2}, … up to {@link #pageCount()} with the
 * same filter, one request after another, for one window of at most a month ({@link OzonFinancePeriods}).
 *
 * @param operations the valid operations, in the page's order
 * @param problems the problems of the operations left out, in the page's order
 * @param pageCount {@code page_count}: how many pages the filter has, or {@code null} when not sent
 * @param rowCount {@code row_count}: how many operations the filter has, or {@code null} when not sent
 */
public record OzonTransactionPage(List<OzonTransaction> operations, List<OzonTransactionProblem> problems,
        @Nullable Long pageCount, @Nullable Long rowCount) {

    /** Copies the lists. */
    public OzonTransactionPage {
        operations = List.copyOf(operations);
        problems = List.copyOf(problems);
    }

    /**
     * Tells whether the page held no operations at all, valid or not.
     *
     * @return {@code true} for an empty page
     */
    public boolean empty() {
        return operations.isEmpty() && problems.isEmpty();
    }

    /**
     * Tells whether a page after {@code page} is to be asked for.
     *
     * @param page this page's number, from 1
     * @return {@code true} when {@link #pageCount()} is greater than {@code page}; {@code false} when it is not, or
     *     is not known
     */
    public boolean hasPageAfter(long page) {
        return pageCount != null && pageCount > page;
    }
}

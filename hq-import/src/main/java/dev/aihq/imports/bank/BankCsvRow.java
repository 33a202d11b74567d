package dev.aihq.imports.bank;

import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * One data row of a bank CSV export: a transaction, or the problems that left it out.
 *
 * @param row the 1-based row in the file (the header and the rows above it count)
 * @param transaction the transaction, or {@code null} when the row has problems
 * @param problems what is wrong with the row, per column; empty exactly when there is a transaction
 */
public record BankCsvRow(int row, @Nullable BankTransaction transaction, List<BankProblem> problems) {

    /**
     * Validates the row.
     *
     * @throws IllegalArgumentException when it has both or neither of a transaction and problems
     */
    public BankCsvRow {
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
        if ((transaction == null) == problems.isEmpty()) {
            throw new IllegalArgumentException("a bank CSV row has either a transaction or problems");
        }
    }
}

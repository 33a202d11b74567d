package dev.aihq.imports.bank;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one bank statement import did. The lists are capped ({@link BankStatementImport.Builder#listLimit}) so a
 * huge file cannot fill memory; the totals always count everything.
 *
 * @param file the file's name
 * @param sha256 the file's SHA-256, hex
 * @param transactionsRead the transactions read (rejected documents and rows not counted)
 * @param byCategory how many transactions each category got, every category present
 * @param imported the ledger entries recorded by this import
 * @param duplicates the entries the ledger already had (an earlier import of the same documents) or that the file
 *     repeats
 * @param unmatched the unmatched transactions, in file order, at most the list limit
 * @param unmatchedTotal all unmatched transactions
 * @param problems the problems by line or row and field, in file order, at most the list limit
 * @param problemsTotal all problems
 */
public record BankImportResult(String file, String sha256, int transactionsRead, Map<BankCategory, Integer> byCategory,
        int imported, int duplicates, List<BankTransaction> unmatched, int unmatchedTotal, List<BankProblem> problems,
        int problemsTotal) {

    /**
     * Validates the result.
     *
     * @throws IllegalArgumentException when a count is negative or a list is longer than its total
     */
    public BankImportResult {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
        EnumMap<BankCategory, Integer> counts = new EnumMap<>(BankCategory.class);
        for (BankCategory category : BankCategory.values()) {
            counts.put(category, Objects.requireNonNull(byCategory, "by category").getOrDefault(category, 0));
        }
        byCategory = Collections.unmodifiableMap(counts);
        unmatched = List.copyOf(unmatched);
        problems = List.copyOf(problems);
        if (transactionsRead < 0 || imported < 0 || duplicates < 0 || unmatchedTotal < unmatched.size()
                || problemsTotal < problems.size()) {
            throw new IllegalArgumentException("inconsistent bank import counts");
        }
    }

    /**
     * Returns how many transactions a category got.
     *
     * @param category the category
     * @return the count
     */
    public int count(BankCategory category) {
        return byCategory.get(category);
    }
}

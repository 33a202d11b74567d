package dev.aihq.imports;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one import. Every data row is counted once as read; a row with a problem is skipped and its
 * problems listed; valid rows are written.
 *
 * @param source the file's name
 * @param mapping the column mapping's name
 * @param mappingVerified whether the mapping was checked against real files; when not, the figures deserve a look
 * @param rowsRead data rows read (after the header; blank rows not counted)
 * @param imported what was written: ledger entries (a report row may hold several: sale, commission,
 *     logistics), or products updated or created
 * @param duplicates what was stored already and left as it was: entries whose key exists (the same rows imported
 *     again), or products the row would not change
 * @param skipped rows not written: rows with problems and rows with nothing to record (all amounts zero)
 * @param problems the first problems, in row order, at most the importer's cap
 * @param problemCount all problems, also those beyond the cap
 * @param elapsed how long the import took
 */
public record ImportReport(String source, String mapping, boolean mappingVerified, long rowsRead, long imported,
        long duplicates, long skipped, List<ImportProblem> problems, long problemCount, Duration elapsed) {

    /** Validates the report and copies the problems. */
    public ImportReport {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(elapsed, "elapsed");
        problems = List.copyOf(problems);
        if (rowsRead < 0 || imported < 0 || duplicates < 0 || skipped < 0 || problemCount < problems.size()) {
            throw new IllegalArgumentException("report counts must not be negative, nor fewer problems than listed");
        }
    }

    /**
     * Tells whether every row was valid.
     *
     * @return {@code true} when there was no problem
     */
    public boolean clean() {
        return problemCount == 0;
    }
}

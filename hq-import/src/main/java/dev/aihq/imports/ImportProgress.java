package dev.aihq.imports;

/**
 * How far an import is, for a progress bar: counts so far.
 *
 * @param rowsRead data rows read so far (blank rows not counted)
 * @param imported what was written so far (ledger entries, or products saved)
 * @param duplicates what was already stored so far
 * @param problems problems found so far
 * @param done whether the file is finished
 */
public record ImportProgress(long rowsRead, long imported, long duplicates, long problems, boolean done) {

    /** Validates the counts. */
    public ImportProgress {
        if (rowsRead < 0 || imported < 0 || duplicates < 0 || problems < 0) {
            throw new IllegalArgumentException("progress counts must not be negative");
        }
    }
}

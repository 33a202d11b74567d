package dev.aihq.imports;

import dev.aihq.imports.mapping.BoundColumns;
import dev.aihq.imports.mapping.ColumnMapping;
import dev.aihq.imports.mapping.ColumnMappingException;
import dev.aihq.imports.table.RowHandler;
import dev.aihq.imports.table.TableRow;
import dev.aihq.imports.table.TableSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javax.annotation.Nullable;

/**
 * One import's bookkeeping shared by the importers: finding the header, skipping blank rows, counting, capping the
 * problem list and telling the listener. Not thread-safe; one per import.
 */
final class ImportRun {

    private final TableSource source;
    private final ColumnMapping mapping;
    private final int maxProblems;
    private final int progressEvery;
    private final ImportProgressListener listener;
    private final long started = System.nanoTime();
    private final List<ImportProblem> problems = new ArrayList<>();
    private @Nullable BoundColumns columns;
    private long problemCount;
    long rowsRead;
    long imported;
    long duplicates;
    long skipped;

    ImportRun(TableSource source, ColumnMapping mapping, int maxProblems, int progressEvery,
            ImportProgressListener listener) {
        this.source = source;
        this.mapping = mapping;
        this.maxProblems = maxProblems;
        this.progressEvery = progressEvery;
        this.listener = listener;
    }

    /**
     * Streams the data rows to the handler with the columns bound; before the header, rows are only looked at.
     *
     * @param handler gets each non-blank data row
     * @param flush called after the last row, before the final progress
     */
    void run(BiConsumer<TableRow, BoundColumns> handler, Runnable flush) {
        Integer headerRow = mapping.headerRow();
        if (headerRow != null && headerRow == 0) {
            columns = mapping.bind(null);
        }
        RowHandler rows = row -> {
            if (columns == null) {
                findHeader(row, headerRow);
                return;
            }
            if (row.isBlank()) {
                return;
            }
            rowsRead++;
            handler.accept(row, columns);
            if (rowsRead % progressEvery == 0) {
                listener.progress(progress(false));
            }
        };
        source.read(rows);
        if (columns == null) {
            throw new ColumnMappingException(source.name() + ": no header row with the required columns of mapping "
                    + mapping.name() + " in the first " + (headerRow != null ? headerRow : mapping.headerSearchRows())
                    + " rows" + (lastCandidate == null ? " (the file is empty)" : "; " + describeMissing()));
        }
        flush.run();
        listener.progress(progress(true));
    }

    private @Nullable TableRow lastCandidate;

    private void findHeader(TableRow row, @Nullable Integer headerRow) {
        if (headerRow != null) {
            if (row.number() == headerRow) {
                columns = mapping.bind(row);
            }
            return;
        }
        if (row.number() > mapping.headerSearchRows() || row.isBlank()) {
            return;
        }
        if (lastCandidate == null) {
            lastCandidate = row;
        }
        if (mapping.isHeader(row)) {
            columns = mapping.bind(row);
        }
    }

    /** Binding the first non-blank row names exactly which required columns it lacks. */
    private String describeMissing() {
        try {
            mapping.bind(lastCandidate);
            return "";
        } catch (ColumnMappingException e) {
            return e.getMessage();
        }
    }

    void problem(int row, String column, String value, String message) {
        problemCount++;
        if (problems.size() < maxProblems) {
            problems.add(new ImportProblem(row, column, Values.excerpt(value), message));
        }
    }

    long problemCount() {
        return problemCount;
    }

    ImportProgress progress(boolean done) {
        return new ImportProgress(rowsRead, imported, duplicates, problemCount, done);
    }

    ImportReport report() {
        return new ImportReport(source.name(), mapping.name(), mapping.verified(), rowsRead, imported, duplicates,
                skipped, problems, problemCount, Duration.ofNanos(System.nanoTime() - started));
    }
}

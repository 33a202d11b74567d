package dev.aihq.imports.table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A table in a file whose rows can be streamed: {@link CsvTableSource} or {@link XlsxTableSource}. A source knows
 * the SHA-256 of its file's bytes, which the importers use to key rows that carry no key of their own, so a file
 * imported twice is recognised.
 */
public interface TableSource {

    /**
     * Returns the file's name, for reports and the ledger entries' source.
     *
     * @return the name, e.g. {@code sales-march.csv}
     */
    String name();

    /**
     * Returns the SHA-256 of the file's bytes.
     *
     * @return 64 lowercase hex digits
     * @throws TableReadException when the file cannot be read
     */
    String contentHash();

    /**
     * Streams every row, the header included, to the handler, in order; blank rows are passed too, so that the
     * numbers stay those of the file.
     *
     * @param handler the handler
     * @throws TableReadException when the file cannot be read or is not a table of this format
     */
    void read(RowHandler handler);

    /**
     * Opens a file by its extension: {@code .xlsx} as a spreadsheet (first sheet), anything else as CSV with
     * the encoding and delimiter detected.
     *
     * @param file the file
     * @return the source
     * @throws TableReadException when the file does not exist
     */
    static TableSource open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TableReadException("no such file: " + file);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".xlsx") ? XlsxTableSource.of(file) : CsvTableSource.of(file);
    }

}

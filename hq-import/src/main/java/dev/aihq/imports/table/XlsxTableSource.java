package dev.aihq.imports.table;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import javax.annotation.Nullable;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * One sheet of an XLSX workbook, streamed row by row through fastexcel-reader (StAX over the sheet's XML, no
 * workbook model in memory). Cells keep what they hold: a number as a {@link BigDecimal}, a number formatted as
 * a date as a {@link LocalDateTime} (1900 and 1904 date systems), text as text. Rows missing from the file
 * (Excel leaves empty rows out) are passed as blank rows, so the numbers are those Excel shows. Immutable and
 * thread-safe.
 */
public final class XlsxTableSource implements TableSource {

    private static final ReadingOptions WITH_FORMATS = new ReadingOptions(true, false);

    private final Path file;
    private final String contentHash;
    private final @Nullable String sheetName;

    private XlsxTableSource(Path file, String contentHash, @Nullable String sheetName) {
        this.file = file;
        this.contentHash = contentHash;
        this.sheetName = sheetName;
    }

    /**
     * Opens the first sheet of a workbook.
     *
     * @param file the workbook
     * @return the source
     * @throws TableReadException when the file cannot be read
     */
    public static XlsxTableSource of(Path file) {
        return of(file, null);
    }

    /**
     * Opens a named sheet of a workbook.
     *
     * @param file the workbook
     * @param sheetName the sheet's name, or {@code null} for the first sheet
     * @return the source
     * @throws TableReadException when the file cannot be read
     */
    public static XlsxTableSource of(Path file, @Nullable String sheetName) {
        Objects.requireNonNull(file, "file");
        return new XlsxTableSource(file, FileHash.of(file), sheetName);
    }

    @Override
    public String name() {
        return file.getFileName().toString();
    }

    @Override
    public String contentHash() {
        return contentHash;
    }

    @Override
    public void read(RowHandler handler) {
        Objects.requireNonNull(handler, "handler");
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile(), WITH_FORMATS)) {
            Sheet sheet = sheetName == null ? workbook.getFirstSheet() : workbook.findSheet(sheetName)
                    .orElseThrow(() -> new TableReadException(name() + " has no sheet named '" + sheetName + "'"));
            try (Stream<Row> rows = sheet.openStream()) {
                int next = 1;
                for (Iterator<Row> it = rows.iterator(); it.hasNext();) {
                    Row row = it.next();
                    for (; next < row.getRowNum(); next++) {
                        handler.row(new TableRow(next, List.of()));
                    }
                    handler.row(new TableRow(row.getRowNum(), cells(row)));
                    next = row.getRowNum() + 1;
                }
            }
        } catch (IOException | ExcelReaderException e) {
            throw new TableReadException("cannot read " + name() + " as XLSX: " + e.getMessage(), e);
        }
    }

    private static List<TableCell> cells(Row row) {
        List<TableCell> cells = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
            Cell cell = row.getCell(i);
            cells.add(cell == null ? TableCell.EMPTY : cell(cell));
        }
        return cells;
    }

    private static TableCell cell(Cell cell) {
        CellType type = cell.getType();
        if (type == CellType.NUMBER || type == CellType.FORMULA && cell.getValue() instanceof BigDecimal) {
            BigDecimal number = (BigDecimal) cell.getValue();
            if (number == null) {
                return TableCell.EMPTY;
            }
            LocalDateTime date = isDateFormat(cell.getDataFormatString()) ? cell.asDate() : null;
            return new TableCell(number.toPlainString(), number, date);
        }
        Object value = cell.getValue();
        return value == null ? TableCell.EMPTY : TableCell.text(String.valueOf(value));
    }

    /** A number format that shows a date or time: day, month or year letters outside quotes and brackets. */
    static boolean isDateFormat(@Nullable String format) {
        if (format == null || format.isEmpty() || "General".equalsIgnoreCase(format)) {
            return false;
        }
        String bare = format.replaceAll("\"[^\"]*\"|\\[[^]]*]|\\\\.", "").toLowerCase(Locale.ROOT);
        return bare.contains("d") || bare.contains("y") || bare.contains("m") && !bare.contains("0");
    }
}

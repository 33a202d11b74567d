package dev.aihq.imports.table;

import java.util.List;
import java.util.Objects;

/**
 * One row of a table: its number as a spreadsheet program shows it (the first row of the file is 1) and its cells
 * from the first column on. Rows are handed over one at a time and not kept, so a file of any length needs the
 * same memory.
 *
 * @param number the row number, from 1
 * @param cells the cells, left to right; a row may be shorter than the header
 */
public record TableRow(int number, List<TableCell> cells) {

    /** Validates the row. */
    public TableRow {
        if (number < 1) {
            throw new IllegalArgumentException("row numbers start at 1, got " + number);
        }
        cells = List.copyOf(cells);
    }

    /**
     * Returns a cell by its zero-based column index.
     *
     * @param column the column index, from 0
     * @return the cell, or {@link TableCell#EMPTY} beyond the row's end
     */
    public TableCell cell(int column) {
        Objects.checkIndex(column, Integer.MAX_VALUE);
        return column < cells.size() ? cells.get(column) : TableCell.EMPTY;
    }

    /**
     * Tells whether every cell is empty, e.g. a spacer line between blocks of an export.
     *
     * @return {@code true} when the row holds nothing
     */
    public boolean isBlank() {
        return cells.stream().allMatch(TableCell::isEmpty);
    }

    /**
     * Returns the spreadsheet letter of a zero-based column index: 0 is {@code A}, 26 is {@code AA}.
     *
     * @param column the column index, from 0
     * @return the letters
     */
    public static String columnLetter(int column) {
        if (column < 0) {
            throw new IllegalArgumentException("column index must not be negative, got " + column);
        }
        StringBuilder letters = new StringBuilder();
        for (int n = column + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }

    /**
     * Reads spreadsheet column letters as a zero-based index: {@code A} is 0, {@code AA} is 26.
     *
     * @param letters one to three Latin letters, any case
     * @return the column index
     * @throws IllegalArgumentException when the text is not column letters
     */
    public static int columnIndex(String letters) {
        String upper = letters.strip().toUpperCase(java.util.Locale.ROOT);
        if (upper.isEmpty() || upper.length() > 3 || !upper.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            throw new IllegalArgumentException("not a column letter: '" + letters + "'");
        }
        int index = 0;
        for (int i = 0; i < upper.length(); i++) {
            index = index * 26 + (upper.charAt(i) - 'A' + 1);
        }
        return index - 1;
    }
}

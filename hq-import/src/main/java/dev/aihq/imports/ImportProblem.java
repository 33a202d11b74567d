package dev.aihq.imports;

import java.util.Objects;

/**
 * One thing wrong with one cell of a file: the row as the seller sees it, the column by its header and letter,
 * an excerpt of the value and what is wrong. The row is skipped; the others are imported.
 *
 * @param row the row number, from 1
 * @param column the column, e.g. {@code «Дата» (B)}
 * @param value an excerpt of the cell's text (at most 40 characters), empty for an empty cell
 * @param message what is wrong, e.g. {@code not a date; expected dd.MM.yyyy…}
 */
public record ImportProblem(int row, String column, String value, String message) {

    /** Validates the problem. */
    public ImportProblem {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(message, "message");
        if (row < 1) {
            throw new IllegalArgumentException("row numbers start at 1, got " + row);
        }
    }

    /** Returns e.g. {@code row 7, column «Дата» (A), '31.02.2026': not a valid date …}. */
    @Override
    public String toString() {
        return "row " + row + ", column " + column + (value.isEmpty() ? " (empty)" : ", '" + value + "'") + ": "
                + message;
    }
}

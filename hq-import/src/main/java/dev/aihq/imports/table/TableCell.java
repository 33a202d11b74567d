package dev.aihq.imports.table;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * One cell as the file holds it: always its text, and for spreadsheet cells that hold a number or a date, the
 * typed value too, so that nothing is lost to formatting.
 *
 * @param text the text, trimmed; empty for an empty cell
 * @param number the number a spreadsheet cell holds, or {@code null} (always {@code null} in CSV)
 * @param dateTime the date a spreadsheet cell holds (a number formatted as a date), or {@code null}
 */
public record TableCell(String text, @Nullable BigDecimal number, @Nullable LocalDateTime dateTime) {

    /** An empty cell. */
    public static final TableCell EMPTY = new TableCell("", null, null);

    /** Requires the text; trims it. */
    public TableCell {
        Objects.requireNonNull(text, "text");
        text = text.strip();
    }

    /**
     * Creates a text cell.
     *
     * @param text the text
     * @return the cell
     */
    public static TableCell text(String text) {
        return text.isBlank() ? EMPTY : new TableCell(text, null, null);
    }

    /**
     * Tells whether the cell holds nothing.
     *
     * @return {@code true} when there is no text and no typed value
     */
    public boolean isEmpty() {
        return text.isEmpty() && number == null && dateTime == null;
    }
}

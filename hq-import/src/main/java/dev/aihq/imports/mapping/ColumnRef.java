package dev.aihq.imports.mapping;

import dev.aihq.imports.table.TableRow;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Where a field's column is: one of several header names (compared trimmed, ignoring case, repeated spaces and the
 * difference between «ё» and «е»), or a fixed position.
 *
 * @param headers the header names, in order of preference; empty when {@code index} is set
 * @param index the zero-based column index, or {@code null} when found by header
 */
public record ColumnRef(List<String> headers, @Nullable Integer index) {

    /** Validates that exactly one of the two is given. */
    public ColumnRef {
        headers = List.copyOf(headers);
        if (headers.isEmpty() == (index == null)) {
            throw new IllegalArgumentException("a column is found either by header names or by position");
        }
        if (index != null && index < 0) {
            throw new IllegalArgumentException("column index must not be negative, got " + index);
        }
        if (headers.stream().anyMatch(h -> normalise(h).isEmpty())) {
            throw new IllegalArgumentException("header names must not be blank");
        }
    }

    /**
     * Finds a column by header names.
     *
     * @param names one or more names, in order of preference
     * @return the reference
     */
    public static ColumnRef header(String... names) {
        return new ColumnRef(List.of(names), null);
    }

    /**
     * Finds a column by its spreadsheet letter.
     *
     * @param letters e.g. {@code C} or {@code AB}
     * @return the reference
     */
    public static ColumnRef letter(String letters) {
        return new ColumnRef(List.of(), TableRow.columnIndex(letters));
    }

    /**
     * Finds a column by position.
     *
     * @param index the zero-based index
     * @return the reference
     */
    public static ColumnRef index(int index) {
        return new ColumnRef(List.of(), index);
    }

    /**
     * Tells whether this reference is by header.
     *
     * @return {@code true} for header names
     */
    public boolean byHeader() {
        return index == null;
    }

    /**
     * Describes the reference for messages: the first header name or the column letter.
     *
     * @return e.g. {@code «Дата»} or {@code column C}
     */
    public String describe() {
        return index == null ? "«" + headers.get(0) + "»" : "column " + TableRow.columnLetter(index);
    }

    /**
     * Normalises a header for comparison: trimmed, lower case, «ё» as «е», runs of spaces as one, a byte order
     * mark and no-break spaces removed.
     *
     * @param header the header text
     * @return the comparable form
     */
    public static String normalise(String header) {
        Objects.requireNonNull(header, "header");
        return header.replace('\uFEFF', ' ').replace('\u00A0', ' ').strip().replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT).replace('ё', 'е');
    }
}

package dev.aihq.imports;

import dev.aihq.imports.mapping.BoundColumns;
import dev.aihq.imports.mapping.ImportField;
import dev.aihq.imports.table.TableCell;
import dev.aihq.imports.table.TableRow;
import java.util.Locale;
import javax.annotation.Nullable;

/** Reading one field's cell of a row, with its problem reported against the row and the column. */
final class Cells {

    private Cells() {}

    /** Reads a cell as a value of one kind; its problem is reported against the row and column. */
    @FunctionalInterface
    interface ValueCell<T> {
        @Nullable T read(TableCell cell);
    }

    static <T> @Nullable T read(ImportRun run, TableRow row, BoundColumns columns, ImportField field, boolean required,
            ValueCell<T> reader) {
        if (!columns.has(field)) {
            if (required) {
                run.problem(row.number(), columns.label(field), "", "required " + describe(field) + " is missing");
            }
            return null;
        }
        TableCell cell = columns.cell(row, field);
        try {
            T value = cell.isEmpty() ? null : reader.read(cell);
            if (value == null && required) {
                run.problem(row.number(), columns.label(field), cell.text(), "required " + describe(field)
                        + " is empty");
            }
            return value;
        } catch (IllegalArgumentException e) {
            // ValueFormatException, and the value types' own validation (an over-long SKU or order number).
            run.problem(row.number(), columns.label(field), cell.text(), e.getMessage());
        }
        return null;
    }

    private static String describe(ImportField field) {
        return field.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}

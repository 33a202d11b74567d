package dev.aihq.imports.mapping;

import dev.aihq.api.store.LedgerEntryKind;
import dev.aihq.imports.table.TableCell;
import dev.aihq.imports.table.TableRow;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A {@link ColumnMapping} bound to one file's header: the column index of each field found, and how to name it in
 * messages. Immutable.
 */
public final class BoundColumns {

    /**
     * A column found in the file.
     *
     * @param index the zero-based index
     * @param label how messages name it, e.g. {@code «Дата» (B)}
     */
    public record Column(int index, String label) {
        /** Validates the column. */
        public Column {
            Objects.requireNonNull(label, "label");
            if (index < 0) {
                throw new IllegalArgumentException("column index must not be negative");
            }
        }
    }

    private final ColumnMapping mapping;
    private final Map<ImportField, Column> columns;
    private final Map<LedgerEntryKind, Column> kindAmounts;

    BoundColumns(ColumnMapping mapping, Map<ImportField, Column> columns, Map<LedgerEntryKind, Column> kindAmounts) {
        this.mapping = mapping;
        Map<ImportField, Column> fields = new EnumMap<>(ImportField.class);
        fields.putAll(columns);
        Map<LedgerEntryKind, Column> amounts = new EnumMap<>(LedgerEntryKind.class);
        amounts.putAll(kindAmounts);
        this.columns = Collections.unmodifiableMap(fields);
        this.kindAmounts = Collections.unmodifiableMap(amounts);
    }

    /**
     * Returns the mapping.
     *
     * @return the mapping bound
     */
    public ColumnMapping mapping() {
        return mapping;
    }

    /**
     * Tells whether the file has a field, by column or fixed value.
     *
     * @param field the field
     * @return {@code true} when rows can have it
     */
    public boolean has(ImportField field) {
        return columns.containsKey(field) || mapping.fixed().containsKey(field);
    }

    /**
     * Returns a field's cell of a row: the column's cell, or the fixed value where the column is missing or the
     * cell empty.
     *
     * @param row the row
     * @param field the field
     * @return the cell, {@link TableCell#EMPTY} when there is neither
     */
    public TableCell cell(TableRow row, ImportField field) {
        Column column = columns.get(field);
        TableCell cell = column == null ? TableCell.EMPTY : row.cell(column.index());
        String fixed = mapping.fixed().get(field);
        return cell.isEmpty() && fixed != null ? TableCell.text(fixed) : cell;
    }

    /**
     * Names a field's column for messages.
     *
     * @param field the field
     * @return e.g. {@code «Дата» (B)}, or the field's name with "(fixed)" when it has no column
     */
    public String label(ImportField field) {
        Column column = columns.get(field);
        return column != null ? column.label() : field + " (" + (mapping.fixed().containsKey(field) ? "fixed value"
                : "not in the file") + ")";
    }

    /**
     * Returns the extra amount columns found, per kind.
     *
     * @return the columns
     */
    public Map<LedgerEntryKind, Column> kindAmounts() {
        return kindAmounts;
    }

    /**
     * Returns a column found.
     *
     * @param field the field
     * @return the column, or {@code null} when the file lacks it
     */
    public @Nullable Column column(ImportField field) {
        return columns.get(field);
    }
}

package dev.aihq.imports.table;

/** Receives the rows of a {@link TableSource}, in order, one at a time. */
@FunctionalInterface
public interface RowHandler {

    /**
     * Handles one row; it must not be kept beyond the call if memory is to stay bounded.
     *
     * @param row the row
     */
    void row(TableRow row);
}

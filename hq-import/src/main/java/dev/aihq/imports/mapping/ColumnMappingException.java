package dev.aihq.imports.mapping;

/**
 * A file that does not fit its column mapping as a whole, e.g. a required column that no header names. Nothing is
 * imported; the message names each missing column and what the file's header holds.
 */
public final class ColumnMappingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is missing, naming the columns
     */
    public ColumnMappingException(String message) {
        super(message);
    }
}

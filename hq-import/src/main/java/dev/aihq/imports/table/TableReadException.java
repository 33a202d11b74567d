package dev.aihq.imports.table;

/** A file that cannot be read as a table at all: missing, unreadable, or not of its format. Nothing is imported. */
public final class TableReadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the file
     */
    public TableReadException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what failed, naming the file
     * @param cause the cause
     */
    public TableReadException(String message, Throwable cause) {
        super(message, cause);
    }
}

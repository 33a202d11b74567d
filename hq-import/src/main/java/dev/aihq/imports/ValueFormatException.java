package dev.aihq.imports;

/**
 * A cell whose text is not a value of the expected kind; the importers turn it into an {@link ImportProblem}
 * naming the row and the column.
 */
public final class ValueFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong with the value, for the seller
     */
    public ValueFormatException(String message) {
        super(message);
    }
}

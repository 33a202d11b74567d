package dev.aihq.api.error;

import javax.annotation.Nullable;

/** A store failed to read or write. The operation had no partial effect unless its javadoc says otherwise. */
public class StoreException extends HqException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     */
    public StoreException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public StoreException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}

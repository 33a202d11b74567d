package dev.aihq.api.error;

import javax.annotation.Nullable;

/**
 * Root of AI HQ's exceptions. Every exception the SDK throws is unchecked and extends this type, so an
 * integrator can catch one type at a boundary. Messages name what went wrong and never contain secrets
 * or unmasked phone numbers.
 */
public class HqException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what went wrong
     */
    public HqException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public HqException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}

package dev.aihq.api.error;

import javax.annotation.Nullable;

/** A builder or component was configured incompletely or inconsistently. The message lists every problem at once. */
public class ConfigurationException extends HqException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     */
    public ConfigurationException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public ConfigurationException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}

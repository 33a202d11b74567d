package dev.aihq.api.error;

import javax.annotation.Nullable;

/** An agent could not produce a usable result: the model failed, timed out or answered something the parser or guard refused. */
public class AgentException extends HqException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     */
    public AgentException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public AgentException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}

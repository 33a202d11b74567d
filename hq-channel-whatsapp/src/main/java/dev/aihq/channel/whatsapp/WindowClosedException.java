package dev.aihq.channel.whatsapp;

import javax.annotation.Nullable;

/**
 * Code 131047: more than 24 hours have passed since the customer last wrote, so only an approved
 * template may be sent. The "needs a template" outcome: close the window in state and send a template
 * instead; never retry the free-form text.
 */
public final class WindowClosedException extends WhatsAppRejectedException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param service the remote service, {@code whatsapp}
     * @param status the HTTP status, or 0 for an asynchronous error
     * @param message what went wrong, masked
     * @param error the error as reported
     * @param cause the underlying failure, or {@code null}
     */
    public WindowClosedException(String service, int status, String message, CloudApiError error,
            @Nullable Throwable cause) {
        super(service, status, message, error, cause);
    }
}

package dev.aihq.channel.whatsapp;

import dev.aihq.api.error.RequestRejectedException;

import javax.annotation.Nullable;

/**
 * WhatsApp refused the message and another try gives the same answer: the window is closed
 * ({@link WindowClosedException}), the recipient cannot be reached, they stopped marketing, the template
 * is wrong, the account is blocked, or the request is invalid. {@link #kind()} says which.
 */
public class WhatsAppRejectedException extends RequestRejectedException implements CloudApiFailure {

    private static final long serialVersionUID = 1L;

    private final transient CloudApiError error;

    /**
     * Creates the exception.
     *
     * @param service the remote service, {@code whatsapp}
     * @param status the HTTP status, or 0 for an asynchronous error
     * @param message what went wrong, masked
     * @param error the error as reported
     * @param cause the underlying failure, or {@code null}
     */
    public WhatsAppRejectedException(String service, int status, String message, CloudApiError error,
            @Nullable Throwable cause) {
        super(service, status, message, cause);
        this.error = error;
    }

    @Override
    public CloudApiError error() {
        return error;
    }
}

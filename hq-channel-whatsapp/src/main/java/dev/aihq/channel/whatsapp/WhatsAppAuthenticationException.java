package dev.aihq.channel.whatsapp;

import dev.aihq.api.error.AuthenticationException;

import javax.annotation.Nullable;

/**
 * WhatsApp refused the access token (codes 0, 190) or its permissions (10, 200-299): rotate the token or
 * fix the System User's permissions. Not retried.
 */
public final class WhatsAppAuthenticationException extends AuthenticationException implements CloudApiFailure {

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
    public WhatsAppAuthenticationException(String service, int status, String message, CloudApiError error,
            @Nullable Throwable cause) {
        super(service, status, message, cause);
        this.error = error;
    }

    @Override
    public CloudApiError error() {
        return error;
    }
}

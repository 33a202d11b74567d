package dev.aihq.api.error;

import javax.annotation.Nullable;

/** The credentials were refused (HTTP 401 or 403): a bad, expired or revoked token. Not retried, to avoid a retry storm. */
public class AuthenticationException extends NonRetriableMarketplaceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param service the remote service
     * @param status the HTTP status
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public AuthenticationException(String service, int status, String message, @Nullable Throwable cause) {
        super(service, status, message, cause);
    }
}

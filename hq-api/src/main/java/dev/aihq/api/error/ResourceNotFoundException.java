package dev.aihq.api.error;

import javax.annotation.Nullable;

/** The requested resource does not exist (HTTP 404). */
public class ResourceNotFoundException extends NonRetriableMarketplaceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param service the remote service
     * @param status the HTTP status
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public ResourceNotFoundException(String service, int status, String message, @Nullable Throwable cause) {
        super(service, status, message, cause);
    }
}

package dev.aihq.api.error;

import javax.annotation.Nullable;

/** The service rejected the request as invalid (HTTP 400, 409, 422 and other 4xx). */
public class RequestRejectedException extends NonRetriableMarketplaceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param service the remote service
     * @param status the HTTP status
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public RequestRejectedException(String service, int status, String message, @Nullable Throwable cause) {
        super(service, status, message, cause);
    }
}

package dev.aihq.api.error;

import javax.annotation.Nullable;

/** A remote failure that another attempt would repeat: fix the request or the credentials first. */
public class NonRetriableMarketplaceException extends MarketplaceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param service the remote service
     * @param status the HTTP status
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public NonRetriableMarketplaceException(String service, int status, String message, @Nullable Throwable cause) {
        super(service, status, message, cause);
    }

    @Override
    public boolean isRetriable() {
        return false;
    }
}

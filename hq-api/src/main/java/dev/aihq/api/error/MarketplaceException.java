package dev.aihq.api.error;

import javax.annotation.Nullable;

/**
 * A remote API (a marketplace, a messaging provider) answered with an error or did not answer. Split
 * into {@link RetriableMarketplaceException} (rate limited, unavailable, timed out: worth another try)
 * and {@link NonRetriableMarketplaceException} (bad credentials, not found, rejected: another try gives
 * the same answer). The one HTTP status mapper in hq-http produces these for every connector and channel.
 */
public abstract class MarketplaceException extends HqException {

    private static final long serialVersionUID = 1L;

    private final String service;
    private final int status;

    /**
     * Creates the exception.
     *
     * @param service the remote service, e.g. {@code kaspi} or {@code whatsapp}
     * @param status the HTTP status, or 0 when there was no response
     * @param message what went wrong, with secrets and phone numbers masked
     * @param cause the underlying failure
     */
    protected MarketplaceException(String service, int status, String message, @Nullable Throwable cause) {
        super(service + (status > 0 ? " answered HTTP " + status + ": " : ": ") + message, cause);
        this.service = service;
        this.status = status;
    }

    /**
     * Returns the remote service's name.
     *
     * @return the service
     */
    public String service() {
        return service;
    }

    /**
     * Returns the HTTP status.
     *
     * @return the status, or 0 when no response arrived
     */
    public int status() {
        return status;
    }

    /**
     * Tells whether another attempt may succeed.
     *
     * @return {@code true} for retriable failures
     */
    public abstract boolean isRetriable();
}

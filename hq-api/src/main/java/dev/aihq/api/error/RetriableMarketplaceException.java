package dev.aihq.api.error;

import java.time.Duration;
import java.util.Optional;
import javax.annotation.Nullable;

/** A remote failure worth another attempt, after {@link #retryAfter()} when the service said so. */
public class RetriableMarketplaceException extends MarketplaceException {

    private static final long serialVersionUID = 1L;

    private final transient @Nullable Duration retryAfter;

    /**
     * Creates the exception.
     *
     * @param service the remote service
     * @param status the HTTP status, or 0 when no response arrived
     * @param message what went wrong
     * @param retryAfter how long the service asked to wait, if it did
     * @param cause the underlying failure
     */
    public RetriableMarketplaceException(String service, int status, String message,
            @Nullable Duration retryAfter, @Nullable Throwable cause) {
        super(service, status, message, cause);
        this.retryAfter = retryAfter;
    }

    /**
     * Returns the wait the service asked for ({@code Retry-After} or its own header).
     *
     * @return the wait, or empty
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean isRetriable() {
        return true;
    }
}

package dev.aihq.api.error;

import java.time.Duration;
import javax.annotation.Nullable;

/** The service throttled the caller (HTTP 429); wait {@link #retryAfter()} when given. */
public class RateLimitedException extends RetriableMarketplaceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param service the remote service
     * @param status the HTTP status, or 0 when no response arrived
     * @param message what went wrong
     * @param retryAfter how long the service asked to wait, if it did
     * @param cause the underlying failure
     */
    public RateLimitedException(String service, int status, String message, @Nullable Duration retryAfter, @Nullable Throwable cause) {
        super(service, status, message, retryAfter, cause);
    }
}

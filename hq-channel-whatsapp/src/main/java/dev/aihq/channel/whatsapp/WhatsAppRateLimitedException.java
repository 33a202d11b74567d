package dev.aihq.channel.whatsapp;

import dev.aihq.api.error.RateLimitedException;
import java.time.Duration;
import javax.annotation.Nullable;

/**
 * WhatsApp throttled the sender: the number's throughput (130429), the application or account rate
 * (4, 80007), or the pair rate to one customer (131056, {@link ErrorKind#RECIPIENT_RATE_LIMITED}, which
 * always carries a {@link #retryAfter()} of at least {@link CloudApiErrors#PAIR_RATE_WAIT}). Retriable.
 */
public final class WhatsAppRateLimitedException extends RateLimitedException implements CloudApiFailure {

    private static final long serialVersionUID = 1L;

    private final transient CloudApiError error;

    /**
     * Creates the exception.
     *
     * @param service the remote service, {@code whatsapp}
     * @param status the HTTP status, or 0 for an asynchronous error
     * @param message what went wrong, masked
     * @param retryAfter how long to wait, or {@code null} to use the retry policy's backoff
     * @param error the error as reported
     * @param cause the underlying failure, or {@code null}
     */
    public WhatsAppRateLimitedException(String service, int status, String message, @Nullable Duration retryAfter, CloudApiError error,
            @Nullable Throwable cause) {
        super(service, status, message, retryAfter, cause);
        this.error = error;
    }

    @Override
    public CloudApiError error() {
        return error;
    }
}

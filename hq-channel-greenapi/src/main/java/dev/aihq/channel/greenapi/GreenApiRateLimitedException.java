package dev.aihq.channel.greenapi;

import dev.aihq.api.channel.ChannelFailure;
import dev.aihq.api.channel.FailureKind;
import dev.aihq.api.error.RateLimitedException;
import java.time.Duration;
import javax.annotation.Nullable;

/**
 * Green-API throttled the instance (HTTP 429: more than 50 {@code sendMessage} requests a second). The
 * message was not accepted; retry after {@link #retryAfter()}, or the retry policy's backoff when Green-API
 * gave no wait. {@link FailureKind#SENDER_RATE_LIMITED}.
 */
public final class GreenApiRateLimitedException extends RateLimitedException implements ChannelFailure {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param status the HTTP status
     * @param message what went wrong, without the token or a full phone number
     * @param retryAfter how long Green-API asked to wait, or {@code null}
     * @param cause the underlying failure, or {@code null}
     */
    public GreenApiRateLimitedException(int status, String message, @Nullable Duration retryAfter,
            @Nullable Throwable cause) {
        super(GreenApiClient.SERVICE, status, message, retryAfter, cause);
    }

    /**
     * Returns {@link FailureKind#SENDER_RATE_LIMITED}.
     *
     * @return the kind
     */
    @Override
    public FailureKind failureKind() {
        return FailureKind.SENDER_RATE_LIMITED;
    }
}

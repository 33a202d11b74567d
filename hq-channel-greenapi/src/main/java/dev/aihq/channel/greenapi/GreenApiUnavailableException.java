package dev.aihq.channel.greenapi;

import dev.aihq.api.channel.ChannelFailure;
import dev.aihq.api.channel.FailureKind;
import dev.aihq.api.error.ServiceUnavailableException;
import java.time.Duration;
import javax.annotation.Nullable;

/**
 * Green-API failed (HTTP 5xx), did not answer in time, or could not be reached (status 0). Retriable, but
 * after a timeout the message may have been accepted: Green-API has no field for our key, so a resend may
 * reach the customer twice. {@link FailureKind#TEMPORARY}.
 */
public final class GreenApiUnavailableException extends ServiceUnavailableException implements ChannelFailure {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param status the HTTP status, or 0 when no response arrived
     * @param message what went wrong, without the token or a full phone number
     * @param retryAfter how long Green-API asked to wait, or {@code null}
     * @param cause the underlying failure, or {@code null}
     */
    public GreenApiUnavailableException(int status, String message, @Nullable Duration retryAfter,
            @Nullable Throwable cause) {
        super(GreenApiClient.SERVICE, status, message, retryAfter, cause);
    }

    /**
     * Returns {@link FailureKind#TEMPORARY}.
     *
     * @return the kind
     */
    @Override
    public FailureKind failureKind() {
        return FailureKind.TEMPORARY;
    }
}

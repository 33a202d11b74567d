package dev.aihq.channel.greenapi;

import dev.aihq.api.channel.ChannelFailure;
import dev.aihq.api.channel.FailureKind;
import dev.aihq.api.error.RequestRejectedException;
import javax.annotation.Nullable;

/**
 * Green-API rejected the request as invalid (HTTP 400 and other 4xx), or the channel refused it before
 * sending because it cannot fit Green-API's limits (status 0). Another try gives the same answer.
 * {@link FailureKind#INVALID_REQUEST}.
 */
public final class GreenApiRejectedException extends RequestRejectedException implements ChannelFailure {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param status the HTTP status, or 0 when no request was made
     * @param message what went wrong, without the token or a full phone number
     * @param cause the underlying failure, or {@code null}
     */
    public GreenApiRejectedException(int status, String message, @Nullable Throwable cause) {
        super(GreenApiClient.SERVICE, status, message, cause);
    }

    /**
     * Returns {@link FailureKind#INVALID_REQUEST}.
     *
     * @return the kind
     */
    @Override
    public FailureKind failureKind() {
        return FailureKind.INVALID_REQUEST;
    }
}

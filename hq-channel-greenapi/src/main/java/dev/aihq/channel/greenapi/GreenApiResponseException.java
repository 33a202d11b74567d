package dev.aihq.channel.greenapi;

import dev.aihq.api.channel.ChannelFailure;
import dev.aihq.api.channel.FailureKind;
import dev.aihq.api.error.NonRetriableMarketplaceException;
import javax.annotation.Nullable;

/**
 * Green-API answered 2xx with a body this SDK cannot read (not JSON, or no {@code idMessage}). The message
 * may have been sent, so it is not retried: a resend could reach the customer twice.
 * {@link FailureKind#UNKNOWN}; {@link #field()} names what was missing or wrong.
 */
public final class GreenApiResponseException extends NonRetriableMarketplaceException implements ChannelFailure {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * Creates the exception.
     *
     * @param status the HTTP status
     * @param field the field that was missing or wrong, e.g. {@code idMessage}
     * @param message what went wrong, naming the field
     * @param cause the underlying failure, or {@code null}
     */
    public GreenApiResponseException(int status, String field, String message, @Nullable Throwable cause) {
        super(GreenApiClient.SERVICE, status, message, cause);
        this.field = field;
    }

    /**
     * Returns the field of the response that was missing or wrong.
     *
     * @return e.g. {@code idMessage}, or {@code $} for the whole body
     */
    public String field() {
        return field;
    }

    /**
     * Returns {@link FailureKind#UNKNOWN}.
     *
     * @return the kind
     */
    @Override
    public FailureKind failureKind() {
        return FailureKind.UNKNOWN;
    }
}

package dev.aihq.channel.whatsapp;

import dev.aihq.api.channel.ChannelFailure;
import dev.aihq.api.channel.FailureKind;
import dev.aihq.api.error.RetriableMarketplaceException;
import java.time.Duration;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A send that failed on the way, without a WhatsApp error code to classify: a timeout, a broken
 * connection, an HTTP 5xx or 429 page from something in front of Meta. Retriable; the message may have
 * been accepted after a timeout or a 5xx, so a resend is matched by our key in
 * {@code biz_opaque_callback_data}. The original exception of hq-http is the cause.
 */
public final class WhatsAppTransportException extends RetriableMarketplaceException implements ChannelFailure {

    private static final long serialVersionUID = 1L;

    private final FailureKind failureKind;

    /**
     * Creates the exception.
     *
     * @param failureKind {@link FailureKind#TEMPORARY}, or {@link FailureKind#SENDER_RATE_LIMITED} for an
     *     HTTP 429 without a Graph error
     * @param status the HTTP status, or 0 when no response arrived
     * @param message what went wrong, masked
     * @param retryAfter how long the service asked to wait, or {@code null}
     * @param cause the underlying failure, or {@code null}
     * @throws IllegalArgumentException if the kind is not retriable
     */
    public WhatsAppTransportException(FailureKind failureKind, int status, String message,
            @Nullable Duration retryAfter, @Nullable Throwable cause) {
        super(CloudApiClient.SERVICE, status, message, retryAfter, cause);
        this.failureKind = Objects.requireNonNull(failureKind, "failure kind");
        if (!failureKind.isRetriable()) {
            throw new IllegalArgumentException(failureKind + " is not retriable; use WhatsAppChannelException");
        }
    }

    @Override
    public FailureKind failureKind() {
        return failureKind;
    }
}

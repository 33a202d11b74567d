package dev.aihq.channel.whatsapp;

import dev.aihq.api.error.ServiceUnavailableException;
import java.time.Duration;
import javax.annotation.Nullable;

/**
 * An error or outage on Meta's side (codes 1, 2, 131000, 131016). Retriable, but ambiguous: the message
 * may have been accepted, so a resend is matched by our key in {@code biz_opaque_callback_data}.
 */
public final class WhatsAppUnavailableException extends ServiceUnavailableException implements CloudApiFailure {

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
    public WhatsAppUnavailableException(String service, int status, String message, @Nullable Duration retryAfter, CloudApiError error,
            @Nullable Throwable cause) {
        super(service, status, message, retryAfter, cause);
        this.error = error;
    }

    @Override
    public CloudApiError error() {
        return error;
    }
}

package dev.aihq.channel.whatsapp;

import dev.aihq.api.channel.ChannelFailure;
import dev.aihq.api.channel.FailureKind;
import dev.aihq.api.error.NonRetriableMarketplaceException;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A send that {@link CloudApiChannel} refused or that failed without a WhatsApp error code to classify,
 * and that another try of the same message would repeat: the shop has no WhatsApp account or lacks the
 * template the message needs ({@link FailureKind#TEMPLATE_PROBLEM}), the message cannot be put into a
 * WhatsApp request ({@link FailureKind#INVALID_REQUEST}), or Meta's side answered without a Graph error
 * envelope (a proxy's 401 page, a 200 without a message id). Errors that carry a code are thrown as the
 * {@link CloudApiFailure} exceptions instead. Not retriable.
 */
public final class WhatsAppChannelException extends NonRetriableMarketplaceException implements ChannelFailure {

    private static final long serialVersionUID = 1L;

    private final FailureKind failureKind;

    /**
     * Creates the exception.
     *
     * @param failureKind what the refusal means; a non-retriable kind
     * @param status the HTTP status, or 0 when no request was made
     * @param message what went wrong, naming the shop and the part at fault; no personal data
     * @param cause the underlying failure, or {@code null}
     * @throws IllegalArgumentException if the kind is retriable
     */
    public WhatsAppChannelException(FailureKind failureKind, int status, String message, @Nullable Throwable cause) {
        super(CloudApiClient.SERVICE, status, message, cause);
        this.failureKind = Objects.requireNonNull(failureKind, "failure kind");
        if (failureKind.isRetriable()) {
            throw new IllegalArgumentException(failureKind + " is retriable; use WhatsAppTransportException");
        }
    }

    @Override
    public FailureKind failureKind() {
        return failureKind;
    }
}

package dev.aihq.channel.whatsapp;

import dev.aihq.api.error.RateLimitedException;
import java.time.Duration;
import javax.annotation.Nullable;

/**
 * WhatsApp throttled the sender: the number's throughput (130429), the application or account rate
 * (4, 80007), or the pair rate to one customer (131056, {@link ErrorKind#RECIPIENT_RATE_LIMITED}, which
 * always carries a {@link #retryAfter()} of at least {@link CloudApiErrors#PAIR_RATE_WAIT}). Retriable.
 *
 * <p>{@link CloudApiChannel} also throws it, without calling the API, when its pacer holds a message back
 * ({@link #pacedLocally()}): the kind is then {@link ErrorKind#RECIPIENT_RATE_LIMITED} and
 * {@link #retryAfter()} is exactly the wait until the message's slot.
 */
public final class WhatsAppRateLimitedException extends RateLimitedException implements CloudApiFailure {

    private static final long serialVersionUID = 1L;

    /** The code a locally paced refusal is reported under: the pair rate's. */
    static final int PAIR_RATE_CODE = 131056;

    private final transient CloudApiError error;
    private final boolean pacedLocally;

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
        this(service, status, message, retryAfter, error, cause, false);
    }

    private WhatsAppRateLimitedException(String service, int status, String message, @Nullable Duration retryAfter,
            CloudApiError error, @Nullable Throwable cause, boolean pacedLocally) {
        super(service, status, message, retryAfter, cause);
        this.error = error;
        this.pacedLocally = pacedLocally;
    }

    /**
     * Creates the refusal of a message the pacer holds back: nothing was sent, the message may go after
     * the wait.
     *
     * @param wait how long until the message's slot, positive
     * @param what what was held back, for the message, e.g. {@code shop-1 message order-8812:review}; no
     *     personal data
     * @return the exception, with status 0 and an error of code 131056 that Meta did not send
     */
    public static WhatsAppRateLimitedException paced(Duration wait, String what) {
        String details = "held back by the SDK's pacer before sending to keep the pair rate; send again in " + wait;
        CloudApiError error = new CloudApiError(PAIR_RATE_CODE, "Paced before sending", null, details, null, null,
                null, null);
        return new WhatsAppRateLimitedException(CloudApiClient.SERVICE, 0, what + ": " + details, wait, error, null,
                true);
    }

    /**
     * Returns a copy that asks for another wait, for a refusal Meta sent whose retry the pacer moved to a
     * later slot.
     *
     * @param wait the new wait
     * @return the copy, with this exception as its cause
     */
    WhatsAppRateLimitedException withRetryAfter(Duration wait) {
        return new WhatsAppRateLimitedException(service(), status(), "send: " + error.describe()
                + "; the pacer moved the retry to the next slot, in " + wait, wait, error, this, pacedLocally);
    }

    /**
     * Tells whether the SDK's pacer refused the message before any request was made.
     *
     * @return {@code true} for a refusal of {@link #paced(Duration, String)}, {@code false} when Meta sent it
     */
    public boolean pacedLocally() {
        return pacedLocally;
    }

    @Override
    public CloudApiError error() {
        return error;
    }
}

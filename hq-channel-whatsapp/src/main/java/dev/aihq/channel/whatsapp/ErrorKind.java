package dev.aihq.channel.whatsapp;

import dev.aihq.api.channel.FailureKind;

/**
 * What a WhatsApp Cloud API error code means for the sender: the action to take, not the wording of the
 * error. {@link CloudApiErrors#classify(int)} maps a code to its kind; the same kinds apply to a
 * synchronous error envelope and to the {@code errors[]} of a {@code failed} status webhook.
 *
 * <p>This enum is ours (the actions the SDK can take); the codes are Meta's and are kept raw in
 * {@link CloudApiError#code()}, so an unknown code is carried as {@link #UNKNOWN}, never thrown away.
 *
 * <p>{@link #failureKind()} translates a kind into the provider-neutral {@link FailureKind} of the channel
 * SPI, the one place where that is decided: for refused sends and for {@code failed} status webhooks alike.
 */
public enum ErrorKind {

    /**
     * 131047: more than 24 hours since the customer last wrote. A free-form message cannot be sent;
     * send an approved template instead. Retrying the same text never helps.
     */
    WINDOW_CLOSED(false),

    /**
     * 131056: too many messages to this one customer in a short time (about one per 6 seconds). Retry
     * this recipient later; other recipients are unaffected.
     */
    RECIPIENT_RATE_LIMITED(true),

    /**
     * 130429 (the number's throughput), 4 (application rate limit) and 80007 (account rate limit):
     * back off for the whole sender number and retry.
     */
    RATE_LIMITED(true),

    /**
     * 131048: Meta limits the number for spam (blocks, reports, low quality). Slow down or stop marketing
     * and alert a person; a plain retry makes it worse.
     */
    QUALITY_LIMITED(false),

    /**
     * 131049: Meta chose not to deliver a marketing template to keep this customer's experience healthy.
     * Not a bug; do not retry for at least 24 hours.
     */
    MARKETING_LIMITED(false),

    /**
     * 131050: the customer stopped marketing messages from this business. Suppress marketing to them;
     * service and utility messages are still allowed.
     */
    MARKETING_STOPPED(false),

    /**
     * 131026 (undeliverable: not on WhatsApp, old app, terms not accepted, or the business is blocked)
     * and 131030 (not in the test number's allowed list): this recipient cannot be reached on WhatsApp.
     */
    RECIPIENT_INVALID(false),

    /**
     * 132000, 132001, 132005, 132007, 132012, 132015, 132016: the template or its parameters are wrong,
     * missing, paused or disabled. Fix the template or its mapping; alert a person.
     */
    TEMPLATE_PROBLEM(false),

    /** 368 and 131031: the business account is blocked or locked. Stop all sending and alert a person. */
    ACCOUNT_BLOCKED(false),

    /**
     * 0 and 190 (invalid or expired token), 10 and 200-299 (permission missing): rotate the token or fix
     * its permissions.
     */
    AUTH(false),

    /**
     * 1, 2, 131000, 131016: an error or outage on Meta's side. Retry with backoff; the message may have
     * been accepted anyway, so duplicates are matched by our key in {@code biz_opaque_callback_data}.
     */
    TEMPORARY(true),

    /**
     * 100, 131008, 131009 (invalid or missing parameter), 131051 (unsupported message type), 130472
     * (the customer is part of a Meta experiment): another try gives the same answer.
     */
    PERMANENT(false),

    /** A code this SDK does not know. Treated as permanent; the raw code, title and trace id are kept. */
    UNKNOWN(false);

    private final boolean retriable;

    ErrorKind(boolean retriable) {
        this.retriable = retriable;
    }

    /**
     * Tells whether sending the same message again, after a wait, may succeed.
     *
     * @return {@code true} for {@link #RECIPIENT_RATE_LIMITED}, {@link #RATE_LIMITED} and
     *     {@link #TEMPORARY}
     */
    public boolean isRetriable() {
        return retriable;
    }

    /**
     * Returns what this kind means for a sender that knows no WhatsApp codes, the channel SPI's
     * {@link FailureKind}.
     *
     * <table>
     *   <caption>Error kinds and failure kinds</caption>
     *   <tr><th>Error kind</th><th>Failure kind</th></tr>
     *   <tr><td>{@link #WINDOW_CLOSED}</td><td>{@link FailureKind#WINDOW_CLOSED}</td></tr>
     *   <tr><td>{@link #RECIPIENT_RATE_LIMITED}</td><td>{@link FailureKind#RECIPIENT_RATE_LIMITED}</td></tr>
     *   <tr><td>{@link #RATE_LIMITED}</td><td>{@link FailureKind#SENDER_RATE_LIMITED}</td></tr>
     *   <tr><td>{@link #TEMPORARY}</td><td>{@link FailureKind#TEMPORARY}</td></tr>
     *   <tr><td>{@link #MARKETING_STOPPED}</td><td>{@link FailureKind#MARKETING_STOPPED}</td></tr>
     *   <tr><td>{@link #RECIPIENT_INVALID}</td><td>{@link FailureKind#RECIPIENT_UNREACHABLE}</td></tr>
     *   <tr><td>{@link #TEMPLATE_PROBLEM}</td><td>{@link FailureKind#TEMPLATE_PROBLEM}</td></tr>
     *   <tr><td>{@link #AUTH}</td><td>{@link FailureKind#AUTHENTICATION}</td></tr>
     *   <tr><td>{@link #ACCOUNT_BLOCKED}; {@link #QUALITY_LIMITED} (the number is restricted for spam)</td>
     *       <td>{@link FailureKind#ACCOUNT_BLOCKED}</td></tr>
     *   <tr><td>{@link #PERMANENT}</td><td>{@link FailureKind#INVALID_REQUEST}</td></tr>
     *   <tr><td>{@link #MARKETING_LIMITED} (Meta held back one marketing message; no SPI kind says "not
     *       now, not soon"); {@link #UNKNOWN}</td><td>{@link FailureKind#UNKNOWN}</td></tr>
     * </table>
     *
     * <p>The retriable kinds map to retriable failure kinds and the others to non-retriable ones.
     *
     * @return the failure kind
     */
    public FailureKind failureKind() {
        return switch (this) {
            case WINDOW_CLOSED -> FailureKind.WINDOW_CLOSED;
            case RECIPIENT_RATE_LIMITED -> FailureKind.RECIPIENT_RATE_LIMITED;
            case RATE_LIMITED -> FailureKind.SENDER_RATE_LIMITED;
            case TEMPORARY -> FailureKind.TEMPORARY;
            case MARKETING_STOPPED -> FailureKind.MARKETING_STOPPED;
            case RECIPIENT_INVALID -> FailureKind.RECIPIENT_UNREACHABLE;
            case TEMPLATE_PROBLEM -> FailureKind.TEMPLATE_PROBLEM;
            case AUTH -> FailureKind.AUTHENTICATION;
            case ACCOUNT_BLOCKED, QUALITY_LIMITED -> FailureKind.ACCOUNT_BLOCKED;
            case PERMANENT -> FailureKind.INVALID_REQUEST;
            case MARKETING_LIMITED, UNKNOWN -> FailureKind.UNKNOWN;
        };
    }

    /**
     * Returns the failure kind of a WhatsApp error code: {@code CloudApiErrors.classify(code).failureKind()}.
     *
     * @param code Meta's error code, e.g. from a {@code failed} status webhook
     * @return the failure kind; {@link FailureKind#UNKNOWN} for a code not classified
     */
    public static FailureKind failureKindOf(int code) {
        return CloudApiErrors.classify(code).failureKind();
    }
}

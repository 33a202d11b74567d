package dev.aihq.api.channel;

/**
 * What a channel's refusal means for the sender, whichever provider reported it: the action to take, not
 * the provider's wording. Providers' own codes stay available on their exceptions.
 */
public enum FailureKind {
    /** Too many messages to this customer in a short time: retry this customer later. */
    RECIPIENT_RATE_LIMITED(true),
    /** The sending number or account is over its throughput: back off for everyone and retry. */
    SENDER_RATE_LIMITED(true),
    /** The provider failed or did not answer in a way that may pass: retry later. */
    TEMPORARY(true),
    /** The customer's service window is closed: send the message again as a template. */
    WINDOW_CLOSED(false),
    /** The customer stopped marketing messages from this business: marketing waits for their resume. */
    MARKETING_STOPPED(false),
    /** The number cannot receive messages on this channel (not registered, invalid). */
    RECIPIENT_UNREACHABLE(false),
    /** The template is missing, paused, not approved or its parameters do not fit. */
    TEMPLATE_PROBLEM(false),
    /** The credentials were refused or lack permission. */
    AUTHENTICATION(false),
    /** The sending account is blocked or restricted by the provider. */
    ACCOUNT_BLOCKED(false),
    /** The request was invalid in another way. */
    INVALID_REQUEST(false),
    /** The provider reported something this SDK does not classify. */
    UNKNOWN(false);

    private final boolean retriable;

    FailureKind(boolean retriable) {
        this.retriable = retriable;
    }

    /**
     * Tells whether trying the same message again later can succeed.
     *
     * @return {@code true} for the rate limits and temporary failures
     */
    public boolean isRetriable() {
        return retriable;
    }
}

package dev.aihq.api.channel;

/** The form in which a channel sent a message. */
public enum MessageForm {
    /** Free text (inside the customer's service window, or on a channel without templates). */
    FREE_TEXT,
    /** Free text with quick-reply buttons. */
    INTERACTIVE,
    /** A pre-approved template carrying the text in its parameters. */
    TEMPLATE
}

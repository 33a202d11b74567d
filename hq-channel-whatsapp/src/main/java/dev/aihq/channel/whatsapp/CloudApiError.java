package dev.aihq.channel.whatsapp;

import dev.aihq.http.Masking;
import javax.annotation.Nullable;

/**
 * One error reported by the WhatsApp Cloud API, either synchronously (the {@code error} object of an
 * error response) or asynchronously (an item of {@code errors[]} in a {@code failed} status webhook).
 * Parse it with {@link CloudApiErrors}.
 *
 * <p>Decide on {@link #code()} (through {@link #kind()}) and {@link #details()}, never on the title:
 * Meta says the title inside {@code message} will go away.
 *
 * @param code Meta's error code, e.g. {@code 131047}
 * @param title the short title ({@code title}, or the text after {@code (#code)} in {@code message}),
 *     or {@code null}
 * @param message the {@code message} as sent, or {@code null}
 * @param details {@code error_data.details}, the useful explanation, or {@code null}
 * @param type the Graph error {@code type}, e.g. {@code OAuthException}, or {@code null}
 * @param subcode the deprecated {@code error_subcode} when still sent, or {@code null}; never rely on it
 * @param fbtraceId {@code fbtrace_id} for Meta support, or {@code null}
 * @param href the documentation link of an asynchronous error, or {@code null}
 */
public record CloudApiError(
        int code,
        @Nullable String title,
        @Nullable String message,
        @Nullable String details,
        @Nullable String type,
        @Nullable Integer subcode,
        @Nullable String fbtraceId,
        @Nullable String href) {

    /**
     * Creates an error with only a code and a title, as in tests and fixtures.
     *
     * @param code the error code
     * @param title the title
     * @return the error
     */
    public static CloudApiError of(int code, String title) {
        return new CloudApiError(code, title, null, null, null, null, null, null);
    }

    /**
     * Returns what this error means for the sender.
     *
     * @return the kind of {@link #code()}
     */
    public ErrorKind kind() {
        return CloudApiErrors.classify(code);
    }

    /**
     * Describes the error for a log or an exception message, with phone numbers and secrets masked:
     * {@code (#131047) Re-engagement message: Message failed to send because ... [WINDOW_CLOSED,
     * fbtrace_id=A1b2]}.
     *
     * @return the masked description
     */
    public String describe() {
        StringBuilder text = new StringBuilder("(#").append(code).append(')');
        if (title != null && !title.isBlank()) {
            text.append(' ').append(title.strip());
        }
        if (details != null && !details.isBlank()) {
            text.append(": ").append(details.strip());
        } else if (title == null && message != null && !message.isBlank()) {
            text.append(' ').append(message.strip());
        }
        text.append(" [").append(kind());
        if (fbtraceId != null && !fbtraceId.isBlank()) {
            text.append(", fbtrace_id=").append(fbtraceId);
        }
        text.append(']');
        return Masking.excerpt(text.toString(), 500);
    }
}

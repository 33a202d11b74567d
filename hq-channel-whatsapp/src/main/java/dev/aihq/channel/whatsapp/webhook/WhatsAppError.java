package dev.aihq.channel.whatsapp.webhook;

import javax.annotation.Nullable;

/**
 * An asynchronous error as a webhook reports it, in {@code statuses[].errors[]} (why a message failed),
 * {@code messages[].errors[]} (why an inbound message is unsupported) or {@code value.errors[]} (system
 * or app level): {@code {"code":131047,"title":"…","message":"…","error_data":{"details":"…"},"href":"…"}}.
 *
 * <p>Handling is based on {@link #code()} and {@link #details()}, as Meta advises; the title will be
 * deprecated. Classifying codes (retry later, template fallback, suppress marketing, unreachable, …) is
 * not done here.
 *
 * @param code Meta's error code, e.g. {@code 131047}
 * @param title the short title, or {@code null}
 * @param message the message, or {@code null}
 * @param details {@code error_data.details}, the explanation to act on, or {@code null}
 * @param href the link to Meta's error page, or {@code null}
 */
public record WhatsAppError(
        int code,
        @Nullable String title,
        @Nullable String message,
        @Nullable String details,
        @Nullable String href) {
}

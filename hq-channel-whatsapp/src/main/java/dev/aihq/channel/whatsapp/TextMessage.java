package dev.aihq.channel.whatsapp;

import dev.aihq.api.PhoneNumber;
import dev.aihq.channel.whatsapp.format.WhatsAppText;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * A free-form text message, allowed only inside the customer's 24-hour service window (otherwise the
 * send fails with {@link WindowClosedException}).
 *
 * <p>The body is sent as given: shape it first with {@link WhatsAppText} (markup, escaped user data, the
 * {@value WhatsAppText#MAX_TEXT_LENGTH}-character limit). A body over the limit is refused here rather
 * than cut silently.
 *
 * @param to the customer's number; sent as {@code +} and international digits
 * @param body the text, 1 to {@value WhatsAppText#MAX_TEXT_LENGTH} characters (UTF-16 units)
 * @param previewUrl whether WhatsApp should render a preview of the first {@code http(s)://} URL
 * @param replyToMessageId the wamid of the customer's message this one quotes, or {@code null}
 * @param callbackData our stable key of the message, sent as {@code biz_opaque_callback_data} and
 *     returned in every status webhook; 1 to {@value #MAX_CALLBACK_DATA_LENGTH} characters
 */
public record TextMessage(
        PhoneNumber to,
        String body,
        boolean previewUrl,
        @Nullable String replyToMessageId,
        String callbackData) {

    /**
     * The longest {@code biz_opaque_callback_data} sent: 512 characters, the limit one SDK documents (Meta
     * publishes none); keep keys far shorter.
     */
    public static final int MAX_CALLBACK_DATA_LENGTH = 512;

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}]");

    /**
     * Validates every part; each message names its field.
     *
     * @throws IllegalArgumentException if the body is blank or too long, the callback data blank, too long
     *     or holds control characters, or the quoted message id is blank
     */
    public TextMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(callbackData, "callbackData");
        if (body.isBlank()) {
            throw new IllegalArgumentException("body must not be blank");
        }
        if (body.length() > WhatsAppText.MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("body has " + body.length() + " characters; WhatsApp takes at most "
                    + WhatsAppText.MAX_TEXT_LENGTH + " (shorten it with WhatsAppText.fitToLimit)");
        }
        requireCallbackData(callbackData);
        if (replyToMessageId != null && replyToMessageId.isBlank()) {
            throw new IllegalArgumentException("replyToMessageId must not be blank when given");
        }
    }

    /**
     * Creates a text message without URL preview and without a quote.
     *
     * @param to the customer's number
     * @param body the text
     * @param callbackData our stable key of the message
     * @return the message
     */
    public static TextMessage of(PhoneNumber to, String body, String callbackData) {
        return new TextMessage(to, body, false, null, callbackData);
    }

    /**
     * Returns a copy that asks for (or not) a preview of the first URL.
     *
     * @param preview whether to render the preview
     * @return the copy
     */
    public TextMessage withPreviewUrl(boolean preview) {
        return new TextMessage(to, body, preview, replyToMessageId, callbackData);
    }

    /**
     * Returns a copy that quotes a message of the customer.
     *
     * @param messageId the wamid of the quoted message
     * @return the copy
     */
    public TextMessage inReplyTo(String messageId) {
        return new TextMessage(to, body, previewUrl, Objects.requireNonNull(messageId, "messageId"), callbackData);
    }

    static void requireCallbackData(String callbackData) {
        if (callbackData.isBlank()) {
            throw new IllegalArgumentException("callbackData (our stable key) must not be blank");
        }
        if (callbackData.length() > MAX_CALLBACK_DATA_LENGTH) {
            throw new IllegalArgumentException("callbackData has " + callbackData.length()
                    + " characters; at most " + MAX_CALLBACK_DATA_LENGTH + " are sent");
        }
        if (CONTROL.matcher(callbackData).find()) {
            throw new IllegalArgumentException("callbackData must not contain control characters");
        }
    }
}

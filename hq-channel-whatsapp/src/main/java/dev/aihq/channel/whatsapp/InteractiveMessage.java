package dev.aihq.channel.whatsapp;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.channel.QuickReply;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A free-form message with reply buttons (an interactive {@code button} message), allowed only inside the
 * customer's 24-hour window. A tap comes back as an {@code interactive.button_reply} message carrying the
 * button's id.
 *
 * <pre>{@code
 * InteractiveMessage question = InteractiveMessage.of(customer, "Хотите получать предложения?",
 *         List.of(new QuickReply("consent:yes", "Да"), new QuickReply("consent:no", "Нет")), "consent:order-8812");
 * }</pre>
 *
 * @param to the customer's number
 * @param body the text above the buttons, 1 to {@value #MAX_BODY_LENGTH} characters (UTF-16 units)
 * @param buttons the reply buttons, 1 to {@value #MAX_BUTTONS}, with distinct ids and distinct titles
 * @param callbackData our stable key of the message, sent as {@code biz_opaque_callback_data}
 */
public record InteractiveMessage(PhoneNumber to, String body, List<QuickReply> buttons, String callbackData) {

    /** The longest body of an interactive message. */
    public static final int MAX_BODY_LENGTH = 1024;

    /** The most reply buttons an interactive message shows. */
    public static final int MAX_BUTTONS = 3;

    /**
     * Validates every part; each message names its field.
     *
     * @throws IllegalArgumentException if the body is blank or too long, there are no buttons or too many,
     *     two buttons share an id or a title, or the callback data is invalid
     */
    public InteractiveMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(callbackData, "callbackData");
        buttons = List.copyOf(buttons);
        if (body.isBlank()) {
            throw new IllegalArgumentException("body must not be blank");
        }
        if (body.length() > MAX_BODY_LENGTH) {
            throw new IllegalArgumentException("body has " + body.length() + " characters; an interactive message"
                    + " takes at most " + MAX_BODY_LENGTH);
        }
        if (buttons.isEmpty() || buttons.size() > MAX_BUTTONS) {
            throw new IllegalArgumentException("buttons must be 1-" + MAX_BUTTONS + ", got " + buttons.size());
        }
        Set<String> ids = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (int i = 0; i < buttons.size(); i++) {
            QuickReply button = buttons.get(i);
            if (!ids.add(button.id())) {
                throw new IllegalArgumentException("buttons[" + i + "].id is given twice");
            }
            if (!titles.add(button.title())) {
                throw new IllegalArgumentException("buttons[" + i + "].title is given twice; WhatsApp needs distinct"
                        + " titles");
            }
        }
        TextMessage.requireCallbackData(callbackData);
    }

    /**
     * Creates an interactive message.
     *
     * @param to the customer's number
     * @param body the text
     * @param buttons the reply buttons
     * @param callbackData our stable key of the message
     * @return the message
     */
    public static InteractiveMessage of(PhoneNumber to, String body, List<QuickReply> buttons, String callbackData) {
        return new InteractiveMessage(to, body, buttons, callbackData);
    }
}

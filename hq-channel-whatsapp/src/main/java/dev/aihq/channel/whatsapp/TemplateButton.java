package dev.aihq.channel.whatsapp;

import dev.aihq.channel.whatsapp.format.TemplateText;
import java.util.Objects;

/**
 * The variable part of one of a template's buttons: the suffix of a URL button or the payload of a
 * quick-reply button (returned in the webhook when the customer taps it).
 *
 * @param type the button's kind
 * @param index the button's position in the approved template, 0 to {@value #MAX_INDEX}
 * @param value the URL suffix or the payload; flattened, not blank
 */
public record TemplateButton(Type type, int index, String value) {

    /** The highest button index: a template has at most 10 buttons. */
    public static final int MAX_INDEX = 9;

    /** The kinds of buttons that take a parameter. */
    public enum Type {
        /** A URL button: the value is appended to the URL prefix approved in the template. */
        URL("url", "text"),
        /** A quick-reply button: the value comes back as the payload of a {@code button} message. */
        QUICK_REPLY("quick_reply", "payload");

        private final String subType;
        private final String parameterType;

        Type(String subType, String parameterType) {
            this.subType = subType;
            this.parameterType = parameterType;
        }

        /**
         * Returns the {@code sub_type} sent.
         *
         * @return {@code url} or {@code quick_reply}
         */
        public String subType() {
            return subType;
        }

        /**
         * Returns the {@code type} of the button's parameter.
         *
         * @return {@code text} or {@code payload}
         */
        public String parameterType() {
            return parameterType;
        }
    }

    /**
     * Validates the parts and flattens the value.
     *
     * @throws IllegalArgumentException if the index is out of range or the value blank
     */
    public TemplateButton {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        if (index < 0 || index > MAX_INDEX) {
            throw new IllegalArgumentException("button index must be 0-" + MAX_INDEX + ", got " + index);
        }
        value = TemplateText.flatten(value);
        if (value.isEmpty()) {
            throw new IllegalArgumentException("button " + index + " (" + type.subType() + ") value must not be blank");
        }
    }

    /**
     * Creates the suffix of a URL button.
     *
     * @param index the button's position
     * @param urlSuffix the part appended to the approved URL prefix, e.g. {@code p/some-product-123/}
     * @return the button parameter
     */
    public static TemplateButton url(int index, String urlSuffix) {
        return new TemplateButton(Type.URL, index, urlSuffix);
    }

    /**
     * Creates the payload of a quick-reply button.
     *
     * @param index the button's position
     * @param payload what comes back when the customer taps it, e.g. {@code OPTOUT_MARKETING}
     * @return the button parameter
     */
    public static TemplateButton quickReply(int index, String payload) {
        return new TemplateButton(Type.QUICK_REPLY, index, payload);
    }
}

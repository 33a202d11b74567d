package dev.aihq.channel.whatsapp;

import dev.aihq.api.PhoneNumber;
import dev.aihq.channel.whatsapp.format.TemplateText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * A message from an approved template: the only kind WhatsApp delivers outside the customer's 24-hour
 * window. The name and language must match an approved template exactly; the parameters fill its
 * variables (positional in order, or named).
 *
 * <pre>{@code
 * TemplateMessage upsell = TemplateMessage.builder(customer, "upsell_accessory_v2", "ru")
 *         .header(TemplateParameter.text("Айгерим"))
 *         .body(TemplateParameter.text("Samsung Galaxy A56"))
 *         .body(TemplateParameter.text("10%"))
 *         .button(TemplateButton.url(0, "p/some-product-123/"))
 *         .button(TemplateButton.quickReply(1, "OPTOUT_MARKETING"))
 *         .callbackData("order-8812:upsell")
 *         .build();
 * }</pre>
 *
 * <p>Validation, each message naming the parameter ({@code body parameter 2 (customer_name)}): a header
 * takes at most one parameter of at most {@value TemplateText#HEADER_PARAMETER_MAX_LENGTH} characters; a
 * body parameter at most {@value TemplateText#BODY_PARAMETER_MAX_LENGTH} (Meta allows more only for
 * body-only templates, which cannot be told from here); the header and the body each use either named or
 * positional parameters, not both; button indexes are unique.
 *
 * @param to the customer's number
 * @param name the template's name: lowercase letters, digits and {@code _}
 * @param languageCode the template's language, case-sensitive with an underscore: {@code ru},
 *     {@code kk}, {@code en_US}
 * @param headerParameters the header's value, at most one
 * @param bodyParameters the body's values in order
 * @param buttons the buttons' values
 * @param callbackData our stable key of the message, sent as {@code biz_opaque_callback_data}
 */
public record TemplateMessage(
        PhoneNumber to,
        String name,
        String languageCode,
        List<TemplateParameter> headerParameters,
        List<TemplateParameter> bodyParameters,
        List<TemplateButton> buttons,
        String callbackData) {

    /** The longest template name Meta accepts. */
    public static final int MAX_NAME_LENGTH = 512;

    private static final Pattern NAME = Pattern.compile("[a-z0-9_]+");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(?:_[A-Z]{2,4})?");

    /**
     * Validates every part; each message names the field or parameter.
     *
     * @throws IllegalArgumentException on the first invalid part
     */
    public TemplateMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(languageCode, "languageCode");
        Objects.requireNonNull(callbackData, "callbackData");
        headerParameters = List.copyOf(headerParameters);
        bodyParameters = List.copyOf(bodyParameters);
        buttons = List.copyOf(buttons);
        checkName(name);
        checkLanguage(languageCode);
        if (headerParameters.size() > 1) {
            throw new IllegalArgumentException("a template header takes at most 1 parameter, got "
                    + headerParameters.size());
        }
        checkParameters("header", headerParameters, TemplateText.HEADER_PARAMETER_MAX_LENGTH);
        checkParameters("body", bodyParameters, TemplateText.BODY_PARAMETER_MAX_LENGTH);
        Set<Integer> indexes = new HashSet<>();
        for (TemplateButton button : buttons) {
            if (!indexes.add(button.index())) {
                throw new IllegalArgumentException("button index " + button.index() + " is given twice");
            }
        }
        TextMessage.requireCallbackData(callbackData);
    }

    /**
     * Starts a builder.
     *
     * @param to the customer's number
     * @param name the template's name
     * @param languageCode the template's language, e.g. {@code ru}
     * @return a builder
     */
    public static Builder builder(PhoneNumber to, String name, String languageCode) {
        return new Builder(to, name, languageCode);
    }

    static void checkName(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("template name '" + name + "' must be 1-" + MAX_NAME_LENGTH
                    + " lowercase letters, digits and '_', exactly as approved");
        }
    }

    static void checkLanguage(String languageCode) {
        if (!LANGUAGE.matcher(languageCode).matches()) {
            throw new IllegalArgumentException("languageCode '" + languageCode + "' must be a WhatsApp language code"
                    + " such as ru, kk or en_US (underscore, not hyphen)");
        }
    }

    private static void checkParameters(String component, List<TemplateParameter> parameters, int maxLength) {
        Boolean named = null;
        Set<String> names = new HashSet<>();
        for (int i = 0; i < parameters.size(); i++) {
            TemplateParameter parameter = parameters.get(i);
            String label = component + " parameter " + (i + 1) + parameter.label();
            TemplateText.requireParameter(label, parameter.text(), maxLength);
            if (named != null && named != parameter.isNamed()) {
                throw new IllegalArgumentException(label + ": the " + component
                        + " mixes named and positional parameters; use one style");
            }
            named = parameter.isNamed();
            if (parameter.isNamed() && !names.add(parameter.parameterName())) {
                throw new IllegalArgumentException(label + ": the name is given twice in the " + component);
            }
        }
    }

    /** Builds a {@link TemplateMessage}; {@link #callbackData(String)} is required. Not thread-safe. */
    public static final class Builder {
        private final PhoneNumber to;
        private final String name;
        private final String languageCode;
        private final List<TemplateParameter> header = new ArrayList<>();
        private final List<TemplateParameter> body = new ArrayList<>();
        private final List<TemplateButton> buttons = new ArrayList<>();
        private @Nullable String callbackData;

        private Builder(PhoneNumber to, String name, String languageCode) {
            this.to = Objects.requireNonNull(to, "to");
            this.name = Objects.requireNonNull(name, "name");
            this.languageCode = Objects.requireNonNull(languageCode, "languageCode");
        }

        /**
         * Sets the header's value.
         *
         * @param parameter the value
         * @return this builder
         */
        public Builder header(TemplateParameter parameter) {
            header.add(Objects.requireNonNull(parameter, "parameter"));
            return this;
        }

        /**
         * Adds the next body value.
         *
         * @param parameter the value
         * @return this builder
         */
        public Builder body(TemplateParameter parameter) {
            body.add(Objects.requireNonNull(parameter, "parameter"));
            return this;
        }

        /**
         * Adds positional body values in order.
         *
         * @param values the values
         * @return this builder
         */
        public Builder bodyTexts(String... values) {
            for (String value : values) {
                body(TemplateParameter.text(value));
            }
            return this;
        }

        /**
         * Adds a button's value.
         *
         * @param button the value
         * @return this builder
         */
        public Builder button(TemplateButton button) {
            buttons.add(Objects.requireNonNull(button, "button"));
            return this;
        }

        /**
         * Sets our stable key of the message. Required.
         *
         * @param callbackData the key, sent as {@code biz_opaque_callback_data}
         * @return this builder
         */
        public Builder callbackData(String callbackData) {
            this.callbackData = Objects.requireNonNull(callbackData, "callbackData");
            return this;
        }

        /**
         * Builds the message.
         *
         * @return the message
         * @throws IllegalArgumentException if a part is invalid or the callback data is missing
         */
        public TemplateMessage build() {
            if (callbackData == null) {
                throw new IllegalArgumentException("callbackData (our stable key) is required");
            }
            return new TemplateMessage(to, name, languageCode, header, body, buttons, callbackData);
        }
    }
}

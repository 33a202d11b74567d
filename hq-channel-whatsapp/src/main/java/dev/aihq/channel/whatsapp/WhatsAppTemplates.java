package dev.aihq.channel.whatsapp;

import dev.aihq.api.channel.MessageCategory;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The approved templates a shop's WhatsApp number sends outside the customer's 24-hour window, one per
 * purpose. Each template's body has exactly one text variable, {@code {{1}}}, which carries the message's
 * whole text (flattened to one line, as WhatsApp requires of parameters).
 *
 * <pre>{@code
 * WhatsAppTemplates templates = WhatsAppTemplates.builder()
 *         .marketing("aihq_offer_v1", "ru")             // body: "{{1}}", category MARKETING
 *         .utility("aihq_order_update_v1", "ru")        // body: "{{1}}", category UTILITY
 *         .consentQuestion("aihq_consent_v1", "ru")     // body: "{{1}}", quick-reply buttons, category UTILITY
 *         .build();
 * }</pre>
 *
 * <ul>
 *   <li><b>marketing</b>: {@link MessageCategory#MARKETING} messages;</li>
 *   <li><b>utility</b>: {@link MessageCategory#UTILITY} and {@link MessageCategory#SERVICE} messages;</li>
 *   <li><b>consent question</b>: any message with quick replies; its approved quick-reply buttons, in
 *       order, get the messages' {@link dev.aihq.api.channel.QuickReply#id() reply ids} as payloads, so a
 *       tap comes back with the id.</li>
 * </ul>
 *
 * <p>Every purpose is optional: a send that needs a missing template fails with
 * {@link dev.aihq.api.channel.FailureKind#TEMPLATE_PROBLEM} naming the shop and the purpose. Immutable.
 */
public final class WhatsAppTemplates {

    /**
     * An approved template: its name and language, exactly as approved in WhatsApp Manager.
     *
     * @param name lowercase letters, digits and {@code _}
     * @param languageCode e.g. {@code ru}, {@code kk}, {@code en_US}
     */
    public record Template(String name, String languageCode) {

        /**
         * Validates the name and language code.
         *
         * @throws IllegalArgumentException naming the malformed part
         */
        public Template {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(languageCode, "languageCode");
            TemplateMessage.checkName(name);
            TemplateMessage.checkLanguage(languageCode);
        }
    }

    /** What a template is for; names the missing one in errors. */
    public enum Purpose {
        /** Marketing messages outside the window. */
        MARKETING("marketing"),
        /** Utility and service messages outside the window. */
        UTILITY("utility"),
        /** Messages with quick replies (the consent question) outside the window. */
        CONSENT_QUESTION("consent question");

        private final String label;

        Purpose(String label) {
            this.label = label;
        }

        /**
         * Returns the purpose as written in messages.
         *
         * @return e.g. {@code consent question}
         */
        public String label() {
            return label;
        }
    }

    private static final WhatsAppTemplates NONE = new WhatsAppTemplates(null, null, null);

    private final @Nullable Template marketing;
    private final @Nullable Template utility;
    private final @Nullable Template consentQuestion;

    private WhatsAppTemplates(@Nullable Template marketing, @Nullable Template utility,
            @Nullable Template consentQuestion) {
        this.marketing = marketing;
        this.utility = utility;
        this.consentQuestion = consentQuestion;
    }

    /**
     * Starts a builder with no template.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the templates of a number that has none yet: every send outside the window fails.
     *
     * @return no templates
     */
    public static WhatsAppTemplates none() {
        return NONE;
    }

    /**
     * Returns the template for a purpose.
     *
     * @param purpose the purpose
     * @return the template, or empty when none is configured
     */
    public Optional<Template> forPurpose(Purpose purpose) {
        return Optional.ofNullable(switch (Objects.requireNonNull(purpose, "purpose")) {
            case MARKETING -> marketing;
            case UTILITY -> utility;
            case CONSENT_QUESTION -> consentQuestion;
        });
    }

    /**
     * Returns the purpose whose template a message outside the window goes in: the consent question for a
     * message with quick replies, otherwise marketing for {@link MessageCategory#MARKETING} and utility for
     * {@link MessageCategory#UTILITY} and {@link MessageCategory#SERVICE}.
     *
     * @param category the message's category
     * @param hasQuickReplies whether the message carries quick replies
     * @return the purpose
     */
    public static Purpose purposeOf(MessageCategory category, boolean hasQuickReplies) {
        Objects.requireNonNull(category, "category");
        if (hasQuickReplies) {
            return Purpose.CONSENT_QUESTION;
        }
        return category == MessageCategory.MARKETING ? Purpose.MARKETING : Purpose.UTILITY;
    }

    /** Lists the configured templates by purpose. */
    @Override
    public String toString() {
        return "WhatsAppTemplates[marketing=" + describe(marketing) + ", utility=" + describe(utility)
                + ", consentQuestion=" + describe(consentQuestion) + "]";
    }

    private static String describe(@Nullable Template template) {
        return template == null ? "none" : template.name() + "/" + template.languageCode();
    }

    /** Builds {@link WhatsAppTemplates}; every purpose is optional. Not thread-safe. */
    public static final class Builder {
        private @Nullable Template marketing;
        private @Nullable Template utility;
        private @Nullable Template consentQuestion;

        private Builder() {}

        /**
         * Sets the marketing template.
         *
         * @param name the approved name
         * @param languageCode the approved language, e.g. {@code ru}
         * @return this builder
         * @throws IllegalArgumentException if the name or language is malformed
         */
        public Builder marketing(String name, String languageCode) {
            this.marketing = new Template(name, languageCode);
            return this;
        }

        /**
         * Sets the utility template, used for utility and service messages.
         *
         * @param name the approved name
         * @param languageCode the approved language
         * @return this builder
         * @throws IllegalArgumentException if the name or language is malformed
         */
        public Builder utility(String name, String languageCode) {
            this.utility = new Template(name, languageCode);
            return this;
        }

        /**
         * Sets the consent-question template: a utility template with quick-reply buttons.
         *
         * @param name the approved name
         * @param languageCode the approved language
         * @return this builder
         * @throws IllegalArgumentException if the name or language is malformed
         */
        public Builder consentQuestion(String name, String languageCode) {
            this.consentQuestion = new Template(name, languageCode);
            return this;
        }

        /**
         * Builds the templates.
         *
         * @return the templates
         */
        public WhatsAppTemplates build() {
            return new WhatsAppTemplates(marketing, utility, consentQuestion);
        }
    }
}

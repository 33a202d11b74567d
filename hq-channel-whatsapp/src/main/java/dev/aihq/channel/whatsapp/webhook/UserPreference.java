package dev.aihq.channel.whatsapp.webhook;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A user stopped or resumed marketing messages from the business ({@code user_preferences} webhook,
 * {@code category: "marketing_messages"}). A stop must suppress marketing to this user; service and
 * utility messages remain allowed. Meta sends it only for stop and resume, not for "interested" feedback.
 *
 * @param phoneNumberId the business number ({@code metadata.phone_number_id})
 * @param user the user (phone and/or BSUID)
 * @param category the preference's category as Meta writes it, e.g. {@code marketing_messages}
 * @param value the new preference as Meta writes it, e.g. {@code stop} or {@code resume}
 * @param detail Meta's description, or {@code null}
 * @param timestamp when the user changed it
 */
public record UserPreference(
        String phoneNumberId,
        WhatsAppUser user,
        String category,
        String value,
        @Nullable String detail,
        Instant timestamp) {

    /** The category of marketing-message preferences. */
    public static final String MARKETING_MESSAGES = "marketing_messages";

    /** Requires every non-optional part. */
    public UserPreference {
        Objects.requireNonNull(phoneNumberId, "phone number id");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /**
     * Tells whether the user stopped marketing messages.
     *
     * @return {@code true} for category {@code marketing_messages} and value {@code stop}
     */
    public boolean isMarketingStop() {
        return MARKETING_MESSAGES.equals(category) && "stop".equals(value.toLowerCase(Locale.ROOT));
    }

    /**
     * Tells whether the user resumed marketing messages.
     *
     * @return {@code true} for category {@code marketing_messages} and value {@code resume}
     */
    public boolean isMarketingResume() {
        return MARKETING_MESSAGES.equals(category) && "resume".equals(value.toLowerCase(Locale.ROOT));
    }
}

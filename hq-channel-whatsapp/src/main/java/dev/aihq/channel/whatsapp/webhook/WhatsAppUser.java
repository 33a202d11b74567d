package dev.aihq.channel.whatsapp.webhook;

import dev.aihq.api.PhoneNumber;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * A WhatsApp user as a webhook names them: by phone number ({@code wa_id}, {@code from},
 * {@code recipient_id}), by business-scoped user id (BSUID: {@code user_id}, {@code from_user_id},
 * {@code recipient_user_id}), or both. Since WhatsApp usernames (2026), a user who adopted one may arrive
 * with an empty phone and only a BSUID; the contact key is therefore "phone or BSUID", see {@link #key()}.
 *
 * <p>{@link #toString()} masks the phone number and the BSUID.
 *
 * @param phone the user's number, or {@code null} when the webhook gave none
 * @param userId the BSUID (opaque, up to 256 characters, unique per business portfolio), or {@code null}
 * @param username the user's WhatsApp username, or {@code null}; it can change, never use it as a key
 * @param profileName the display name from {@code contacts[].profile.name}, or {@code null}
 */
public record WhatsAppUser(
        @Nullable PhoneNumber phone,
        @Nullable String userId,
        @Nullable String username,
        @Nullable String profileName) {

    /** Requires a phone or a BSUID; blank strings become {@code null}. */
    public WhatsAppUser {
        userId = blankToNull(userId);
        username = blankToNull(username);
        profileName = blankToNull(profileName);
        if (phone == null && userId == null) {
            throw new IllegalArgumentException("a WhatsApp user needs a phone number or a business-scoped user id");
        }
    }

    /**
     * Returns the phone number when the webhook gave one.
     *
     * @return the number, or empty for a username-only user
     */
    public Optional<PhoneNumber> phoneNumber() {
        return Optional.ofNullable(phone);
    }

    /**
     * Returns the business-scoped user id when the webhook gave one.
     *
     * @return the BSUID, or empty
     */
    public Optional<String> businessScopedUserId() {
        return Optional.ofNullable(userId);
    }

    /**
     * Returns a stable key for this user: {@code phone:<e164>} when the number is known, otherwise
     * {@code bsuid:<id>}. A user known by both keys is keyed by phone, as the rest of the SDK is.
     *
     * @return the key (it holds personal data; do not log it)
     */
    public String key() {
        return phone != null ? "phone:" + phone.e164() : "bsuid:" + userId;
    }

    /** Names the user with the phone and BSUID masked and without the profile name. */
    @Override
    public String toString() {
        return "WhatsAppUser[" + (phone != null ? "phone=" + phone.masked() : "no phone")
                + (userId != null ? ", userId=" + PhoneNumber.mask(userId) : "") + "]";
    }

    @Nullable
    private static String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

package dev.aihq.api;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * A customer's phone number in E.164 form ({@code +77011234567}), the address of a WhatsApp contact.
 *
 * <p>{@link #parseContact(String)} accepts the forms marketplaces and people actually write and turns
 * Kazakh and Russian numbers into one value: {@code 87011234567}, {@code +7 (701) 123-45-67},
 * {@code 8 701 123 45 67}, {@code 77011234567} and Kaspi's 10-digit {@code 7011234567} are all
 * {@code +77011234567}. A masked number ({@code +0(000)-…}, {@code +7 701 *** ** 67}) or an all-zero
 * number means "no contact" and yields an empty result. Anything else is rejected with a message
 * saying why; nothing is guessed.
 *
 * <p>{@link #toString()} is masked so that a number never reaches a log by accident; use
 * {@link #e164()} where the full number is needed.
 *
 * @param e164 {@code +} followed by 8–15 digits, the first not zero
 */
public record PhoneNumber(String e164) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
    private static final Pattern ALLOWED = Pattern.compile("[0-9+()\\-. \\u00A0]+");
    private static final Pattern MASK_CHARS = Pattern.compile("[*xX•#_]");
    private static final Pattern MASKED = Pattern.compile("[0-9+()\\-. \\u00A0*xX•#_]+");

    /** Validates E.164 form. */
    public PhoneNumber {
        Objects.requireNonNull(e164, "phone number");
        if (!E164.matcher(e164).matches()) {
            throw new IllegalArgumentException("phone number must be E.164 ('+' and 8-15 digits), got '"
                    + mask(e164) + "'");
        }
    }

    /**
     * Parses a number that is known to be present.
     *
     * @param raw the number as written
     * @return the normalised number
     * @throws IllegalArgumentException if the text is no valid number, or is masked or all zeros
     */
    public static PhoneNumber parse(String raw) {
        return parseContact(raw).orElseThrow(() -> new IllegalArgumentException(
                "phone number is masked or empty: no contact to address"));
    }

    /**
     * Parses a contact number; see the type's description for the accepted forms.
     *
     * @param raw the number as written, may be {@code null}
     * @return the number, or empty when there is no contact (null, blank, masked or all zeros)
     * @throws IllegalArgumentException if the text is neither a number nor a recognisable mask
     */
    public static Optional<PhoneNumber> parseContact(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String text = raw.strip();
        if (MASK_CHARS.matcher(text).find() && MASKED.matcher(text).matches()) {
            return Optional.empty();
        }
        if (!ALLOWED.matcher(text).matches()) {
            throw new IllegalArgumentException("phone number may contain only digits, spaces, '+', '-', '(', ')'"
                    + " and '.', got '" + mask(text) + "'");
        }
        if (text.indexOf('+') > 0 || text.chars().filter(c -> c == '+').count() > 1) {
            throw new IllegalArgumentException("'+' may only start a phone number, got '" + mask(text) + "'");
        }
        String digits = text.replaceAll("[^0-9]", "");
        if (digits.chars().allMatch(c -> c == '0')) {
            return Optional.empty();
        }
        boolean international = text.startsWith("+");
        String normalised;
        if (international) {
            if (digits.startsWith("7") && digits.length() != 11) {
                throw new IllegalArgumentException("a +7 number must have 10 digits after the country code, got "
                        + (digits.length() - 1));
            }
            normalised = digits;
        } else if (digits.length() == 11 && (digits.startsWith("8") || digits.startsWith("7"))) {
            normalised = "7" + digits.substring(1);
        } else if (digits.length() == 10) {
            normalised = "7" + digits;
        } else {
            throw new IllegalArgumentException("cannot tell the country of '" + mask(text) + "': expected 10 digits,"
                    + " 11 digits starting with 7 or 8, or '+' and a country code");
        }
        if (normalised.startsWith("7") && normalised.charAt(1) == '0' && normalised.substring(1).chars()
                .allMatch(c -> c == '0')) {
            return Optional.empty();
        }
        return Optional.of(new PhoneNumber("+" + normalised));
    }

    /**
     * Returns the digits without {@code +}, as WhatsApp's {@code wa_id} and Green-API's chat ids write them.
     *
     * @return the international digits
     */
    public String digits() {
        return e164.substring(1);
    }

    /**
     * Returns the country a {@code +7} number belongs to: Kazakhstan holds {@code 70x}, {@code 76x} and
     * {@code 77x}, Russia the others.
     *
     * @return {@code "KZ"}, {@code "RU"}, or empty for numbers outside {@code +7}
     */
    public Optional<String> country() {
        if (!e164.startsWith("+7")) {
            return Optional.empty();
        }
        char first = e164.charAt(2);
        return Optional.of(first == '0' || first == '6' || first == '7' ? "KZ" : "RU");
    }

    /**
     * Returns the number with all but the first four and last two digits hidden, for logs.
     *
     * @return e.g. {@code +7701*****67}
     */
    public String masked() {
        return mask(e164);
    }

    /**
     * Masks any text that may hold a phone number: keeps the first four and last two characters of a
     * run of digits and hides the rest.
     *
     * @param text the text
     * @return the masked text
     */
    public static String mask(String text) {
        if (text.length() <= 6) {
            return "*".repeat(text.length());
        }
        return text.substring(0, 4) + "*".repeat(text.length() - 6) + text.substring(text.length() - 2);
    }

    /** Returns the masked number; see {@link #masked()}. */
    @Override
    public String toString() {
        return masked();
    }
}

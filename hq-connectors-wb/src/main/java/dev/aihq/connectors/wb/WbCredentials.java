package dev.aihq.connectors.wb;

import dev.aihq.http.Masking;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One seller's Wildberries API token: a JWT made in the seller cabinet (Настройки → Доступ к API) for one or more
 * API categories, sent raw as {@code Authorization: <token>}, without {@code Bearer}. Anyone holding it can act
 * as the seller: it never appears in {@link #toString()}, in a log line or in an exception message.
 *
 * @param token the token as the cabinet shows it
 */
public record WbCredentials(String token) {

    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7E]+");

    /**
     * Validates the token: printable ASCII without spaces, no {@code Bearer} prefix.
     *
     * @throws IllegalArgumentException naming the problem, never quoting the token
     */
    public WbCredentials {
        Objects.requireNonNull(token, "token");
        if (token.isBlank()) {
            throw new IllegalArgumentException("Wildberries token is blank");
        }
        if (!PRINTABLE.matcher(token).matches()) {
            throw new IllegalArgumentException("Wildberries token must be printable ASCII without spaces"
                    + " (give the token itself: no header name, no \"Bearer \" prefix)");
        }
    }

    /**
     * Wraps a token.
     *
     * @param token the token
     * @return the credentials
     */
    public static WbCredentials of(String token) {
        return new WbCredentials(token);
    }

    /** Describes the credentials with the token masked. */
    @Override
    public String toString() {
        return "WbCredentials[token=" + Masking.MASK + "]";
    }
}

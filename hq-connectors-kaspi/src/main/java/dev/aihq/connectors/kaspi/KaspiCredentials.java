package dev.aihq.connectors.kaspi;

import dev.aihq.http.Masking;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One shop's Kaspi API token, sent as {@code X-Auth-Token}. Only the company head can generate it, in
 * the cabinet (Настройки → Токен API), and anyone holding it can read the shop's orders: it never appears
 * in {@link #toString()}, in a log line or in an exception message.
 *
 * @param token the token as Kaspi shows it
 */
public record KaspiCredentials(String token) {

    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7E]+");

    /**
     * Validates the token: printable ASCII without spaces.
     *
     * @throws IllegalArgumentException naming the problem, never quoting the token
     */
    public KaspiCredentials {
        Objects.requireNonNull(token, "token");
        if (token.isBlank()) {
            throw new IllegalArgumentException("Kaspi token is blank");
        }
        if (!PRINTABLE.matcher(token).matches()) {
            throw new IllegalArgumentException("Kaspi token must be printable ASCII without spaces"
                    + " (give the token itself, no header name)");
        }
    }

    /**
     * Wraps a token.
     *
     * @param token the token
     * @return the credentials
     */
    public static KaspiCredentials of(String token) {
        return new KaspiCredentials(token);
    }

    /** Describes the credentials with the token masked. */
    @Override
    public String toString() {
        return "KaspiCredentials[token=" + Masking.MASK + "]";
    }
}

package dev.aihq.connectors.ozon;

import dev.aihq.http.Masking;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One Ozon seller account's credentials: the {@code Client-Id} (the seller's id, not secret but kept out of logs
 * all the same) and the {@code Api-Key} (secret). The key never appears in {@link #toString()}, a log line or an
 * exception message.
 *
 * @param clientId the {@code Client-Id}, e.g. {@code 123456}
 * @param apiKey the {@code Api-Key}
 */
public record OzonCredentials(String clientId, String apiKey) {

    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7E]+");

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException when one is blank or not printable ASCII without spaces
     */
    public OzonCredentials {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(apiKey, "apiKey");
        clientId = clientId.strip();
        if (!PRINTABLE.matcher(clientId).matches()) {
            throw new IllegalArgumentException("Ozon Client-Id must be printable ASCII without spaces, not blank");
        }
        if (!PRINTABLE.matcher(apiKey).matches()) {
            throw new IllegalArgumentException("Ozon Api-Key must be printable ASCII without spaces, not blank"
                    + " (give the key itself, without a header name)");
        }
    }

    /**
     * Creates credentials.
     *
     * @param clientId the {@code Client-Id}
     * @param apiKey the {@code Api-Key}
     * @return the credentials
     */
    public static OzonCredentials of(String clientId, String apiKey) {
        return new OzonCredentials(clientId, apiKey);
    }

    /** Shows the Client-Id and hides the key. */
    @Override
    public String toString() {
        return "OzonCredentials[clientId=" + clientId + ", apiKey=" + Masking.MASK + "]";
    }
}

package dev.aihq.api.store;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed hash of a customer's phone number within a shop: the lower-case hex HMAC-SHA256 of
 * {@code shopId + "\n" + e164} under a secret key. A {@link SuppressionStore} keeps this instead of the
 * number, so that the list of customers who opted out holds no phone numbers.
 *
 * <p>The key must be kept like a password and be the same on every application instance: a different
 * key yields different hashes, so an instance with another key would not recognise anyone on the list,
 * and losing the key makes the list unusable (nobody on it can be recognised again). Without the key a
 * hash cannot be checked against guessed numbers.
 *
 * @param hex 64 lower-case hexadecimal characters
 */
public record PhoneHash(String hex) {

    /** The shortest key accepted, in bytes. */
    public static final int MIN_KEY_BYTES = 16;

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
    private static final String ALGORITHM = "HmacSHA256";

    /** Validates the form. */
    public PhoneHash {
        Objects.requireNonNull(hex, "hex");
        if (!HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("phone hash must be 64 lower-case hexadecimal characters");
        }
    }

    /**
     * Hashes a customer's number within a shop.
     *
     * @param key the secret key, at least {@value #MIN_KEY_BYTES} bytes
     * @param shopId the shop
     * @param customer the customer's number
     * @return the hash
     * @throws IllegalArgumentException when the key is shorter than {@value #MIN_KEY_BYTES} bytes
     */
    public static PhoneHash of(byte[] key, ShopId shopId, PhoneNumber customer) {
        requireValidKey(key);
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(customer, "customer");
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            byte[] digest = mac.doFinal((shopId.value() + "\n" + customer.e164()).getBytes(StandardCharsets.UTF_8));
            return new PhoneHash(HexFormat.of().formatHex(digest));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JDK", e);
        }
    }

    /**
     * Checks a key as {@link #of(byte[], ShopId, PhoneNumber)} requires; for implementations that take
     * the key once.
     *
     * @param key the key
     * @return a copy of the key
     * @throws IllegalArgumentException when the key is shorter than {@value #MIN_KEY_BYTES} bytes
     */
    public static byte[] requireValidKey(byte[] key) {
        Objects.requireNonNull(key, "suppression key");
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the phone hash key must be at least " + MIN_KEY_BYTES
                    + " bytes, got " + key.length);
        }
        return key.clone();
    }

    /** Returns the hash; it holds no phone number. */
    @Override
    public String toString() {
        return hex;
    }
}

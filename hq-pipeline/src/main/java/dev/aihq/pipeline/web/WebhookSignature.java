package dev.aihq.pipeline.web;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.annotation.Nullable;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-HQ-Signature} header of calls to the front door's own endpoints:
 * {@code sha256=<lower-case hex HMAC-SHA256 of the raw body bytes, keyed with the shop's secret>}. Senders
 * use {@link #sign(String, byte[])}; the front door checks with {@link #matches(String, byte[], String)}
 * in constant time. A {@code GET} is signed over its empty body.
 */
public final class WebhookSignature {

    /** The header's name. */
    public static final String HEADER = "X-HQ-Signature";

    private static final String PREFIX = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {}

    /**
     * Computes the header value for a body.
     *
     * @param secret the shop's secret
     * @param body the exact bytes that will be sent
     * @return {@code sha256=} followed by 64 lower-case hex digits
     */
    public static String sign(String secret, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(hmac(secret, body));
    }

    /**
     * Tells whether a header value is the body's signature under the secret. The comparison takes the
     * same time wherever the first difference is.
     *
     * @param secret the shop's secret
     * @param body the raw body as received
     * @param headerValue the received header value, or {@code null}
     * @return {@code true} when it matches
     */
    public static boolean matches(String secret, byte[] body, @Nullable String headerValue) {
        if (headerValue == null) {
            return false;
        }
        String value = headerValue.strip();
        if (!value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        String hex = value.substring(PREFIX.length()).toLowerCase(Locale.ROOT);
        byte[] received;
        try {
            received = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, body), received);
    }

    private static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}

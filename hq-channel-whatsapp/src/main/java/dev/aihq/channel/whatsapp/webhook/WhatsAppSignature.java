package dev.aihq.channel.whatsapp.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.annotation.Nullable;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's {@code X-Hub-Signature-256} header: {@code sha256=<64 hex digits>}, the HMAC-SHA256 of the
 * <b>raw request body bytes</b> keyed with the app secret (not the access token, not the verify token).
 *
 * <p>Only the bytes as received verify. Meta signs a form with escaped unicode (&#92;u00e4) and
 * escaped slashes ({@code \/}); a body parsed and written again, even to the same JSON, has other bytes
 * and fails. The legacy SHA-1 {@code X-Hub-Signature} header is ignored.
 */
public final class WhatsAppSignature {

    /** The header's name (header names are case-insensitive). */
    public static final String HEADER = "X-Hub-Signature-256";

    private static final String PREFIX = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");

    /** The outcome of a check, so that a refusal can say why without showing the header. */
    public enum Result {
        /** The header is the body's signature. */
        VALID,
        /** There is no header. */
        MISSING,
        /** The header is not {@code sha256=} followed by 64 hex digits. */
        MALFORMED,
        /** The header is well formed but does not match the body. */
        MISMATCH
    }

    private WhatsAppSignature() {}

    /**
     * Computes the header value for a body, as Meta does; for tests and for replaying captured traffic.
     *
     * @param appSecret the app secret
     * @param body the exact bytes
     * @return {@code sha256=} followed by 64 lower-case hex digits
     */
    public static String sign(String appSecret, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(hmac(appSecret, body));
    }

    /**
     * Checks a header value against the raw body. The comparison of the digests takes the same time
     * wherever they first differ.
     *
     * @param appSecret the app secret
     * @param body the raw body as received
     * @param headerValue the header's value, or {@code null} when absent
     * @return the outcome
     */
    public static Result check(String appSecret, byte[] body, @Nullable String headerValue) {
        if (headerValue == null || headerValue.isBlank()) {
            return Result.MISSING;
        }
        String value = headerValue.strip();
        if (!value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Result.MALFORMED;
        }
        String hex = value.substring(PREFIX.length());
        if (!HEX64.matcher(hex).matches()) {
            return Result.MALFORMED;
        }
        byte[] received = HexFormat.of().parseHex(hex);
        return MessageDigest.isEqual(hmac(appSecret, body), received) ? Result.VALID : Result.MISMATCH;
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

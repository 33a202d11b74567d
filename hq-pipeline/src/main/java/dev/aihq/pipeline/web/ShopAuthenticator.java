package dev.aihq.pipeline.web;

import dev.aihq.api.ShopId;
import dev.aihq.api.web.WebhookRequest;
import dev.aihq.api.web.WebhookResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates a request for a shop with the shop's webhook secret: {@code X-HQ-Signature:
 * sha256=<hex HMAC-SHA256 of the raw body>} ({@link WebhookSignature}), or {@code Authorization: Bearer
 * <secret>}. When the signature header is present it decides. Comparisons take constant time. The front
 * door uses it for its own endpoints; a contributed route that speaks for shops takes it from
 * {@link WebhookFrontDoor#authenticator()}. Thread-safe.
 */
public final class ShopAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(ShopAuthenticator.class);

    private final WebhookSecretProvider secrets;

    /**
     * Creates an authenticator.
     *
     * @param secrets the shops' webhook secrets
     */
    public ShopAuthenticator(WebhookSecretProvider secrets) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    /**
     * Checks a request's credentials against a shop's secret.
     *
     * @param request the request; its raw body is what the signature covers
     * @param shopId the shop the request speaks for
     * @return {@code null} when authenticated, else the {@code 401} answer saying what is wrong
     */
    public @Nullable WebhookResponse authenticate(WebhookRequest request, ShopId shopId) {
        Optional<String> signature = request.header(WebhookSignature.HEADER).filter(v -> !v.isBlank());
        Optional<String> authorization = request.header("Authorization").filter(v -> !v.isBlank());
        if (signature.isEmpty() && authorization.isEmpty()) {
            return Answers.unauthenticated("credentials are missing: send " + WebhookSignature.HEADER
                    + ": sha256=<hex HMAC-SHA256 of the body with the shop's webhook secret>, or"
                    + " Authorization: Bearer <the shop's webhook secret>", false);
        }
        Optional<String> found = secrets.secret(shopId);
        String secret = found == null ? null : found.filter(s -> !s.isBlank()).orElse(null);
        if (secret == null) {
            LOG.info("Refused a call for shop {}: no webhook secret is configured for it", shopId);
            return Answers.unauthenticated("shop '" + Answers.abbreviate(shopId.value())
                    + "' has no webhook secret configured", true);
        }
        if (signature.isPresent()) {
            if (WebhookSignature.matches(secret, request.body(), signature.get())) {
                return null;
            }
            LOG.info("Refused a call for shop {}: {} does not match", shopId, WebhookSignature.HEADER);
            return Answers.unauthenticated(WebhookSignature.HEADER + " does not match the body and the shop's"
                    + " webhook secret", true);
        }
        String value = authorization.get().strip();
        if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Answers.unauthenticated("the Authorization header must be 'Bearer <the shop's webhook secret>'", true);
        }
        if (MessageDigest.isEqual(sha256(value.substring(7).strip()), sha256(secret))) {
            return null;
        }
        LOG.info("Refused a call for shop {}: the bearer token does not match", shopId);
        return Answers.unauthenticated("the token in the Authorization header is not the shop's webhook secret", true);
    }

    /** Digests before comparing, so the comparison does not reveal the secret's length either. */
    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}

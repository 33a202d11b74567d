package dev.aihq.connectors.ozon.push;

import dev.aihq.api.ShopId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * The secret path segment of each shop that receives Ozon's push notifications: the shop enters
 * {@code https://<host><base path>/<secret>} as its push URL in the Ozon seller cabinet, and a push that arrives
 * under a secret is the push of that secret's shop. Ozon signs nothing, so the secret is the only proof that a
 * request was meant for the shop; keep it as you keep a password. Implementations are thread-safe and may
 * return new secrets over time (a rotation), which {@link OzonPushRoute} reads on every request.
 */
@FunctionalInterface
public interface OzonPushSecrets {

    /** The shortest secret accepted: 16 characters. */
    int MIN_LENGTH = 16;

    /** The longest secret accepted: 128 characters. */
    int MAX_LENGTH = 128;

    /**
     * Returns the current secret of every shop that receives pushes. Secrets are
     * {@value #MIN_LENGTH}–{@value #MAX_LENGTH} characters of {@code A-Z a-z 0-9 - _} (safe in a URL path
     * without encoding) and differ between shops; {@link OzonPushRoute} skips, with a warning that does not
     * show the secret, any that is not.
     *
     * @return the secrets by shop; never {@code null}
     */
    Map<ShopId, String> secretsByShop();

    /**
     * Returns fixed secrets, checked now.
     *
     * @param secretsByShop each shop's secret
     * @return the provider
     * @throws IllegalArgumentException when a secret is malformed or two shops share one (the message names
     *     the shop, never the secret)
     */
    static OzonPushSecrets of(Map<ShopId, String> secretsByShop) {
        Map<ShopId, String> copy = new LinkedHashMap<>();
        Map<String, ShopId> seen = new LinkedHashMap<>();
        secretsByShop.forEach((shop, secret) -> {
            Objects.requireNonNull(shop, "shop");
            if (!isWellFormed(secret)) {
                throw new IllegalArgumentException("the push secret of shop " + shop.value() + " must be "
                        + MIN_LENGTH + "-" + MAX_LENGTH + " characters of A-Z a-z 0-9 - _");
            }
            ShopId other = seen.putIfAbsent(secret, shop);
            if (other != null) {
                throw new IllegalArgumentException("shops " + other.value() + " and " + shop.value()
                        + " share one push secret; give each shop its own");
            }
            copy.put(shop, secret);
        });
        Map<ShopId, String> fixed = Map.copyOf(copy);
        return () -> fixed;
    }

    /**
     * Tells whether a secret has the form {@link #secretsByShop()} requires.
     *
     * @param secret the secret, possibly {@code null}
     * @return {@code true} when it may be used
     */
    static boolean isWellFormed(@Nullable String secret) {
        if (secret == null || secret.length() < MIN_LENGTH || secret.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < secret.length(); i++) {
            char c = secret.charAt(i);
            boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}

package dev.aihq.pipeline.web;

import dev.aihq.api.ShopId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Supplies each shop's shared webhook secret, which authenticates calls to the front door's own
 * endpoints: either as the key of the {@code X-HQ-Signature} HMAC over the body or as the
 * {@code Authorization: Bearer} token (see {@link WebhookFrontDoor}).
 *
 * <p>The secret is a credential. Integrators keep it wherever they keep their other credentials (a
 * secrets manager, an encrypted column, environment variables) and resolve it per shop here; the SDK
 * never stores, logs or echoes it. It is asked for on every authenticated request, so an implementation
 * that reads a remote vault should cache. Implementations are thread-safe.
 */
@FunctionalInterface
public interface WebhookSecretProvider {

    /**
     * Returns the shop's webhook secret.
     *
     * @param shopId the shop
     * @return the secret, or empty when the shop has none (its calls are then refused with {@code 401});
     *     a blank secret counts as none
     * @throws dev.aihq.api.error.StoreException when the secret's store cannot be read (answered with
     *     {@code 503})
     */
    Optional<String> secret(ShopId shopId);

    /**
     * A provider over a fixed map, for tests, demos and integrators who load all secrets at start-up.
     *
     * @param secrets the secret of each shop
     * @return the provider
     */
    static WebhookSecretProvider of(Map<ShopId, String> secrets) {
        Map<ShopId, String> copy = Map.copyOf(Objects.requireNonNull(secrets, "secrets"));
        return shopId -> Optional.ofNullable(copy.get(shopId));
    }
}

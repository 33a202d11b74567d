package dev.aihq.connectors.wb;

import dev.aihq.api.ShopId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Supplies each shop's Wildberries token, looked up on every request so that a token changed in the integrator's
 * own store is used at once. A shop without a token gets nothing: the connector refuses every capability for it.
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface WbCredentialsProvider {

    /**
     * Returns a shop's credentials.
     *
     * @param shopId the shop
     * @return the credentials, or empty when the shop has no Wildberries token
     */
    Optional<WbCredentials> credentials(ShopId shopId);

    /**
     * Returns a provider over a fixed map of shops to tokens.
     *
     * @param tokens each shop's token
     * @return the provider
     */
    static WbCredentialsProvider of(Map<ShopId, String> tokens) {
        Map<ShopId, WbCredentials> byShop = new LinkedHashMap<>();
        tokens.forEach((shop, token) -> byShop.put(Objects.requireNonNull(shop, "shop id"), WbCredentials.of(token)));
        Map<ShopId, WbCredentials> copy = Map.copyOf(byShop);
        return new WbCredentialsProvider() {
            @Override
            public Optional<WbCredentials> credentials(ShopId shopId) {
                return Optional.ofNullable(copy.get(shopId));
            }

            @Override
            public String toString() {
                return "WbCredentialsProvider" + copy.keySet();
            }
        };
    }

    /**
     * Returns a provider for one shop.
     *
     * @param shopId the shop
     * @param token its token
     * @return the provider
     */
    static WbCredentialsProvider of(ShopId shopId, String token) {
        return of(Map.of(shopId, token));
    }
}

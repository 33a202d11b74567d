package dev.aihq.connectors.kaspi;

import dev.aihq.api.ShopId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Supplies each shop's Kaspi token, looked up on every request so that a token changed in the
 * integrator's own store is used at once. A shop without a token gets no orders: the connector refuses
 * {@link dev.aihq.api.connector.Capability#ORDERS} for it. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface KaspiCredentialsProvider {

    /**
     * Returns a shop's credentials.
     *
     * @param shopId the shop
     * @return the credentials, or empty when the shop has no Kaspi token
     */
    Optional<KaspiCredentials> credentials(ShopId shopId);

    /**
     * Returns a provider over a fixed map of shops to tokens.
     *
     * @param tokens each shop's token
     * @return the provider
     */
    static KaspiCredentialsProvider of(Map<ShopId, String> tokens) {
        Map<ShopId, KaspiCredentials> byShop = new LinkedHashMap<>();
        tokens.forEach((shop, token) -> byShop.put(Objects.requireNonNull(shop, "shop id"),
                KaspiCredentials.of(token)));
        Map<ShopId, KaspiCredentials> copy = Map.copyOf(byShop);
        return new KaspiCredentialsProvider() {
            @Override
            public Optional<KaspiCredentials> credentials(ShopId shopId) {
                return Optional.ofNullable(copy.get(shopId));
            }

            @Override
            public String toString() {
                return "KaspiCredentialsProvider" + copy.keySet();
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
    static KaspiCredentialsProvider of(ShopId shopId, String token) {
        return of(Map.of(shopId, token));
    }
}

package dev.aihq.channel.greenapi;

import dev.aihq.api.ShopId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which Green-API instance each shop sends from: the channel resolves credentials per shop for sends and
 * the shop per instance for webhook deliveries. Implementations are thread-safe; an integrator with many
 * shops implements it over their own storage, {@link #of(Map)} serves a fixed set.
 */
public interface GreenApiAccounts {

    /**
     * Returns the instance a shop sends from.
     *
     * @param shopId the shop
     * @return its settings, or empty when the shop has no Green-API instance
     */
    Optional<GreenApiConfig> forShop(ShopId shopId);

    /**
     * Returns the shop an instance belongs to, for webhook deliveries (they carry
     * {@code instanceData.idInstance}).
     *
     * @param idInstance the instance's id
     * @return the shop, or empty when the instance is unknown
     */
    Optional<ShopId> shopForInstance(long idInstance);

    /**
     * Returns fixed, in-memory accounts.
     *
     * @param accounts each shop's instance; no two shops may share an instance
     * @return the accounts
     * @throws IllegalArgumentException if two shops share an instance
     */
    static GreenApiAccounts of(Map<ShopId, GreenApiConfig> accounts) {
        Map<ShopId, GreenApiConfig> byShop = new LinkedHashMap<>(accounts);
        Map<Long, ShopId> byInstance = new HashMap<>();
        byShop.forEach((shop, config) -> {
            Objects.requireNonNull(shop, "shop id");
            Objects.requireNonNull(config, "config");
            ShopId previous = byInstance.putIfAbsent(config.idInstance(), shop);
            if (previous != null) {
                throw new IllegalArgumentException("shops " + previous + " and " + shop
                        + " share Green-API instance " + config.idInstance());
            }
        });
        Map<ShopId, GreenApiConfig> shops = Map.copyOf(byShop);
        Map<Long, ShopId> instances = Map.copyOf(byInstance);
        return new GreenApiAccounts() {
            @Override
            public Optional<GreenApiConfig> forShop(ShopId shopId) {
                return Optional.ofNullable(shops.get(shopId));
            }

            @Override
            public Optional<ShopId> shopForInstance(long idInstance) {
                return Optional.ofNullable(instances.get(idInstance));
            }

            @Override
            public String toString() {
                return "GreenApiAccounts" + instances;
            }
        };
    }

    /**
     * Returns fixed, in-memory accounts of one shop.
     *
     * @param shopId the shop
     * @param config its instance
     * @return the accounts
     */
    static GreenApiAccounts of(ShopId shopId, GreenApiConfig config) {
        return of(Map.of(shopId, config));
    }
}

package dev.aihq.connectors.ozon;

import dev.aihq.api.ShopId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Gives each shop's Ozon credentials and says which {@link OzonSubscription} it has (the API cannot be asked
 * reliably). Implement it over your own secret store, or use {@link #of(ShopId, OzonCredentials, OzonSubscription)}
 * and {@link #builder()}. Implementations must be thread-safe; they are asked on every request, so they may rotate
 * keys.
 */
@FunctionalInterface
public interface OzonCredentialsProvider {

    /**
     * Returns a shop's credentials.
     *
     * @param shopId the shop
     * @return its credentials, or empty when it has no Ozon account configured
     */
    Optional<OzonCredentials> credentials(ShopId shopId);

    /**
     * Returns a shop's subscription. Default {@link OzonSubscription#STANDARD}: reviews, questions and chats are
     * refused until the integrator says the shop has Premium Plus.
     *
     * @param shopId the shop
     * @return its subscription
     */
    default OzonSubscription subscription(ShopId shopId) {
        return OzonSubscription.STANDARD;
    }

    /**
     * Creates a provider of one shop.
     *
     * @param shopId the shop
     * @param credentials its credentials
     * @param subscription its subscription
     * @return the provider
     */
    static OzonCredentialsProvider of(ShopId shopId, OzonCredentials credentials, OzonSubscription subscription) {
        return builder().shop(shopId, credentials, subscription).build();
    }

    /**
     * Starts a builder of a fixed provider.
     *
     * @return a builder
     */
    static Builder builder() {
        return new Builder();
    }

    /** Builds a fixed {@link OzonCredentialsProvider}. Not thread-safe; the provider it builds is. */
    final class Builder {
        private final Map<ShopId, OzonCredentials> credentials = new LinkedHashMap<>();
        private final Map<ShopId, OzonSubscription> subscriptions = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Adds a shop.
         *
         * @param shopId the shop
         * @param shopCredentials its credentials
         * @param subscription its subscription
         * @return this builder
         */
        public Builder shop(ShopId shopId, OzonCredentials shopCredentials, OzonSubscription subscription) {
            credentials.put(Objects.requireNonNull(shopId, "shopId"),
                    Objects.requireNonNull(shopCredentials, "credentials"));
            subscriptions.put(shopId, Objects.requireNonNull(subscription, "subscription"));
            return this;
        }

        /**
         * Builds the provider.
         *
         * @return the provider
         */
        public OzonCredentialsProvider build() {
            Map<ShopId, OzonCredentials> byShop = Map.copyOf(credentials);
            Map<ShopId, OzonSubscription> subs = Map.copyOf(subscriptions);
            return new OzonCredentialsProvider() {
                @Override
                public Optional<OzonCredentials> credentials(ShopId shopId) {
                    return Optional.ofNullable(byShop.get(shopId));
                }

                @Override
                public OzonSubscription subscription(ShopId shopId) {
                    return subs.getOrDefault(shopId, OzonSubscription.STANDARD);
                }

                @Override
                public String toString() {
                    return "OzonCredentialsProvider" + byShop.keySet();
                }
            };
        }
    }
}

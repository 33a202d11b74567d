package dev.aihq.agents.legal.document;

import dev.aihq.api.shop.Shop;
import java.util.Objects;

/**
 * Where an integrator plugs in the seller's requisites (legal name, ИИН/БИН or ИНН/ОГРН, address, signatory) for
 * the header and signature of legal documents. Implementations must be thread-safe and should answer quickly
 * (they are called once per legal event); for an unknown shop they return {@link SellerDetails#none()} rather than
 * fail, and the document then carries placeholders.
 */
@FunctionalInterface
public interface SellerDetailsProvider {

    /**
     * Returns the requisites of a shop's seller.
     *
     * @param shop the shop
     * @return its details; {@link SellerDetails#none()} when nothing is known
     */
    SellerDetails details(Shop shop);

    /**
     * A provider that knows nothing: every document carries placeholders for the requisites.
     *
     * @return the provider
     */
    static SellerDetailsProvider none() {
        return shop -> {
            Objects.requireNonNull(shop, "shop");
            return SellerDetails.none();
        };
    }
}

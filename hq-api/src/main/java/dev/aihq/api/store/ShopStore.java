package dev.aihq.api.store;

import dev.aihq.api.ShopId;
import dev.aihq.api.shop.Shop;
import java.util.List;
import java.util.Optional;
import javax.annotation.Nullable;

/** Shops and their settings (the seed's "Get Shop Settings" from the database). Thread-safe. */
public interface ShopStore {

    /**
     * Finds a shop.
     *
     * @param id the shop id
     * @return the shop with its settings, or empty when unknown
     */
    Optional<Shop> find(ShopId id);

    /**
     * Inserts or replaces a shop.
     *
     * @param shop the shop
     */
    void save(Shop shop);

    /**
     * Lists the ids of the stored shops, active or not, a page at a time in ascending order of
     * {@link ShopId#value()} (compared character by character, as {@link String#compareTo} does): what a job
     * that visits every shop walks, e.g. the retention job. Pass the last id of a page as {@code after} to
     * read the next one.
     *
     * @param after list only ids after this one, or {@code null} to start at the first
     * @param limit the most ids to return, at least 1
     * @return up to {@code limit} ids, ascending; fewer (or none) at the end
     * @throws IllegalArgumentException when {@code limit} is below 1
     */
    List<ShopId> listIds(@Nullable ShopId after, int limit);
}

package dev.aihq.connectors.kaspi.feed;

import java.util.Objects;
import javax.annotation.Nullable;

/**
 * An offer's availability at one of the seller's stores (pick-up points), one
 * {@code <availability available="yes" storeId="PP1" preOrder="3" stockCount="12"/>}.
 *
 * @param storeId the store as the seller named it in the cabinet, e.g. {@code PP1}
 * @param available whether the offer is sold from this store ({@code available="yes"})
 * @param stockCount the units at this store, or {@code null} when the feed does not say
 *     ({@code stockCount} is optional in Kaspi's format)
 * @param preOrderDays the days until the seller can hand the item over (0–30), or {@code null} when
 *     {@code preOrder} is absent
 */
public record KaspiAvailability(
        String storeId, boolean available, @Nullable Integer stockCount, @Nullable Integer preOrderDays) {

    /** The longest pre-order Kaspi accepts, in days. */
    public static final int MAX_PRE_ORDER_DAYS = 30;

    /** Validates the store id, the count and the pre-order days. */
    public KaspiAvailability {
        Objects.requireNonNull(storeId, "store id");
        if (storeId.isBlank()) {
            throw new IllegalArgumentException("store id must not be blank");
        }
        if (stockCount != null && stockCount < 0) {
            throw new IllegalArgumentException("stock count at " + storeId + " must not be negative");
        }
        if (preOrderDays != null && (preOrderDays < 0 || preOrderDays > MAX_PRE_ORDER_DAYS)) {
            throw new IllegalArgumentException("pre-order days at " + storeId + " must be 0-" + MAX_PRE_ORDER_DAYS
                    + ", got " + preOrderDays);
        }
    }

    /**
     * Creates an availability with the count known and no pre-order.
     *
     * @param storeId the store
     * @param available whether it is sold from the store
     * @param stockCount the units at the store
     * @return the availability
     */
    public static KaspiAvailability of(String storeId, boolean available, int stockCount) {
        return new KaspiAvailability(storeId, available, stockCount, null);
    }
}

package dev.aihq.connectors.ozon;

import java.math.BigDecimal;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * One line of a posting ({@code products[]}, reference §3.3).
 *
 * @param sku Ozon's SKU, or {@code null} when absent
 * @param offerId the seller's article ({@code offer_id}), or {@code null}
 * @param name the product name ({@code ""} when Ozon sent none)
 * @param quantity the units, at least 1
 * @param price the unit price (Ozon sends a string such as {@code "1259"}), or {@code null} when absent or unreadable
 * @param currencyCode ISO 4217, e.g. {@code RUB}, or {@code null}
 */
public record OzonPostingProduct(
        @Nullable Long sku,
        @Nullable String offerId,
        String name,
        int quantity,
        @Nullable BigDecimal price,
        @Nullable String currencyCode) {

    /** Checks the name is there. */
    public OzonPostingProduct {
        Objects.requireNonNull(name, "name");
    }
}

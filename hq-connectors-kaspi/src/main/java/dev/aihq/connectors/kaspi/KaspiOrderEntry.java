package dev.aihq.connectors.kaspi;

import dev.aihq.api.Money;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * One line of a Kaspi order from {@code GET /v2/orders/{id}/entries}. Kaspi's {@code offer.code} is its
 * own offer code and not necessarily the seller's SKU: ask
 * {@link KaspiClient#sellerSku(dev.aihq.api.ShopId, KaspiOrderEntry)} for that.
 *
 * @param id the entry's id
 * @param entryNumber the 0-based position in the order
 * @param quantity how many (a weight for weighed goods)
 * @param basePrice the unit price, KZT
 * @param totalPrice the line total, KZT
 * @param unitType {@code PIECES}, {@code MEASURABLE} or {@code MEASURABLE_PIECES} as written, or {@code null}
 * @param offerCode Kaspi's offer code, or {@code null}
 * @param offerName the product's title as sold (often Cyrillic), or {@code null}
 * @param categoryTitle the category's title, or {@code null}
 * @param productId the Kaspi master product behind the entry ({@code relationships.product}), or {@code null}
 */
public record KaspiOrderEntry(String id, int entryNumber, BigDecimal quantity, Money basePrice, Money totalPrice,
        @Nullable String unitType, @Nullable String offerCode, @Nullable String offerName,
        @Nullable String categoryTitle, @Nullable String productId) {

    /** Requires every non-optional component. */
    public KaspiOrderEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(basePrice, "basePrice");
        Objects.requireNonNull(totalPrice, "totalPrice");
    }

    /**
     * Returns the master product id.
     *
     * @return the id, or empty when the entry has no product relationship
     */
    public Optional<String> product() {
        return Optional.ofNullable(productId);
    }
}

package dev.aihq.api.result;

import java.math.BigDecimal;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A product that loses money in the period, with the reason computed by code: the seed's
 * {@code {product, reason}}, extended with the SKU, the reason's code and the period's result.
 *
 * @param product the product's name
 * @param reason why it loses, in the shop's language, e.g. {@code Комиссия выше маржи}
 * @param sku the product's SKU, or {@code null} when only the name is known
 * @param reasonCode the reason's code, e.g. {@code COMMISSION_ABOVE_MARGIN}, or {@code null}
 * @param profit the product's profit in the period (negative for a loss), or {@code null}
 */
public record LossProduct(String product, String reason, @Nullable String sku, @Nullable String reasonCode,
        @Nullable BigDecimal profit) {

    /** Requires the name and the reason. */
    public LossProduct {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * Creates the seed's two-field form.
     *
     * @param product the product's name
     * @param reason why it loses
     */
    public LossProduct(String product, String reason) {
        this(product, reason, null, null, null);
    }
}

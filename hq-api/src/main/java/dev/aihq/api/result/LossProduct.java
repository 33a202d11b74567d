package dev.aihq.api.result;

import java.util.Objects;

/**
 * A product that loses money in the period, with the reason computed by code.
 *
 * @param product the product's name
 * @param reason why it loses, e.g. {@code Комиссия выше маржи}
 */
public record LossProduct(String product, String reason) {

    /** Requires both parts. */
    public LossProduct {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(reason, "reason");
    }
}

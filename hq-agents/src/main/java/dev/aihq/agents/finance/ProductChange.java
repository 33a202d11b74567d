package dev.aihq.agents.finance;

import dev.aihq.api.Sku;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A product's figures in two periods, for products with money movements in both.
 *
 * @param sku the product
 * @param product its name
 * @param netSales its net sales then and now
 * @param profit its profit then and now, or {@code null} when either is unknown (no cost)
 */
public record ProductChange(Sku sku, String product, Change netSales, @Nullable Change profit) {

    /** Requires the product and its net sales. */
    public ProductChange {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(netSales, "net sales");
    }
}

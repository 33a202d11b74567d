package dev.aihq.agents.finance;

import dev.aihq.api.Money;
import dev.aihq.api.Sku;
import dev.aihq.api.result.LossProduct;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A loss-making product: its profit over the period is negative, or its price today does not cover its
 * cost, commission, delivery and the shipping lost on returns (see {@link ProfitCalculator}).
 *
 * @param sku the product
 * @param product its name
 * @param reason why, decided from the numbers
 * @param profit its profit over the period (may be positive when only today's price loses)
 * @param unitProfit its profit per unit kept at today's catalog price after commission, delivery and
 *     returns, or {@code null} when it sold no units or has no price
 * @param text the reason in the shop's language, e.g. «Комиссия (12 %, 4 308 ₸) выше маржи (3 100 ₸)»
 */
public record LossMaker(Sku sku, String product, LossReason reason, Money profit, @Nullable Money unitProfit,
        String text) {

    /** Requires every part. */
    public LossMaker {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(profit, "profit");
        Objects.requireNonNull(text, "text");
    }

    /**
     * Returns it in the seed's result shape.
     *
     * @return the product's name and the reason's text
     */
    public LossProduct toLossProduct() {
        return new LossProduct(product, text);
    }
}

package dev.aihq.agents.finance;

import dev.aihq.api.Money;
import dev.aihq.api.Sku;
import java.math.BigDecimal;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A recommendation computed by {@link ProfitCalculator}: what to do, for which product, with its numbers,
 * and the sentence in the shop's language from the shipped templates.
 *
 * @param kind what to do
 * @param sku the product
 * @param product its name
 * @param percent the price increase in percent for {@link Kind#RAISE_PRICE_TO_BREAK_EVEN} and
 *     {@link Kind#RAISE_PRICE_TO_TARGET_MARGIN} (rounded up to the calculator's step); the break-even
 *     increase for a {@link Kind#DELIST} over the cap; the return rate for {@link Kind#REDUCE_RETURNS};
 *     otherwise {@code null}
 * @param price the price to set for a price increase, else {@code null}
 * @param amount the money at stake: the shipping lost on returns for {@link Kind#REDUCE_RETURNS}, the
 *     period's net sales for {@link Kind#SET_COST_PRICE}, the period's profit for {@link Kind#DELIST}; else
 *     {@code null}
 * @param text the sentence, e.g. «Поднять цену «Чехол iPhone» на 7 % (до 5 350 ₸), чтобы выйти в ноль»
 */
public record Recommendation(Kind kind, Sku sku, String product, @Nullable BigDecimal percent,
        @Nullable Money price, @Nullable Money amount, String text) {

    /** What a recommendation asks for. */
    public enum Kind {
        /** Raise the price by {@code percent} so the product stops losing. */
        RAISE_PRICE_TO_BREAK_EVEN,
        /** Raise the price by {@code percent} so the product reaches the shop's target margin. */
        RAISE_PRICE_TO_TARGET_MARGIN,
        /**
         * Take the product off sale: it loses even after the largest price increase allowed, or it sold
         * nothing in a period when the shop sold.
         */
        DELIST,
        /** The shipping lost on returns takes a large share of the product's profit. */
        REDUCE_RETURNS,
        /** The product's cost price is unknown: enter it, its profit is not counted until then. */
        SET_COST_PRICE
    }

    /** Requires the kind, product and text. */
    public Recommendation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(text, "text");
    }
}

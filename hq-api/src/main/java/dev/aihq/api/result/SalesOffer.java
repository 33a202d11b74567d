package dev.aihq.api.result;

import dev.aihq.api.Sku;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * The sales agent's result: the message for the customer and the offer it carries. The offered
 * products, promo code and discount are chosen by code from the catalog and the shop's settings; the
 * text is checked against them before it is sent.
 *
 * @param kind what the message is for
 * @param text the message text, ready for the channel's markup
 * @param offeredProducts the catalog products the message offers, possibly none
 * @param promoCode the promo code it carries, or {@code null}
 * @param discountPercent the discount it promises in percent, or {@code null}
 */
public record SalesOffer(
        OfferKind kind,
        String text,
        List<Sku> offeredProducts,
        @Nullable String promoCode,
        @Nullable BigDecimal discountPercent) {

    /** Validates the offer. */
    public SalesOffer {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        offeredProducts = List.copyOf(offeredProducts);
        if (text.isBlank()) {
            throw new IllegalArgumentException("offer text must not be blank");
        }
    }

    /**
     * Starts a builder.
     *
     * @param kind what the message is for
     * @param text the message text
     * @return a builder
     */
    public static Builder builder(OfferKind kind, String text) {
        return new Builder(kind, text);
    }

    /**
     * Starts a builder holding this offer.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(kind, text);
        b.offeredProducts.addAll(offeredProducts);
        b.promoCode = promoCode;
        b.discountPercent = discountPercent;
        return b;
    }

    /** Builds {@link SalesOffer}. Not thread-safe. */
    public static final class Builder {
        private final OfferKind kind;
        private String text;
        private final List<Sku> offeredProducts = new ArrayList<>();
        private @Nullable String promoCode;
        private @Nullable BigDecimal discountPercent;

        private Builder(OfferKind kind, String text) {
            this.kind = kind;
            this.text = text;
        }

        /**
         * Replaces the text.
         *
         * @param text the text
         * @return this builder
         */
        public Builder text(String text) {
            this.text = text;
            return this;
        }

        /**
         * Adds an offered product.
         *
         * @param sku the product
         * @return this builder
         */
        public Builder offeredProduct(Sku sku) {
            offeredProducts.add(sku);
            return this;
        }

        /**
         * Sets the promo code.
         *
         * @param code the code, or {@code null}
         * @return this builder
         */
        public Builder promoCode(@Nullable String code) {
            this.promoCode = code;
            return this;
        }

        /**
         * Sets the discount.
         *
         * @param percent the percent, or {@code null}
         * @return this builder
         */
        public Builder discountPercent(@Nullable BigDecimal percent) {
            this.discountPercent = percent;
            return this;
        }

        /**
         * Builds the offer.
         *
         * @return the offer
         */
        public SalesOffer build() {
            return new SalesOffer(kind, text, offeredProducts, promoCode, discountPercent);
        }
    }
}

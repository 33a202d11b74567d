package dev.aihq.agents.sales;

import dev.aihq.api.Sku;
import dev.aihq.api.shop.PromoCode;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.result.SalesOffer;
import dev.aihq.api.store.Product;
import dev.aihq.pipeline.Guard;
import dev.aihq.pipeline.GuardDecision;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks a sales message before it reaches a customer (the seed's "ИИ не обещает то, чего нет"):
 *
 * <ul>
 *   <li>every offered SKU is in the context's catalog, available (active, in stock) and not in one of the
 *       shop's excluded categories;</li>
 *   <li>a promo code, if any, is one of the shop's, and a discount, if any, is that code's discount or the
 *       shop's review discount;</li>
 *   <li>the text is not blank and fits the channel's length.</li>
 * </ul>
 *
 * <p>A message that breaks any rule fails the run with every broken rule in the reason; nothing is sent.
 * Thread-safe.
 *
 * @param <C> the context type
 */
public final class SalesOfferGuard<C> implements Guard<C, SalesOffer> {

    private final int maxTextLength;
    private final Function<C, List<Product>> catalog;

    /**
     * Creates a guard.
     *
     * @param maxTextLength the channel's longest text, in characters
     * @param catalog the products a context allows offering
     */
    public SalesOfferGuard(int maxTextLength, Function<C, List<Product>> catalog) {
        if (maxTextLength < 1) {
            throw new IllegalArgumentException("max text length must be positive, got " + maxTextLength);
        }
        this.maxTextLength = maxTextLength;
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /**
     * A guard for messages after a purchase, offering from the context's catalog.
     *
     * @param maxTextLength the channel's longest text
     * @return the guard
     */
    public static SalesOfferGuard<PurchaseContext> forPurchases(int maxTextLength) {
        return new SalesOfferGuard<>(maxTextLength, PurchaseContext::catalog);
    }

    /**
     * A guard for answers to customers' messages; their context has no catalog, so an answer may offer
     * no product.
     *
     * @param maxTextLength the channel's longest text
     * @return the guard
     */
    public static SalesOfferGuard<ReplyContext> forReplies(int maxTextLength) {
        return new SalesOfferGuard<>(maxTextLength, context -> List.of());
    }

    @Override
    public GuardDecision<SalesOffer> check(C context, SalesOffer offer, Shop shop) {
        List<String> problems = new ArrayList<>();
        if (offer.text().isBlank()) {
            problems.add("the text is blank");
        } else if (offer.text().length() > maxTextLength) {
            problems.add("the text is " + offer.text().length() + " characters, the channel allows "
                    + maxTextLength);
        }
        List<Product> products = catalog.apply(context);
        for (Sku sku : offer.offeredProducts()) {
            Optional<Product> product = products.stream().filter(p -> p.sku().equals(sku)).findFirst();
            if (product.isEmpty()) {
                problems.add("offered product " + sku + " is not in the catalog");
            } else if (!product.get().available()) {
                problems.add("offered product " + sku + " is not available (inactive or out of stock)");
            } else if (shop.settings().excludedCategories().contains(product.get().category())) {
                problems.add("offered product " + sku + " is in the excluded category '"
                        + product.get().category() + "'");
            }
        }
        Optional<PromoCode> promo = Optional.empty();
        if (offer.promoCode() != null) {
            promo = shop.settings().promoCodes().stream()
                    .filter(p -> p.code().equals(offer.promoCode())).findFirst();
            if (promo.isEmpty()) {
                problems.add("promo code '" + offer.promoCode() + "' is not one of the shop's");
            }
        }
        BigDecimal discount = offer.discountPercent();
        if (discount != null) {
            boolean promoDiscount = promo.isPresent() && promo.get().discountPercent().compareTo(discount) == 0;
            boolean reviewDiscount = shop.settings().reviewDiscountPercent().signum() > 0
                    && shop.settings().reviewDiscountPercent().compareTo(discount) == 0;
            if (!promoDiscount && !reviewDiscount) {
                problems.add("discount " + discount.stripTrailingZeros().toPlainString()
                        + " % is neither the promo code's nor the shop's review discount");
            }
        }
        return problems.isEmpty() ? GuardDecision.accept(offer)
                : GuardDecision.fail(offer, String.join("; ", problems));
    }
}

package dev.aihq.agents.sales;

import dev.aihq.agents.margin.Margin;
import dev.aihq.agents.margin.MarginCalculator;
import dev.aihq.api.Sku;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.event.PurchaseItem;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.store.Product;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.annotation.Nullable;

/**
 * Chooses the product the sales agent offers after a purchase, by code and never by the model ("numbers
 * never come from the model"; the seed's "предлагать только маржинальные товары").
 *
 * <p>Candidates are the catalog's available products (active, in stock) that are not in this order, not
 * in one of the shop's excluded categories, priced in the order's currency, with a known cost price and
 * a margin after the marketplace commission of at least the shop's minimum:
 *
 * <pre>margin % = (price − cost − price × commission % / 100) / price × 100</pre>
 *
 * <p>with the commission of the product's category from the shop's schedule (or its default). All
 * arithmetic is exact {@link BigDecimal}, done by {@link MarginCalculator}. Among the candidates a
 * product in the same category as a bought item wins, then the highest margin, then the smallest SKU,
 * so the choice is deterministic.
 */
public final class OfferSelector {

    private OfferSelector() {}

    /**
     * Chooses the product to offer.
     *
     * @param event the purchase
     * @param catalog the shop's products
     * @param settings the shop's settings (minimum margin, commissions, excluded categories)
     * @return the product, or {@code null} when none qualifies
     */
    public static @Nullable Product select(PurchaseEvent event, List<Product> catalog, ShopSettings settings) {
        Set<Sku> bought = event.items().stream().map(PurchaseItem::sku).collect(Collectors.toSet());
        Map<Sku, Product> bySku = catalog.stream()
                .collect(Collectors.toMap(Product::sku, Function.identity(), (a, b) -> a));
        Set<String> boughtCategories = new HashSet<>();
        for (Sku sku : bought) {
            Product p = bySku.get(sku);
            if (p != null) {
                boughtCategories.add(p.category());
            }
        }
        Comparator<Product> order = Comparator
                .comparing((Product p) -> !boughtCategories.contains(p.category()))
                .thenComparing((Product p) -> marginRatio(p, settings).orElseThrow(), Comparator.reverseOrder())
                .thenComparing(p -> p.sku().value());
        return catalog.stream()
                .filter(p -> !bought.contains(p.sku()))
                .filter(p -> p.price().currency().equals(event.currency()))
                .filter(p -> qualifies(p, settings))
                .min(order)
                .orElse(null);
    }

    /**
     * Tells whether a product may be offered at all: available, not excluded, with a known cost price and
     * a margin after commission of at least the shop's minimum.
     *
     * @param product the product
     * @param settings the shop's settings
     * @return {@code true} when it may be offered
     */
    public static boolean qualifies(Product product, ShopSettings settings) {
        if (!product.available() || settings.excludedCategories().contains(product.category())) {
            return false;
        }
        return MarginCalculator.of(product, settings)
                .map(margin -> margin.atLeast(settings.minimumMarginPercent()))
                .orElse(false);
    }

    /**
     * Returns a product's margin after the marketplace commission, in percent, rounded half-up to two
     * decimals for display.
     *
     * @param product the product
     * @param settings the shop's settings (the commission schedule)
     * @return the margin, or empty when the cost price is unknown or the price is zero
     */
    public static Optional<BigDecimal> marginPercent(Product product, ShopSettings settings) {
        return MarginCalculator.of(product, settings).map(Margin::percent);
    }

    /**
     * Returns what one unit earns after its cost and the marketplace commission.
     *
     * @param product the product
     * @param settings the shop's settings (the commission schedule)
     * @return price − cost − price × commission / 100, exact; empty when the cost is unknown or the
     *     price is zero
     */
    public static Optional<BigDecimal> profitAfterCommission(Product product, ShopSettings settings) {
        return MarginCalculator.of(product, settings).map(margin -> margin.profit().amount());
    }

    private static Optional<BigDecimal> marginRatio(Product product, ShopSettings settings) {
        return MarginCalculator.of(product, settings).map(Margin::ratio);
    }
}

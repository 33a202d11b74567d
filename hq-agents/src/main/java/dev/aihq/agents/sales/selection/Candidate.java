package dev.aihq.agents.sales.selection;

import dev.aihq.agents.margin.Margin;
import dev.aihq.api.store.Product;
import java.util.List;
import java.util.Objects;

/**
 * A product (or, for a {@link Relation#BUNDLE}, two products) the sales agent may offer after a purchase,
 * as ranked by {@link CandidateSelector}. Every candidate has passed the hard filters: active, in stock,
 * not in an excluded category, in the order's currency, with a known margin of at least the shop's minimum,
 * and not one of the items just bought (except a {@link Relation#REPEAT}).
 *
 * @param product the product offered (for a bundle, its first product)
 * @param products every product offered: {@code [product]}, or both products of a bundle
 * @param relation why it is offered
 * @param margin what one sale earns after cost and commission (for a bundle, both products together)
 * @param score the relation's strength for this customer's segment: higher ranks first (see
 *     {@link CandidateSelector})
 * @param coPurchases in how many of the shop's orders it was bought together with the items just bought;
 *     0 when unknown or never
 * @param reason a short human explanation, in Russian, for the prompt and for logs
 */
public record Candidate(
        Product product,
        List<Product> products,
        Relation relation,
        Margin margin,
        int score,
        long coPurchases,
        String reason) {

    /** Validates the parts; copies the products. */
    public Candidate {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(margin, "margin");
        Objects.requireNonNull(reason, "reason");
        products = List.copyOf(products);
        if (products.isEmpty() || !products.get(0).equals(product)) {
            throw new IllegalArgumentException("products must start with the product");
        }
        if ((relation == Relation.BUNDLE) != (products.size() == 2) || products.size() > 2) {
            throw new IllegalArgumentException("a bundle has exactly two products and nothing else has more than one,"
                    + " got " + products.size() + " for " + relation);
        }
        if (coPurchases < 0) {
            throw new IllegalArgumentException("co-purchases must not be negative, got " + coPurchases);
        }
    }
}

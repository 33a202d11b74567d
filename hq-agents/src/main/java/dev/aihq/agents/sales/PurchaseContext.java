package dev.aihq.agents.sales;

import dev.aihq.agents.sales.selection.Candidate;
import dev.aihq.agents.sales.selection.CustomerProfile;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.event.PurchaseItem;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.store.Product;
import dev.aihq.api.store.Purchase;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * What the sales agent knows after a purchase (the seed's "Prepare AI Data"): the shop and its settings,
 * what was bought, the shop's catalog, the customer's earlier purchases, and the product code chose to
 * offer.
 *
 * @param shop the shop with its settings
 * @param event the purchase
 * @param catalog the shop's products
 * @param history the customer's earlier purchases in this shop, newest first, without this order; empty
 *     when the source gave no contact or the history was not available
 * @param firstPurchase whether this is the customer's first purchase in the shop, as far as is known
 * @param recommendation the product to offer first (the best candidate), or {@code null} when none
 *     qualifies
 * @param missingSources the optional context sources that failed or timed out
 * @param candidates the products code allows offering, best first ({@code CandidateSelector}); the model
 *     sees only these
 * @param customer what is known of the customer: segment, frequency, average check, recency
 */
public record PurchaseContext(
        Shop shop,
        PurchaseEvent event,
        List<Product> catalog,
        List<Purchase> history,
        boolean firstPurchase,
        @Nullable Product recommendation,
        List<String> missingSources,
        List<Candidate> candidates,
        CustomerProfile customer) {

    /** Requires every part and copies the lists. */
    public PurchaseContext {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(event, "event");
        catalog = List.copyOf(catalog);
        history = List.copyOf(history);
        missingSources = List.copyOf(missingSources);
        candidates = List.copyOf(candidates);
        Objects.requireNonNull(customer, "customer");
    }

    /**
     * A context with one recommendation and no ranked candidates (for code that chose by itself).
     *
     * @param shop the shop
     * @param event the purchase
     * @param catalog the shop's products
     * @param history the customer's earlier purchases
     * @param firstPurchase whether this is the first purchase
     * @param recommendation the product to offer, or {@code null}
     * @param missingSources the failed optional sources
     */
    public PurchaseContext(Shop shop, PurchaseEvent event, List<Product> catalog, List<Purchase> history,
            boolean firstPurchase, @Nullable Product recommendation, List<String> missingSources) {
        this(shop, event, catalog, history, firstPurchase, recommendation, missingSources, List.of(),
                firstPurchase ? CustomerProfile.firstPurchase() : CustomerProfile.unknown());
    }

    /**
     * Returns every product the message may name: the candidates' products (a bundle names two).
     *
     * @return the products, best candidate first, without repeats
     */
    public List<Product> offerable() {
        if (candidates.isEmpty()) {
            return recommendation == null ? List.of() : List.of(recommendation);
        }
        return candidates.stream().flatMap(c -> c.products().stream()).distinct().toList();
    }

    /**
     * Returns the first bought line, the one messages name.
     *
     * @return the first item of the order
     */
    public PurchaseItem firstItem() {
        return event.items().get(0);
    }
}

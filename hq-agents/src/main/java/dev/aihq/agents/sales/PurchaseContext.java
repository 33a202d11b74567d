package dev.aihq.agents.sales;

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
 * @param recommendation the product to offer, chosen by {@link OfferSelector}, or {@code null} when
 *     none qualifies
 * @param missingSources the optional context sources that failed or timed out
 */
public record PurchaseContext(
        Shop shop,
        PurchaseEvent event,
        List<Product> catalog,
        List<Purchase> history,
        boolean firstPurchase,
        @Nullable Product recommendation,
        List<String> missingSources) {

    /** Requires every part and copies the lists. */
    public PurchaseContext {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(event, "event");
        catalog = List.copyOf(catalog);
        history = List.copyOf(history);
        missingSources = List.copyOf(missingSources);
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

package dev.aihq.agents.sales;

import dev.aihq.api.event.CustomerReplyEvent;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.store.Purchase;
import java.util.List;
import java.util.Objects;

/**
 * What the sales agent knows when a customer writes back: the shop, the customer's message (untrusted
 * text) and their recent purchases.
 *
 * @param shop the shop with its settings
 * @param reply the customer's message
 * @param recentPurchases the customer's recent purchases in this shop, newest first; empty when unknown
 * @param missingSources the optional context sources that failed or timed out
 */
public record ReplyContext(Shop shop, CustomerReplyEvent reply, List<Purchase> recentPurchases,
        List<String> missingSources) {

    /** Requires every part and copies the lists. */
    public ReplyContext {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(reply, "reply");
        recentPurchases = List.copyOf(recentPurchases);
        missingSources = List.copyOf(missingSources);
    }
}

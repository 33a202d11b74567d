package dev.aihq.agents.sales;

import dev.aihq.agents.sales.selection.Candidate;
import dev.aihq.api.event.CustomerReplyEvent;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.store.ConversationMessage;
import dev.aihq.api.store.Product;
import dev.aihq.api.store.Purchase;
import java.util.List;
import java.util.Objects;

/**
 * What the sales agent knows when a customer writes back: the shop, the customer's message (untrusted
 * text), the conversation so far, their recent purchases and the alternatives code allows offering.
 *
 * @param shop the shop with its settings
 * @param reply the customer's message
 * @param recentPurchases the customer's recent purchases in this shop, newest first; empty when unknown
 * @param missingSources the optional context sources that failed or timed out
 * @param conversation the conversation before this message, oldest first (untrusted text)
 * @param alternatives products code allows offering if the customer objects or asks for another, best first
 */
public record ReplyContext(Shop shop, CustomerReplyEvent reply, List<Purchase> recentPurchases,
        List<String> missingSources, List<ConversationMessage> conversation, List<Candidate> alternatives) {

    /** Requires every part and copies the lists. */
    public ReplyContext {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(reply, "reply");
        recentPurchases = List.copyOf(recentPurchases);
        missingSources = List.copyOf(missingSources);
        conversation = List.copyOf(conversation);
        alternatives = List.copyOf(alternatives);
    }

    /**
     * A context without conversation or alternatives.
     *
     * @param shop the shop
     * @param reply the customer's message
     * @param recentPurchases their recent purchases
     * @param missingSources the failed optional sources
     */
    public ReplyContext(Shop shop, CustomerReplyEvent reply, List<Purchase> recentPurchases,
            List<String> missingSources) {
        this(shop, reply, recentPurchases, missingSources, List.of(), List.of());
    }

    /**
     * Returns every product an answer may name: the alternatives' products.
     *
     * @return the products, best first, without repeats
     */
    public List<Product> offerable() {
        return alternatives.stream().flatMap(c -> c.products().stream()).distinct().toList();
    }
}

package dev.aihq.agents.inbox.link;

import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import dev.aihq.api.inbox.OrderLink;
import dev.aihq.api.inbox.OrderLinkSource;
import dev.aihq.api.store.IndexedOrder;
import dev.aihq.api.store.OrderIndexStore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Links an interaction to its order: the reference the marketplace gave (Wildberries {@code goodCard.rid}, Ozon
 * chat history {@code context.order_number}) or, when there is none, the order number the buyer wrote
 * ({@link OrderNumbers}). Each reference is looked up in the local order index; the first one found there wins and
 * brings the order's product and state. A marketplace's reference that the index does not know yet is still a link
 * (the order was made before the index saw it); a number the buyer wrote is a link only when the index finds it, so
 * that a random number in a message never becomes an order. Thread-safe when the index is.
 */
public final class OrderLinker {

    private final OrderIndexStore index;

    /**
     * Creates a linker.
     *
     * @param index the local order index
     */
    public OrderLinker(OrderIndexStore index) {
        this.index = Objects.requireNonNull(index, "index");
    }

    /**
     * Finds the link of a message.
     *
     * @param shopId the shop
     * @param marketplace the marketplace
     * @param marketplaceRef the reference the marketplace gave with the message, or {@code null}
     * @param buyerText the buyer's text, read for order numbers when the marketplace gave none
     * @param at when the link is made
     * @return the link and the order found, or empty when there is no link
     */
    public Optional<Linked> link(ShopId shopId, Marketplace marketplace, @Nullable String marketplaceRef,
            String buyerText, Instant at) {
        if (marketplaceRef != null && !marketplaceRef.isBlank()) {
            Optional<IndexedOrder> order = first(shopId, marketplace, marketplaceRef);
            return Optional.of(new Linked(new OrderLink(marketplaceRef, order.map(IndexedOrder::orderId).orElse(null),
                    OrderLinkSource.MARKETPLACE, at), order.orElse(null)));
        }
        for (String candidate : OrderNumbers.candidates(marketplace, buyerText)) {
            Optional<IndexedOrder> order = first(shopId, marketplace, candidate);
            if (order.isPresent()) {
                return Optional.of(new Linked(new OrderLink(candidate, order.get().orderId(),
                        OrderLinkSource.BUYER_REPLY, at), order.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * Finds the indexed order of a link made earlier.
     *
     * @param shopId the shop
     * @param marketplace the marketplace
     * @param link the link
     * @return the order, or empty when the index does not know it
     */
    public Optional<IndexedOrder> order(ShopId shopId, Marketplace marketplace, OrderLink link) {
        if (link.orderId() != null) {
            Optional<IndexedOrder> byId = index.find(shopId, marketplace, link.orderId());
            if (byId.isPresent()) {
                return byId;
            }
        }
        return first(shopId, marketplace, link.orderRef());
    }

    private Optional<IndexedOrder> first(ShopId shopId, Marketplace marketplace, String reference) {
        List<IndexedOrder> found = index.lookup(shopId, marketplace, reference, 1);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * A link and the order the index has for it.
     *
     * @param link the link
     * @param order the indexed order, or {@code null} when the index does not know it
     */
    public record Linked(OrderLink link, @Nullable IndexedOrder order) {

        /** Requires the link. */
        public Linked {
            Objects.requireNonNull(link, "link");
        }
    }
}

package dev.aihq.api.store;

import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The local order index: every order the connectors see, kept once per (shop, marketplace, order id) under all
 * the references a buyer or a chat may give for it, so that the inbox can link a chat or a message to its order.
 * Wildberries offers no lookup by its unique order id ({@code rid}/{@code srid}), the basket's {@code orderUid},
 * the sticker or the assembly task, and Ozon's posting numbers will use the same index. Orders hold no personal
 * data (see {@link IndexedOrder}), so erasure of a customer leaves them alone; {@link #purgeSeenBefore} forgets
 * orders no connector has seen for a while. Thread-safe.
 */
public interface OrderIndexStore {

    /**
     * Records a sighting of an order: inserts it, or updates the order of the same (shop, marketplace, order id)
     * as {@link IndexedOrder#seenAgain} says (a sighting seen at the same time or later brings its status, its
     * {@code seenAt} and the details it has; an earlier one changes nothing; {@code createdAt} never moves).
     * Exactly one of several callers recording the same new order at once is told it was new.
     *
     * @param order the order as seen
     * @return {@code true} when the order was new
     * @throws dev.aihq.api.error.StoreException when the storage fails
     */
    boolean upsert(IndexedOrder order);

    /**
     * Records several sightings, each as {@link #upsert} does and in list order, in one transaction where the
     * store has them: all of them are written or none.
     *
     * @param orders the orders, of any shops and marketplaces; the same order may appear more than once
     * @return how many orders were new
     * @throws dev.aihq.api.error.StoreException when the storage fails; nothing is written then, where the store
     *     has transactions
     */
    int upsertAll(List<IndexedOrder> orders);

    /**
     * Finds an order by the marketplace's own id of it.
     *
     * @param shopId the shop
     * @param marketplace the marketplace
     * @param orderId the order, assembly task or posting id, compared exactly after stripping surrounding
     *     whitespace
     * @return the order, or empty when the shop has none with that id on that marketplace
     * @throws dev.aihq.api.error.StoreException when the storage fails
     */
    Optional<IndexedOrder> find(ShopId shopId, Marketplace marketplace, String orderId);

    /**
     * Finds the orders a reference names: every order of the shop on the marketplace whose order id,
     * {@code rid}, {@code orderUid} or {@code sticker} equals the reference exactly (case included) once
     * surrounding whitespace is stripped from it. A basket's {@code orderUid} names all of its orders.
     *
     * @param shopId the shop; no other shop's orders are returned
     * @param marketplace the marketplace; no other marketplace's orders are returned
     * @param reference what the buyer or the chat gave
     * @param limit the most to return, at least 1
     * @return the orders, newest {@code createdAt} first, then by order id; empty when the reference is blank or
     *     names none
     * @throws IllegalArgumentException when {@code limit} is below 1
     * @throws dev.aihq.api.error.StoreException when the storage fails
     */
    List<IndexedOrder> lookup(ShopId shopId, Marketplace marketplace, String reference, int limit);

    /**
     * Forgets a shop's orders that no connector has seen since a time, on every marketplace.
     *
     * @param shopId the shop; no other shop's orders are touched
     * @param before the time; orders with {@code seenAt} before it go, those seen at it or later stay
     * @return how many orders were forgotten
     * @throws dev.aihq.api.error.StoreException when the storage fails
     */
    int purgeSeenBefore(ShopId shopId, Instant before);
}

package dev.aihq.api.store;

import dev.aihq.api.OrderId;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import java.util.List;
import java.util.Optional;

/** Purchases and customers' purchase history, per shop. Thread-safe. */
public interface PurchaseStore {

    /**
     * Saves a purchase once per (shop, order); a second save of the same order keeps the first.
     *
     * @param purchase the purchase
     * @return {@code true} when it was new
     */
    boolean save(Purchase purchase);

    /**
     * Finds a purchase by order.
     *
     * @param shopId the shop
     * @param orderId the order
     * @return the purchase, or empty
     */
    Optional<Purchase> find(ShopId shopId, OrderId orderId);

    /**
     * Returns a customer's purchases in one shop, newest first.
     *
     * @param shopId the shop
     * @param customer the customer
     * @param limit the most to return, at least 1
     * @return the purchases
     */
    List<Purchase> findByCustomer(ShopId shopId, PhoneNumber customer, int limit);
}

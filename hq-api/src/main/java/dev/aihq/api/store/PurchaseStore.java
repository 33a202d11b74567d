package dev.aihq.api.store;

import dev.aihq.api.OrderId;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import java.util.List;
import java.util.Optional;
import javax.annotation.Nullable;

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

    /**
     * Returns the statistics of a customer's purchases in one shop: how many, the first and last purchase
     * times, and the totals per currency (see {@link CustomerStats}). Only that shop's purchases of that
     * customer count; purchases without a customer belong to nobody and never count. The store computes
     * them itself, without handing every purchase to the caller.
     *
     * <p>Pass the order being handled as {@code excluding} to leave it out whether or not it has been saved
     * yet: then {@link CustomerStats#firstPurchase()} tells that the shop has no other purchase of the
     * customer, which for an order handled as it comes means no earlier one. Every other stored purchase
     * counts, whatever its time. An order that is not the customer's, or not stored, changes nothing.
     *
     * @param shopId the shop
     * @param customer the customer
     * @param excluding an order to leave out, or {@code null} to count every purchase
     * @return the statistics; {@link CustomerStats#none(ShopId, PhoneNumber)} when nothing counts
     */
    CustomerStats stats(ShopId shopId, PhoneNumber customer, @Nullable OrderId excluding);
}

package dev.aihq.api.store;

import dev.aihq.api.OrderId;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    /**
     * Returns what the shop's customers bought together with some products ("frequently bought
     * together"): among the shop's purchases made at or after {@code since} that contain at least one of
     * {@code skus}, each other SKU with the number of those purchases (orders) it appears in. An order
     * counts once per SKU however many lines or units of it it has; the given SKUs themselves never come
     * back. Every purchase counts, anonymous ones (without a customer, or anonymised by an erasure)
     * included, since no customer is needed; only that shop's purchases count.
     *
     * <p>The most frequent come first, ties in ascending SKU order (character code, as {@link String#compareTo}),
     * at most {@code limit} of them.
     *
     * @param shopId the shop
     * @param skus the products bought; empty gives an empty list
     * @param since the earliest purchase time that counts (inclusive)
     * @param limit the most SKUs to return, at least 1
     * @return the other SKUs with their order counts, most frequent first
     * @throws IllegalArgumentException when {@code limit} is below 1
     */
    List<CoPurchase> boughtTogether(ShopId shopId, Set<Sku> skus, Instant since, int limit);
}

package dev.aihq.api.store;

import dev.aihq.api.Money;
import dev.aihq.api.OrderId;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.event.PurchaseItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * A stored purchase (the seed's "Save Purchase"): the base of analytics and of a customer's history.
 *
 * @param shopId the shop
 * @param orderId the order, unique within the shop
 * @param customer the customer, or {@code null} when the source gave no contact
 * @param items the bought lines
 * @param occurredAt when it was bought
 */
public record Purchase(
        ShopId shopId, OrderId orderId, @Nullable PhoneNumber customer, List<PurchaseItem> items, Instant occurredAt) {

    /** Requires every part; copies the items. */
    public Purchase {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(orderId, "order id");
        Objects.requireNonNull(occurredAt, "occurred at");
        items = List.copyOf(items);
    }

    /**
     * Creates the purchase an event reports.
     *
     * @param event the purchase event
     * @return the purchase
     */
    public static Purchase of(PurchaseEvent event) {
        return new Purchase(event.shopId(), event.orderId(), event.customer(), event.items(), event.occurredAt());
    }

    /**
     * Returns what the order costs: the sum of its lines' totals. There is none for a purchase without
     * lines or with lines in several currencies (no purchase event has either), and such a purchase is
     * counted in a customer's statistics but not summed.
     *
     * @return the total, exact, or empty
     */
    public Optional<Money> total() {
        if (items.isEmpty()) {
            return Optional.empty();
        }
        Currency currency = items.get(0).price().currency();
        BigDecimal sum = BigDecimal.ZERO;
        for (PurchaseItem item : items) {
            if (!item.price().currency().equals(currency)) {
                return Optional.empty();
            }
            sum = sum.add(item.total().amount());
        }
        return Optional.of(Money.of(sum, currency));
    }
}

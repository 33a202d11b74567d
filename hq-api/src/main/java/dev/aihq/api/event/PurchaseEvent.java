package dev.aihq.api.event;

import dev.aihq.api.Money;
import dev.aihq.api.OrderId;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * A customer bought something (the seed's "Purchase Trigger Webhook"): the start of the sales agent's
 * upsell, repeat-sale and review scenarios.
 *
 * @param shopId the shop
 * @param orderId the marketplace order number
 * @param items the bought lines, at least one, all in {@code currency}
 * @param currency the order's currency
 * @param customer the customer's WhatsApp number, or {@code null} when the source gives no contact
 * @param occurredAt when the order event happened
 * @param trigger what in the order's life this reports, or {@code null} when the source does not say
 * @param idempotencyKey the deduplication key; see {@link Builder#build()} for the derived default
 * @param contactForDeliveryOnly whether the marketplace gives the contact for delivery only (a proxy number
 *     of Wildberries DBS or Ozon rFBS): the sales agent never uses such a contact
 */
public record PurchaseEvent(
        ShopId shopId,
        OrderId orderId,
        List<PurchaseItem> items,
        Currency currency,
        @Nullable PhoneNumber customer,
        Instant occurredAt,
        @Nullable PurchaseTrigger trigger,
        String idempotencyKey,
        boolean contactForDeliveryOnly) implements HqEvent {

    /** The {@link #type()} of purchase events. */
    public static final String TYPE = "purchase";

    /**
     * An event whose contact, if any, may be used beyond delivery.
     *
     * @param shopId the shop
     * @param orderId the order
     * @param items the lines
     * @param currency the currency
     * @param customer the customer's number, or {@code null}
     * @param occurredAt when
     * @param trigger the order's stage, or {@code null}
     * @param idempotencyKey the key
     */
    public PurchaseEvent(ShopId shopId, OrderId orderId, List<PurchaseItem> items, Currency currency,
            @Nullable PhoneNumber customer, Instant occurredAt, @Nullable PurchaseTrigger trigger,
            String idempotencyKey) {
        this(shopId, orderId, items, currency, customer, occurredAt, trigger, idempotencyKey, false);
    }

    /** Validates the event. */
    public PurchaseEvent {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(orderId, "order id");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(occurredAt, "occurred at");
        Objects.requireNonNull(idempotencyKey, "idempotency key");
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a purchase needs at least one item");
        }
        for (PurchaseItem item : items) {
            if (!item.price().currency().equals(currency)) {
                throw new IllegalArgumentException("item " + item.sku() + " is priced in "
                        + item.price().currency() + " but the order is in " + currency);
            }
        }
        Keys.requireValid(idempotencyKey);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * Returns the order total.
     *
     * @return the sum of the line totals
     */
    public Money total() {
        Money sum = Money.zero(currency);
        for (PurchaseItem item : items) {
            sum = sum.plus(item.total());
        }
        return sum;
    }

    /**
     * Returns the customer's number when the source gave one.
     *
     * @return the number, or empty
     */
    public Optional<PhoneNumber> customerContact() {
        return Optional.ofNullable(customer);
    }

    /**
     * Starts a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding this event.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        return builder().shopId(shopId).orderId(orderId).items(items).currency(currency).customer(customer)
                .occurredAt(occurredAt).trigger(trigger).idempotencyKey(idempotencyKey)
                .contactForDeliveryOnly(contactForDeliveryOnly);
    }

    /** Builds {@link PurchaseEvent}. Not thread-safe. */
    public static final class Builder {
        private @Nullable ShopId shopId;
        private @Nullable OrderId orderId;
        private final List<PurchaseItem> items = new ArrayList<>();
        private @Nullable Currency currency;
        private @Nullable PhoneNumber customer;
        private @Nullable Instant occurredAt;
        private @Nullable PurchaseTrigger trigger;
        private @Nullable String idempotencyKey;
        private boolean contactForDeliveryOnly;

        private Builder() {}

        /**
         * Marks the customer's contact as given by the marketplace for delivery only (Wildberries DBS and
         * Ozon rFBS proxy numbers): the sales agent never uses it for its messages.
         *
         * @param deliveryOnly {@code true} for a delivery-only contact
         * @return this builder
         */
        public Builder contactForDeliveryOnly(boolean deliveryOnly) {
            this.contactForDeliveryOnly = deliveryOnly;
            return this;
        }

        /**
         * Sets the shop.
         *
         * @param shopId the shop
         * @return this builder
         */
        public Builder shopId(ShopId shopId) {
            this.shopId = shopId;
            return this;
        }

        /**
         * Sets the order number.
         *
         * @param orderId the order
         * @return this builder
         */
        public Builder orderId(OrderId orderId) {
            this.orderId = orderId;
            return this;
        }

        /**
         * Adds a line.
         *
         * @param item the line
         * @return this builder
         */
        public Builder item(PurchaseItem item) {
            items.add(item);
            return this;
        }

        /**
         * Replaces the lines.
         *
         * @param items the lines
         * @return this builder
         */
        public Builder items(List<PurchaseItem> items) {
            this.items.clear();
            this.items.addAll(items);
            return this;
        }

        /**
         * Sets the currency; defaults to the first item's.
         *
         * @param currency the currency
         * @return this builder
         */
        public Builder currency(Currency currency) {
            this.currency = currency;
            return this;
        }

        /**
         * Sets the customer's number.
         *
         * @param customer the number, or {@code null} for no contact
         * @return this builder
         */
        public Builder customer(@Nullable PhoneNumber customer) {
            this.customer = customer;
            return this;
        }

        /**
         * Sets when the event happened.
         *
         * @param occurredAt the instant
         * @return this builder
         */
        public Builder occurredAt(Instant occurredAt) {
            this.occurredAt = occurredAt;
            return this;
        }

        /**
         * Sets the trigger.
         *
         * @param trigger the trigger, or {@code null}
         * @return this builder
         */
        public Builder trigger(@Nullable PurchaseTrigger trigger) {
            this.trigger = trigger;
            return this;
        }

        /**
         * Sets an explicit idempotency key.
         *
         * @param key the key, or {@code null} to derive one
         * @return this builder
         */
        public Builder idempotencyKey(@Nullable String key) {
            this.idempotencyKey = key;
            return this;
        }

        /**
         * Builds the event. Without an explicit key the key is {@code purchase:<order id>:<trigger>}
         * ({@code -} when there is no trigger), so a redelivered order event is recognised.
         *
         * @return the event
         * @throws NullPointerException when the shop, order or time is missing
         * @throws IllegalArgumentException when there are no items or currencies differ
         */
        public PurchaseEvent build() {
            Objects.requireNonNull(orderId, "order id");
            Currency c = currency != null ? currency
                    : items.isEmpty() ? null : items.get(0).price().currency();
            Objects.requireNonNull(c, "currency");
            String key = idempotencyKey != null ? idempotencyKey
                    : TYPE + ":" + orderId.value() + ":" + (trigger == null ? "-" : trigger.code());
            return new PurchaseEvent(Objects.requireNonNull(shopId, "shop id"), orderId, items, c, customer,
                    Objects.requireNonNull(occurredAt, "occurred at"), trigger, key, contactForDeliveryOnly);
        }
    }
}

package dev.aihq.api.event;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What in the order's life a purchase event reports. Open: the known values plus any the source sends
 * (the marketplace owns its order states), kept as written.
 *
 * @param code the trigger code in snake_case
 */
public record PurchaseTrigger(String code) {

    // Declared before the constants below, which are validated against it.
    private static final Pattern FORMAT = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    /** The order was placed or accepted by the seller: the moment for an upsell offer. */
    public static final PurchaseTrigger ORDER_ACCEPTED = new PurchaseTrigger("order_accepted");
    /** The order reached the customer: the moment for a review request. */
    public static final PurchaseTrigger ORDER_DELIVERED = new PurchaseTrigger("order_delivered");
    /** The order was cancelled (by the customer, the seller or the marketplace) before delivery. */
    public static final PurchaseTrigger ORDER_CANCELLED = new PurchaseTrigger("order_cancelled");
    /** The customer returned the order. */
    public static final PurchaseTrigger ORDER_RETURNED = new PurchaseTrigger("order_returned");


    /** Validates the code: lower-case snake_case, at most 64 characters. */
    public PurchaseTrigger {
        Objects.requireNonNull(code, "trigger");
        if (!FORMAT.matcher(code).matches()) {
            throw new IllegalArgumentException("trigger must be lower-case snake_case (e.g. order_accepted), got '"
                    + (code.length() > 40 ? code.substring(0, 40) + "…" : code) + "'");
        }
    }

    /**
     * Returns the trigger for a code, ignoring case.
     *
     * @param code the code
     * @return the trigger
     */
    public static PurchaseTrigger of(String code) {
        return new PurchaseTrigger(code.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Tells whether the order is withdrawn: cancelled or returned. Nothing more should be offered or asked
     * about it, and messages about it that wait in the outbox are cancelled.
     *
     * @return {@code true} for {@link #ORDER_CANCELLED} and {@link #ORDER_RETURNED}
     */
    public boolean withdrawsOrder() {
        return equals(ORDER_CANCELLED) || equals(ORDER_RETURNED);
    }

    @Override
    public String toString() {
        return code;
    }
}

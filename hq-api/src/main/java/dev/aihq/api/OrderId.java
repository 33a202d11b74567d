package dev.aihq.api;

import java.util.Objects;

/**
 * A marketplace order number as people see it (Kaspi's {@code code}, WB's order id, Ozon's posting
 * number). Opaque: compared as text, never parsed.
 *
 * @param value the order number, 1–128 characters without control characters
 */
public record OrderId(String value) {

    /** Validates length and characters. */
    public OrderId {
        Objects.requireNonNull(value, "order id");
        if (value.isBlank() || value.length() > 128 || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(
                    "order id must be 1-128 printable characters, got '" + ShopId.abbreviate(value) + "'");
        }
    }

    /**
     * Creates an order id.
     *
     * @param value the order number
     * @return the order id
     */
    public static OrderId of(String value) {
        return new OrderId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}

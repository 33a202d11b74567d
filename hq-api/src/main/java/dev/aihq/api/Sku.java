package dev.aihq.api;

import java.util.Objects;

/**
 * The seller's own product code (stock keeping unit), the key of a product in the shop's catalog.
 *
 * @param value 1–64 printable characters (Kaspi's product import allows at most 64)
 */
public record Sku(String value) {

    /** Validates length and characters. */
    public Sku {
        Objects.requireNonNull(value, "sku");
        if (value.isBlank() || value.length() > 64 || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(
                    "sku must be 1-64 printable characters, got '" + ShopId.abbreviate(value) + "'");
        }
    }

    /**
     * Creates a SKU.
     *
     * @param value the product code
     * @return the SKU
     */
    public static Sku of(String value) {
        return new Sku(value);
    }

    @Override
    public String toString() {
        return value;
    }
}

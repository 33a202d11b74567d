package dev.aihq.connectors.kaspi.internal.dto;

import java.math.BigDecimal;
import javax.annotation.Nullable;

/**
 * The {@code attributes} of an {@code orderentries} resource, the fields the connector reads.
 *
 * @param entryNumber the 0-based position
 * @param quantity the quantity
 * @param basePrice the unit price, KZT
 * @param totalPrice the line total, KZT
 * @param unitType e.g. {@code PIECES}
 * @param offer Kaspi's offer
 * @param category the category
 */
public record EntryAttributes(@Nullable Integer entryNumber, @Nullable BigDecimal quantity,
        @Nullable BigDecimal basePrice, @Nullable BigDecimal totalPrice, @Nullable String unitType,
        @Nullable CodeAndName offer, @Nullable CodeAndTitle category) {

    /**
     * An object with a code and a name ({@code offer}, a product).
     *
     * @param code the code
     * @param name the name
     */
    public record CodeAndName(@Nullable String code, @Nullable String name) {}

    /**
     * An object with a code and a title ({@code category}).
     *
     * @param code the code
     * @param title the title
     */
    public record CodeAndTitle(@Nullable String code, @Nullable String title) {}
}

package dev.aihq.connectors.kaspi.feed;

import dev.aihq.api.Money;
import dev.aihq.api.Sku;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * One well-formed {@code <offer>} of a price list. Kaspi prices are whole tenge, so every amount is
 * {@link Money} in {@link Money#KZT}.
 *
 * @param sku the seller's SKU, the offer's {@code sku} attribute
 * @param model the title, {@code <model>}
 * @param brand {@code <brand>}, or {@code null} when absent or blank
 * @param availabilities one per store, in the feed's order; may be empty
 * @param price the one price for every city ({@code <price>}), or {@code null} when the offer has city
 *     prices only
 * @param cityPrices the per-city prices ({@code <cityprices>}) keyed by Kaspi's city id (see
 *     {@link KaspiCityIds}), in the feed's order; empty when the offer has one price
 */
public record KaspiOffer(
        Sku sku,
        String model,
        @Nullable String brand,
        List<KaspiAvailability> availabilities,
        @Nullable Money price,
        Map<String, Money> cityPrices) {

    /** Requires a title and at least one price, all prices in KZT and not negative; copies the collections. */
    public KaspiOffer {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(model, "model");
        if (model.isBlank()) {
            throw new IllegalArgumentException("model of " + sku + " must not be blank");
        }
        availabilities = List.copyOf(availabilities);
        Objects.requireNonNull(cityPrices, "city prices");
        if (price == null && cityPrices.isEmpty()) {
            throw new IllegalArgumentException("offer " + sku + " needs a price or at least one city price");
        }
        if (price != null) {
            requireTenge(sku, "price", price);
        }
        Map<String, Money> copy = new LinkedHashMap<>();
        cityPrices.forEach((city, amount) -> {
            Objects.requireNonNull(city, "city id");
            requireTenge(sku, "city price " + city, Objects.requireNonNull(amount, "city price"));
            copy.put(city, amount);
        });
        cityPrices = Collections.unmodifiableMap(copy);
    }

    /**
     * Returns the price a buyer in a city pays: {@code <price>} when the offer has one, otherwise the
     * city's {@code <cityprice>}, otherwise the lowest of the city prices (the offer is not priced for that
     * city, and the lowest is the price Kaspi shows as "from").
     *
     * @param cityId Kaspi's city id, e.g. {@link KaspiCityIds#ALMATY}
     * @return the price; never empty for a valid offer
     */
    public Money priceIn(String cityId) {
        Objects.requireNonNull(cityId, "city id");
        if (price != null) {
            return price;
        }
        Money inCity = cityPrices.get(cityId);
        if (inCity != null) {
            return inCity;
        }
        return cityPrices.values().stream().min(Money::compareTo).orElseThrow();
    }

    /**
     * Tells whether at least one store sells the offer.
     *
     * @return {@code true} when any availability says {@code available="yes"}
     */
    public boolean availableAnywhere() {
        return availabilities.stream().anyMatch(KaspiAvailability::available);
    }

    /**
     * Returns the units at the stores that sell the offer, when every such store says how many.
     *
     * @return the sum of {@code stockCount} over available stores (0 when none is available), or empty when
     *     an available store has no {@code stockCount}
     */
    public Optional<Integer> availableStock() {
        long total = 0;
        for (KaspiAvailability availability : availabilities) {
            if (availability.available()) {
                if (availability.stockCount() == null) {
                    return Optional.empty();
                }
                total += availability.stockCount();
            }
        }
        return Optional.of((int) Math.min(total, Integer.MAX_VALUE));
    }

    /**
     * Returns the units known at the stores that sell the offer, ignoring stores without a count.
     *
     * @return the sum of the known {@code stockCount}s over available stores, 0 when none is known
     */
    public int knownAvailableStock() {
        long total = availabilities.stream()
                .filter(a -> a.available() && a.stockCount() != null)
                .mapToLong(KaspiAvailability::stockCount)
                .sum();
        return (int) Math.min(total, Integer.MAX_VALUE);
    }

    private static void requireTenge(Sku sku, String what, Money amount) {
        if (!Money.KZT.equals(amount.currency())) {
            throw new IllegalArgumentException(what + " of " + sku + " must be in KZT, got " + amount);
        }
        if (amount.isNegative()) {
            throw new IllegalArgumentException(what + " of " + sku + " must not be negative, got " + amount);
        }
    }
}

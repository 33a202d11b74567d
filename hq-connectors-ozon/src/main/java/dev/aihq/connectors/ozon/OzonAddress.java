package dev.aihq.connectors.ozon;

import javax.annotation.Nullable;

/**
 * The delivery address of an rFBS posting ({@code customer.address}, reference §3.3): personal data, for
 * delivering that posting only. {@code toString} shows the city and region only.
 *
 * @param addressTail street, house, flat
 * @param city the city
 * @param comment the buyer's comment
 * @param country the country
 * @param district the district
 * @param latitude the latitude
 * @param longitude the longitude
 * @param providerPvzCode the pick-up point's code at the delivery service
 * @param pvzCode the pick-up point's code
 * @param region the region
 * @param zipCode the postcode
 */
public record OzonAddress(
        @Nullable String addressTail,
        @Nullable String city,
        @Nullable String comment,
        @Nullable String country,
        @Nullable String district,
        @Nullable Double latitude,
        @Nullable Double longitude,
        @Nullable String providerPvzCode,
        @Nullable String pvzCode,
        @Nullable String region,
        @Nullable String zipCode) {

    /** Shows the city and region; hides the street, comment, coordinates and postcode. */
    @Override
    public String toString() {
        return "OzonAddress[city=" + city + ", region=" + region + ", addressTail=***]";
    }
}

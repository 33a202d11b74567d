package dev.aihq.connectors.ozon;

import java.time.Instant;
import javax.annotation.Nullable;

/**
 * A posting's {@code analytics_data} (reference §3.3), asked for with {@code with.analytics_data}. No personal
 * data: a region and a city, not an address.
 *
 * @param region the delivery region
 * @param city the delivery city
 * @param deliveryType e.g. {@code PVZ} or {@code Courier}
 * @param premium whether the buyer has Ozon Premium
 * @param paymentTypeGroupName how the buyer paid
 * @param warehouse the warehouse's name
 * @param tplProvider the delivery service
 * @param deliveryDateBegin the delivery window's start
 * @param deliveryDateEnd the delivery window's end
 * @param legal whether the buyer is a legal entity
 */
public record OzonAnalytics(
        @Nullable String region,
        @Nullable String city,
        @Nullable String deliveryType,
        @Nullable Boolean premium,
        @Nullable String paymentTypeGroupName,
        @Nullable String warehouse,
        @Nullable String tplProvider,
        @Nullable Instant deliveryDateBegin,
        @Nullable Instant deliveryDateEnd,
        @Nullable Boolean legal) {}

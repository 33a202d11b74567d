package dev.aihq.connectors.ozon;

import javax.annotation.Nullable;

/**
 * A posting's {@code delivery_method} (reference §3.3).
 *
 * @param id the method's id
 * @param name its name
 * @param warehouseId the warehouse's id
 * @param warehouse the warehouse's name
 * @param tplProviderId the delivery service's id
 * @param tplProvider the delivery service's name
 */
public record OzonDeliveryMethod(
        @Nullable Long id,
        @Nullable String name,
        @Nullable Long warehouseId,
        @Nullable String warehouse,
        @Nullable Long tplProviderId,
        @Nullable String tplProvider) {}

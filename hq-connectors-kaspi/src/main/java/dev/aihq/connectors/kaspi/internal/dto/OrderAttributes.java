package dev.aihq.connectors.kaspi.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import javax.annotation.Nullable;

/**
 * The {@code attributes} of an {@code orders} resource, the fields the connector reads.
 *
 * @param code the order number
 * @param totalPrice the total, KZT
 * @param state the state
 * @param status the status
 * @param creationDate epoch milliseconds
 * @param deliveryCost the delivery cost, KZT
 * @param deliveryMode e.g. {@code DELIVERY_PICKUP}
 * @param kaspiDelivery {@code isKaspiDelivery}
 * @param customer the embedded customer
 */
public record OrderAttributes(@Nullable String code, @Nullable BigDecimal totalPrice, @Nullable String state,
        @Nullable String status, @Nullable Long creationDate, @Nullable BigDecimal deliveryCost,
        @Nullable String deliveryMode, @JsonProperty("isKaspiDelivery") @Nullable Boolean kaspiDelivery,
        @Nullable CustomerAttributes customer) {}

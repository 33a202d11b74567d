package dev.aihq.connectors.kaspi;

import dev.aihq.api.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * One Kaspi order from {@code GET /v2/orders}. Amounts are in tenge (KZT). Its entries are read
 * separately with {@link KaspiClient#orderEntries(dev.aihq.api.ShopId, String)}.
 *
 * @param id Kaspi's opaque id, used in paths
 * @param code the order number people see, a numeric string
 * @param state where the order is
 * @param status the order's status
 * @param createdAt {@code creationDate}
 * @param totalPrice {@code totalPrice}
 * @param deliveryCost {@code deliveryCost}, or {@code null} when absent
 * @param deliveryMode {@code deliveryMode} as written (e.g. {@code DELIVERY_PICKUP}), or {@code null}
 * @param kaspiDelivery {@code isKaspiDelivery}; {@code false} when absent
 * @param customer the buyer, or {@code null} when the order carries none
 */
public record KaspiOrder(String id, String code, KaspiOrderState state, KaspiOrderStatus status, Instant createdAt,
        Money totalPrice, @Nullable Money deliveryCost, @Nullable String deliveryMode, boolean kaspiDelivery,
        @Nullable KaspiCustomer customer) {

    /** Requires every non-optional component. */
    public KaspiOrder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(totalPrice, "totalPrice");
    }

    /**
     * Returns the buyer.
     *
     * @return the buyer, or empty when the order carries none
     */
    public Optional<KaspiCustomer> buyer() {
        return Optional.ofNullable(customer);
    }
}

package dev.aihq.connectors.ozon.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * One operation of Ozon's transaction list ({@code /v3/finance/transaction/list}, reference §3.8): a sale, a
 * return, a service charge, a compensation… Field names in the parameters below are Ozon's.
 *
 * <p>Money is in roubles with kopecks, exact as sent, <b>signed as Ozon signs it</b>: negative is charged to the
 * seller, positive credited (a sale's {@code sale_commission} is negative). {@link OzonLedgerMapper} turns the
 * signs into the ledger's never-negative amounts. Dates are UTC (reference §3.1); see
 * {@link OzonTransactionParser} for how they are read. Any field but {@code operation_id} may be {@code null}:
 * Ozon leaves fields out, sends {@code null} or (for the posting of a shop-wide service) empty strings and zeros,
 * which the parser reads as {@code null}.
 *
 * @param operationId {@code operation_id}: the operation's id, unique per seller; the ledger key's base
 * @param operationType {@code operation_type}: what happened, e.g. {@code OperationAgentDeliveredToCustomer}
 * @param operationDate {@code operation_date}: when (UTC)
 * @param operationTypeName {@code operation_type_name}: the operation's name in Russian, for people
 * @param deliveryCharge {@code delivery_charge}: the delivery cost of the operation
 * @param returnDeliveryCharge {@code return_delivery_charge}: the delivery cost of a return
 * @param accrualsForSale {@code accruals_for_sale}: the amount for the goods (positive on a sale, negative on a
 *     return)
 * @param saleCommission {@code sale_commission}: Ozon's commission (negative when charged, positive when given
 *     back)
 * @param amount {@code amount}: the operation's total effect on the seller's balance
 * @param type {@code type}: the operation's group ({@code orders}, {@code returns}, {@code services},
 *     {@code compensation}, {@code transferDelivery}, {@code other})
 * @param currencyCode {@code currency_code}: <i>not in reference §3.8</i>; read when present (Ozon uses the name in
 *     other methods) so that an operation in another currency is never taken as roubles; {@code null} when absent
 * @param posting {@code posting}: the posting the operation belongs to, or {@code null} when it has none (a
 *     shop-wide service: Ozon sends the posting's fields empty)
 * @param items {@code items}: the goods of the operation, in Ozon's order; empty when none
 * @param services {@code services}: the services charged with the operation, in Ozon's order; empty when none
 */
public record OzonTransaction(
        long operationId,
        @Nullable String operationType,
        @Nullable Instant operationDate,
        @Nullable String operationTypeName,
        @Nullable BigDecimal deliveryCharge,
        @Nullable BigDecimal returnDeliveryCharge,
        @Nullable BigDecimal accrualsForSale,
        @Nullable BigDecimal saleCommission,
        @Nullable BigDecimal amount,
        @Nullable String type,
        @Nullable String currencyCode,
        @Nullable Posting posting,
        List<Item> items,
        List<Service> services) {

    /** Copies the lists. */
    public OzonTransaction {
        items = List.copyOf(items);
        services = List.copyOf(services);
    }

    /**
     * The posting an operation belongs to ({@code posting}).
     *
     * @param deliverySchema {@code delivery_schema}: {@code FBO}, {@code FBS}, {@code RFBS}…, or {@code null}
     * @param orderDate {@code order_date}: when the posting was taken into processing (UTC), or {@code null}
     * @param postingNumber {@code posting_number}, e.g. {@code 23713478-0018-3}, or {@code null}
     * @param warehouseId {@code warehouse_id}, or {@code null} (Ozon sends {@code 0} for none)
     */
    public record Posting(@Nullable String deliverySchema, @Nullable Instant orderDate,
            @Nullable String postingNumber, @Nullable Long warehouseId) {}

    /**
     * One of the goods of an operation ({@code items[]}).
     *
     * @param name {@code name}: the product's name, or {@code null}
     * @param sku {@code sku}: Ozon's product id, or {@code null}
     * @param offerId {@code offer_id}: the seller's article; <i>not in reference §3.8</i>, read when present,
     *     else {@code null}
     */
    public record Item(@Nullable String name, @Nullable Long sku, @Nullable String offerId) {}

    /**
     * A service charged with an operation ({@code services[]}).
     *
     * @param name {@code name}, e.g. {@code MarketplaceServiceItemDelivToCustomer}
     * @param price {@code price}: negative when charged to the seller
     */
    public record Service(String name, BigDecimal price) {

        /** Requires both. */
        public Service {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(price, "price");
        }
    }
}

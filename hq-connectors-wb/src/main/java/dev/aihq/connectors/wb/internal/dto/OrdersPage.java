package dev.aihq.connectors.wb.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import javax.annotation.Nullable;

/**
 * The FBS and DBS task lists: {@code GET /api/v3/orders}, {@code /api/v3/dbs/orders} ({@code {next, orders}}) and
 * their {@code /new} variants ({@code {orders}}, no cursor) (reference §2.3).
 *
 * @param next the cursor of the next page, absent from {@code /new}
 * @param orders this page's assembly tasks
 */
public record OrdersPage(@Nullable Long next, @Nullable List<OrderDto> orders) {

    /**
     * One FBS or DBS assembly task (one unit of one product); only the fields the connector reads.
     *
     * @param id the task's id
     * @param rid the unique order id ({@code srid} elsewhere)
     * @param orderUid the basket's id
     * @param article the seller's article
     * @param nmId WB's article
     * @param chrtId the size's id
     * @param skus the barcodes
     * @param createdAt RFC 3339
     * @param warehouseId the seller's warehouse
     * @param price the price in kopecks
     * @param finalPrice the price after discounts, kopecks
     * @param salePrice the sale price, kopecks
     * @param convertedPrice the price in the buyer's currency, kopecks
     * @param currencyCode ISO 4217 numeric
     * @param convertedCurrencyCode ISO 4217 numeric
     * @param deliveryType {@code fbs} or {@code dbs}
     * @param cargoType 1 MGT, 2 SGT, 3 KGT+
     * @param comment the buyer's comment
     * @param isZeroOrder whether the order is a zero-price order
     */
    public record OrderDto(
            @Nullable Long id,
            @Nullable String rid,
            @Nullable String orderUid,
            @Nullable String article,
            @Nullable Long nmId,
            @Nullable Long chrtId,
            @Nullable List<String> skus,
            @Nullable String createdAt,
            @Nullable Long warehouseId,
            @Nullable Long price,
            @Nullable Long finalPrice,
            @Nullable Long salePrice,
            @Nullable Long convertedPrice,
            @Nullable Integer currencyCode,
            @Nullable Integer convertedCurrencyCode,
            @Nullable String deliveryType,
            @Nullable Integer cargoType,
            @Nullable String comment,
            @JsonProperty("isZeroOrder") @Nullable Boolean isZeroOrder) {}
}

package dev.aihq.connectors.wb.internal.dto;

import java.util.List;
import javax.annotation.Nullable;

/**
 * {@code GET /api/v3/orders}: {@code {next, orders}} (reference §2.3).
 *
 * @param next the cursor of the next page
 * @param orders this page's assembly tasks
 */
public record FbsOrdersPage(@Nullable Long next, @Nullable List<FbsOrderDto> orders) {

    /**
     * One FBS assembly task (one unit of one product); only the fields the connector reads.
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
     * @param convertedPrice the price in the buyer's currency, kopecks
     * @param currencyCode ISO 4217 numeric
     * @param convertedCurrencyCode ISO 4217 numeric
     * @param deliveryType {@code fbs}
     * @param cargoType 1 MGT, 2 SGT, 3 KGT+
     */
    public record FbsOrderDto(
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
            @Nullable Long convertedPrice,
            @Nullable Integer currencyCode,
            @Nullable Integer convertedCurrencyCode,
            @Nullable String deliveryType,
            @Nullable Integer cargoType) {}
}

package dev.aihq.connectors.wb.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import javax.annotation.Nullable;

/**
 * One row of {@code GET statistics-api…/api/v1/supplier/orders} (reference §2.3): one unit of one order of any
 * scheme, FBW included; prices in roubles. Only the fields the connector reads.
 *
 * @param date when the order was made, Moscow time
 * @param lastChangeDate when the row last changed, Moscow time; the paging cursor
 * @param warehouseName the warehouse
 * @param warehouseType {@code Склад WB} or {@code Склад продавца}
 * @param regionName the buyer's region
 * @param supplierArticle the seller's article
 * @param nmId WB's article
 * @param barcode the barcode
 * @param category the category
 * @param subject the subject
 * @param brand the brand
 * @param techSize the size
 * @param totalPrice the price before discounts
 * @param discountPercent the seller's discount
 * @param spp WB's discount
 * @param finishedPrice what the buyer paid
 * @param priceWithDisc the price after the seller's discount
 * @param isCancel whether the order was cancelled
 * @param cancelDate when it was cancelled
 * @param sticker the sticker number
 * @param gNumber the order number grouping the units of one basket
 * @param srid the unique order id ({@code rid} of the assembly task)
 */
public record StatisticsOrderDto(
        @Nullable String date,
        @Nullable String lastChangeDate,
        @Nullable String warehouseName,
        @Nullable String warehouseType,
        @Nullable String regionName,
        @Nullable String supplierArticle,
        @Nullable Long nmId,
        @Nullable String barcode,
        @Nullable String category,
        @Nullable String subject,
        @Nullable String brand,
        @Nullable String techSize,
        @Nullable BigDecimal totalPrice,
        @Nullable BigDecimal discountPercent,
        @Nullable BigDecimal spp,
        @Nullable BigDecimal finishedPrice,
        @Nullable BigDecimal priceWithDisc,
        @JsonProperty("isCancel") @Nullable Boolean isCancel,
        @Nullable String cancelDate,
        @Nullable String sticker,
        @JsonProperty("gNumber") @Nullable String gNumber,
        @Nullable String srid) {}

package dev.aihq.connectors.wb;

import dev.aihq.api.Money;
import java.time.Instant;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * One row of the statistics orders ({@code GET statistics-api…/api/v1/supplier/orders}, reference §2.3): one unit
 * of one order of any scheme, FBW (WB's warehouse) included. {@code srid} is the assembly task's {@code rid}.
 * Prices are roubles as WB sent them. Data refreshes every 30 minutes and is kept 90 days; orders with unconfirmed
 * payment may be missing.
 *
 * @param srid the unique order id
 * @param gNumber the order number grouping the units of one basket, or {@code null}
 * @param sticker the sticker number, or {@code null}
 * @param supplierArticle the seller's article, or {@code null}
 * @param nmId WB's article, or {@code null}
 * @param barcode the barcode, or {@code null}
 * @param subject the product's subject (e.g. {@code Футболки}), or {@code null}
 * @param brand the brand, or {@code null}
 * @param techSize the size, or {@code null}
 * @param warehouseName the warehouse, or {@code null}
 * @param warehouseType {@value #WB_WAREHOUSE} (FBW) or {@value #SELLER_WAREHOUSE} (FBS/DBS), or {@code null}
 * @param date when the order was made
 * @param lastChangeDate when the row last changed
 * @param cancelled whether the order was cancelled ({@code isCancel})
 * @param cancelDate when it was cancelled, or {@code null}
 * @param totalPrice the price before discounts, or {@code null}
 * @param priceWithDisc the price after the seller's discount, or {@code null}
 * @param finishedPrice what the buyer paid, or {@code null}
 */
public record WbStatisticsOrder(
        String srid,
        @Nullable String gNumber,
        @Nullable String sticker,
        @Nullable String supplierArticle,
        @Nullable Long nmId,
        @Nullable String barcode,
        @Nullable String subject,
        @Nullable String brand,
        @Nullable String techSize,
        @Nullable String warehouseName,
        @Nullable String warehouseType,
        Instant date,
        Instant lastChangeDate,
        boolean cancelled,
        @Nullable Instant cancelDate,
        @Nullable Money totalPrice,
        @Nullable Money priceWithDisc,
        @Nullable Money finishedPrice) {

    /** {@code warehouseType} of WB's own warehouses (FBW). */
    public static final String WB_WAREHOUSE = "Склад WB";

    /** {@code warehouseType} of the seller's warehouse (FBS, DBS). */
    public static final String SELLER_WAREHOUSE = "Склад продавца";

    /** Requires the srid and the dates. */
    public WbStatisticsOrder {
        Objects.requireNonNull(srid, "srid");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(lastChangeDate, "lastChangeDate");
    }

    /**
     * Tells whether the unit was sold from WB's warehouse (FBW).
     *
     * @return {@code true} for {@value #WB_WAREHOUSE}
     */
    public boolean fbw() {
        return WB_WAREHOUSE.equals(warehouseType);
    }
}

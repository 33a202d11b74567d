package dev.aihq.connectors.wb;

import dev.aihq.api.Money;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * One FBS or DBS assembly task (сборочное задание): one unit of one product, sent from the seller's warehouse
 * (FBS, WB delivers) or delivered by the seller (DBS). A buyer's basket is grouped by {@code orderUid};
 * {@code rid} is the unique order id, the {@code srid} of statistics, claims and {@code reportDetailByPeriod} and the
 * {@code goodCard.rid} of a chat. WB gives no buyer name or phone with a task (DBS contacts come separately from
 * {@link WbOrders#dbsContacts}, for delivery only).
 *
 * <p>WB sends amounts as integers in kopecks (×100) with an ISO 4217 numeric currency code; they are {@link Money}
 * here ({@code 149000} with {@code 643} is 1490.00 RUB). {@code toString} shows ids, never the buyer's comment.
 *
 * @param id the task's id, or {@code null} when WB sent none
 * @param rid the unique order id
 * @param orderUid the basket's id, or {@code null}
 * @param article the seller's article (SKU), or {@code null}
 * @param nmId WB's article, or {@code null}
 * @param chrtId the size's id, or {@code null}
 * @param skus the barcodes, possibly empty
 * @param createdAt when the order was made
 * @param warehouseId the seller's warehouse, or {@code null}
 * @param cargoType 1 MGT, 2 SGT, 3 KGT+, or {@code null}
 * @param deliveryType {@code fbs} or {@code dbs} as WB sent it (lower case), or {@code null}
 * @param price the price before discounts, or {@code null}
 * @param finalPrice the price after all discounts, or {@code null}
 * @param salePrice the price after the seller's discount, or {@code null}
 * @param comment the buyer's comment (up to 300 characters), or {@code null}
 * @param zeroOrder whether WB marked the order as a zero order ({@code isZeroOrder})
 * @param supplierStatus the seller's status ({@code new}, {@code confirm}, {@code complete}, {@code cancel}) when
 *     read, else {@code null}
 * @param wbStatus WB's status ({@code waiting}, {@code sorted}, {@code sold}, {@code canceled}, …) when read, else
 *     {@code null}
 */
public record WbOrder(
        @Nullable Long id,
        String rid,
        @Nullable String orderUid,
        @Nullable String article,
        @Nullable Long nmId,
        @Nullable Long chrtId,
        List<String> skus,
        Instant createdAt,
        @Nullable Long warehouseId,
        @Nullable Integer cargoType,
        @Nullable String deliveryType,
        @Nullable Money price,
        @Nullable Money finalPrice,
        @Nullable Money salePrice,
        @Nullable String comment,
        boolean zeroOrder,
        @Nullable String supplierStatus,
        @Nullable String wbStatus) {

    /** {@code deliveryType} of a task from the seller's warehouse. */
    public static final String FBS = "fbs";

    /** {@code deliveryType} of a task the seller delivers. */
    public static final String DBS = "dbs";

    /** Requires the rid and the date; copies the barcodes. */
    public WbOrder {
        Objects.requireNonNull(rid, "rid");
        Objects.requireNonNull(createdAt, "createdAt");
        skus = List.copyOf(skus);
    }

    /**
     * Returns this task with the statuses WB gave for it.
     *
     * @param status the status from {@link WbOrders#fbsStatuses}
     * @return a copy with {@code supplierStatus} and {@code wbStatus}
     */
    public WbOrder withStatus(WbOrderStatus status) {
        return new WbOrder(id, rid, orderUid, article, nmId, chrtId, skus, createdAt, warehouseId, cargoType,
                deliveryType, price, finalPrice, salePrice, comment, zeroOrder, status.supplierStatus(),
                status.wbStatus());
    }

    /** Shows ids, the scheme, statuses and the comment's length, never the comment. */
    @Override
    public String toString() {
        return "WbOrder[id=" + id + ", rid=" + rid + ", orderUid=" + orderUid + ", article=" + article + ", nmId="
                + nmId + ", createdAt=" + createdAt + ", deliveryType=" + deliveryType + ", finalPrice=" + finalPrice
                + ", comment=" + (comment == null ? "null" : comment.length() + " chars") + ", supplierStatus="
                + supplierStatus + ", wbStatus=" + wbStatus + "]";
    }
}

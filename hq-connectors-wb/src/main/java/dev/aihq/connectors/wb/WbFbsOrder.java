package dev.aihq.connectors.wb;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * One FBS assembly task (сборочное задание): one unit of one product from the seller's warehouse. A buyer's basket
 * is grouped by {@code orderUid}; {@code rid} is the unique order id, the {@code srid} of statistics, claims and
 * {@code reportDetailByPeriod} and the {@code goodCard.rid} of a chat. WB gives no buyer name or phone for FBS.
 * Amounts are integers in kopecks (×100).
 *
 * @param id the task's id, or {@code null} when WB sent none
 * @param rid the unique order id
 * @param orderUid the basket's id, or {@code null}
 * @param article the seller's article, or {@code null}
 * @param nmId WB's article, or {@code null}
 * @param chrtId the size's id, or {@code null}
 * @param skus the barcodes, possibly empty
 * @param createdAt when the order was made
 * @param warehouseId the seller's warehouse, or {@code null}
 * @param priceKopecks the price in kopecks, or {@code null}
 * @param convertedPriceKopecks the price in the buyer's currency, kopecks, or {@code null}
 * @param currencyCode ISO 4217 numeric (643 RUB, 933 BYN, 398 KZT), or {@code null}
 * @param convertedCurrencyCode ISO 4217 numeric of the converted price, or {@code null}
 * @param deliveryType {@code fbs}, or {@code null}
 * @param cargoType 1 MGT, 2 SGT, 3 KGT+, or {@code null}
 */
public record WbFbsOrder(
        @Nullable Long id,
        String rid,
        @Nullable String orderUid,
        @Nullable String article,
        @Nullable Long nmId,
        @Nullable Long chrtId,
        List<String> skus,
        Instant createdAt,
        @Nullable Long warehouseId,
        @Nullable Long priceKopecks,
        @Nullable Long convertedPriceKopecks,
        @Nullable Integer currencyCode,
        @Nullable Integer convertedCurrencyCode,
        @Nullable String deliveryType,
        @Nullable Integer cargoType) {

    /** Requires the rid and the date; copies the barcodes. */
    public WbFbsOrder {
        Objects.requireNonNull(rid, "rid");
        Objects.requireNonNull(createdAt, "createdAt");
        skus = List.copyOf(skus);
    }
}

package dev.aihq.connectors.wb.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import javax.annotation.Nullable;

/**
 * One row of Wildberries' sales report ({@code reportDetailByPeriod}, reference §2.8): the fields that identify
 * the row and those the accountant needs. WB sends more fields than these; the others are ignored. Field names
 * in the parameters below are WB's.
 *
 * <p>Money is in the row's currency ({@code currency_name}), in units with decimals (rubles and kopecks),
 * exact as sent. Any field but {@code rrd_id} may be {@code null}: WB leaves fields out or sends {@code null}
 * where they do not apply (a storage row has no sale price). Dates are Moscow time (reference §2.8); see
 * {@link WbReportParser} for how they are read.
 *
 * @param rrdId {@code rrd_id}: the row's id, unique in the report; the paging cursor
 * @param realizationreportId {@code realizationreport_id}: the weekly (or daily) report the row belongs to
 * @param dateFrom {@code date_from}: the report period's first day
 * @param dateTo {@code date_to}: the report period's last day
 * @param createDt {@code create_dt}: when the report was made
 * @param currencyName {@code currency_name}: the currency of the row's amounts as WB writes it (e.g.
 *     {@code руб})
 * @param docTypeName {@code doc_type_name}: the document type, {@code Продажа} or {@code Возврат}
 * @param supplierOperName {@code supplier_oper_name}: the operation ({@code Продажа}, {@code Возврат},
 *     {@code Логистика}, {@code Штраф}, {@code Хранение}, …)
 * @param saleDt {@code sale_dt}: when the sale or return happened
 * @param orderDt {@code order_dt}: when the order was placed
 * @param rrDt {@code rr_dt}: the date of the operation in the report
 * @param srid {@code srid}: the order line's id
 * @param nmId {@code nm_id}: WB's article (nomenclature) number
 * @param saName {@code sa_name}: the seller's article (SKU)
 * @param tsName {@code ts_name}: the size
 * @param barcode {@code barcode}: the barcode
 * @param subjectName {@code subject_name}: the product subject (category)
 * @param brandName {@code brand_name}: the brand
 * @param quantity {@code quantity}: the units
 * @param retailPrice {@code retail_price}: the retail price
 * @param retailAmount {@code retail_amount}: the amount of the sale or return (what WB sold the goods for)
 * @param retailPriceWithdiscRub {@code retail_price_withdisc_rub}: the retail price with the seller's discount
 * @param salePercent {@code sale_percent}: the seller's discount, in percent
 * @param commissionPercent {@code commission_percent}: WB's commission rate (kVV), in percent
 * @param ppvzSalesCommission {@code ppvz_sales_commission}: WB's remuneration on sales
 * @param ppvzVw {@code ppvz_vw}: WB's remuneration (VV) without VAT
 * @param ppvzVwNds {@code ppvz_vw_nds}: the VAT on WB's remuneration
 * @param ppvzForPay {@code ppvz_for_pay}: to transfer to the seller for the goods sold
 * @param deliveryAmount {@code delivery_amount}: a logistics field as WB sends it (reference §2.8 lists it under
 *     delivery and logistics; not used for amounts)
 * @param returnAmount {@code return_amount}: a logistics field as WB sends it (likewise, not used for amounts)
 * @param deliveryRub {@code delivery_rub}: the logistics charged, in the row's currency
 * @param penalty {@code penalty}: the fine charged
 * @param additionalPayment {@code additional_payment}: an additional payment (доплата)
 * @param storageFee {@code storage_fee}: the storage charged
 * @param deduction {@code deduction}: other deductions (удержания)
 * @param acceptance {@code acceptance}: the paid acceptance charged
 * @param acquiringFee {@code acquiring_fee}: the acquiring (card payment) fee
 * @param bonusTypeName {@code bonus_type_name}: the reason of a fine, logistics or deduction
 * @param siteCountry {@code site_country}: the country of the sale
 * @param deliveryMethod {@code delivery_method}: how the order was delivered, e.g. {@code FBS, (МГТ)}
 */
public record WbReportRow(
        long rrdId,
        @Nullable Long realizationreportId,
        @Nullable LocalDate dateFrom,
        @Nullable LocalDate dateTo,
        @Nullable Instant createDt,
        @Nullable String currencyName,
        @Nullable String docTypeName,
        @Nullable String supplierOperName,
        @Nullable Instant saleDt,
        @Nullable Instant orderDt,
        @Nullable Instant rrDt,
        @Nullable String srid,
        @Nullable Long nmId,
        @Nullable String saName,
        @Nullable String tsName,
        @Nullable String barcode,
        @Nullable String subjectName,
        @Nullable String brandName,
        @Nullable BigDecimal quantity,
        @Nullable BigDecimal retailPrice,
        @Nullable BigDecimal retailAmount,
        @Nullable BigDecimal retailPriceWithdiscRub,
        @Nullable BigDecimal salePercent,
        @Nullable BigDecimal commissionPercent,
        @Nullable BigDecimal ppvzSalesCommission,
        @Nullable BigDecimal ppvzVw,
        @Nullable BigDecimal ppvzVwNds,
        @Nullable BigDecimal ppvzForPay,
        @Nullable BigDecimal deliveryAmount,
        @Nullable BigDecimal returnAmount,
        @Nullable BigDecimal deliveryRub,
        @Nullable BigDecimal penalty,
        @Nullable BigDecimal additionalPayment,
        @Nullable BigDecimal storageFee,
        @Nullable BigDecimal deduction,
        @Nullable BigDecimal acceptance,
        @Nullable BigDecimal acquiringFee,
        @Nullable String bonusTypeName,
        @Nullable String siteCountry,
        @Nullable String deliveryMethod) {
}

package dev.aihq.connectors.ozon.finance;

import java.math.BigDecimal;
import javax.annotation.Nullable;

/**
 * The totals of a period ({@code /v3/finance/transaction/totals}, reference §3.8), in roubles, signed as Ozon
 * signs them (negative is charged to the seller). A field Ozon leaves out or sends as {@code null} is
 * {@code null}. The totals are for reconciliation: Ozon warns its figures "may not match the cabinet", and the
 * ledger is written from the operations, never from these.
 *
 * @param accrualsForSale {@code accruals_for_sale}
 * @param saleCommission {@code sale_commission}
 * @param processingAndDelivery {@code processing_and_delivery}
 * @param refundsAndCancellations {@code refunds_and_cancellations}
 * @param servicesAmount {@code services_amount}
 * @param compensationAmount {@code compensation_amount}
 * @param moneyTransfer {@code money_transfer}
 * @param othersAmount {@code others_amount}
 */
public record OzonTransactionTotals(
        @Nullable BigDecimal accrualsForSale,
        @Nullable BigDecimal saleCommission,
        @Nullable BigDecimal processingAndDelivery,
        @Nullable BigDecimal refundsAndCancellations,
        @Nullable BigDecimal servicesAmount,
        @Nullable BigDecimal compensationAmount,
        @Nullable BigDecimal moneyTransfer,
        @Nullable BigDecimal othersAmount) {}

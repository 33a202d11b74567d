package dev.aihq.api.store;

/**
 * What a {@link LedgerEntry} records. Amounts are never negative: the kind says which way the money went.
 */
public enum LedgerEntryKind {
    /** A sold line: the gross amount buyers paid for it (the income of a marketplace seller), and the units. */
    SALE,
    /** A sold line the buyer returned: the amount refunded and the units, when the return happened. */
    RETURN,
    /** A sold line whose order was cancelled after the sale was recorded: the amount and units reversed. */
    CANCELLATION,
    /** The marketplace's commission actually charged. */
    COMMISSION,
    /** Delivery or logistics actually charged to the seller. */
    DELIVERY,
    /** The cost of goods actually paid to a supplier (an imported purchase invoice), with the units. */
    COST_OF_GOODS,
    /** A fine or penalty the marketplace charged. */
    PENALTY,
    /** Any other expense of the shop (rent, advertising, salaries), usually not tied to a product. */
    OTHER_EXPENSE,
    /**
     * Money the marketplace paid out; reconciliation only, never a P&amp;L line. A payout settles sales the
     * ledger already holds as {@link #SALE}s (less the marketplace's deductions), so counting it as income would
     * count those sales twice.
     */
    PAYOUT,
    /**
     * Commission the marketplace gave back, e.g. on a returned sale: it lowers the period's {@link #COMMISSION}
     * rather than adding income (Wildberries returns its remuneration when a buyer returns the goods).
     */
    COMMISSION_REFUND;

    /**
     * Tells whether this kind reduces the shop's income rather than adding a cost.
     *
     * @return {@code true} for {@link #RETURN} and {@link #CANCELLATION}
     */
    public boolean reversesSale() {
        return this == RETURN || this == CANCELLATION;
    }
}

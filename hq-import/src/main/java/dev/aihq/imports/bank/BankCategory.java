package dev.aihq.imports.bank;

import dev.aihq.api.store.LedgerEntryKind;
import javax.annotation.Nullable;

/** What a bank transaction is to the accountant. */
public enum BankCategory {
    /** A marketplace paying out the seller's sales (money in); recorded as {@link LedgerEntryKind#PAYOUT}. */
    SALES_PAYOUT(BankDirection.IN, LedgerEntryKind.PAYOUT),
    /** A marketplace's commission (money out). */
    COMMISSION(BankDirection.OUT, LedgerEntryKind.COMMISSION),
    /** Delivery or logistics (money out). */
    DELIVERY(BankDirection.OUT, LedgerEntryKind.DELIVERY),
    /** Any other expense: rent, advertising, salaries, bank fees (money out). */
    OTHER_EXPENSE(BankDirection.OUT, LedgerEntryKind.OTHER_EXPENSE),
    /** No rule matched, or a rule left it out on purpose: listed in the import's result, never recorded. */
    UNMATCHED(null, null);

    @Nullable
    private final BankDirection direction;
    @Nullable
    private final LedgerEntryKind ledgerKind;

    BankCategory(@Nullable BankDirection direction, @Nullable LedgerEntryKind ledgerKind) {
        this.direction = direction;
        this.ledgerKind = ledgerKind;
    }

    /**
     * Tells which way the money of this category goes: a rule of the category only matches transactions of it.
     *
     * @return the direction, or {@code null} for {@link #UNMATCHED} (any)
     */
    @Nullable
    public BankDirection direction() {
        return direction;
    }

    /**
     * Tells what the ledger records for this category.
     *
     * @return the kind, or {@code null} for {@link #UNMATCHED}
     */
    @Nullable
    public LedgerEntryKind ledgerKind() {
        return ledgerKind;
    }
}

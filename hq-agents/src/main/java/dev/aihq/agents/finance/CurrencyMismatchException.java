package dev.aihq.agents.finance;

import dev.aihq.api.error.HqException;
import java.util.Currency;
import java.util.Objects;

/**
 * A period's money is not all in the shop's currency: a ledger entry or a catalog price in another
 * currency. The accountant never converts, so the report is refused rather than mixing currencies.
 */
public final class CurrencyMismatchException extends HqException {

    private static final long serialVersionUID = 1L;

    private final Currency expected;
    private final Currency found;

    /**
     * Creates the exception.
     *
     * @param expected the shop's currency
     * @param found the other currency
     * @param where what carries the other currency, e.g. {@code ledger SALE of PHN-1}
     */
    public CurrencyMismatchException(Currency expected, Currency found, String where) {
        super("cannot report " + Objects.requireNonNull(found, "found").getCurrencyCode() + " amounts in a "
                + Objects.requireNonNull(expected, "expected").getCurrencyCode() + " report: " + where + " is in "
                + found.getCurrencyCode() + ", the shop's currency is " + expected.getCurrencyCode()
                + "; amounts are never converted");
        this.expected = expected;
        this.found = found;
    }

    /**
     * Returns the shop's currency.
     *
     * @return the currency the report is in
     */
    public Currency expected() {
        return expected;
    }

    /**
     * Returns the currency that does not belong.
     *
     * @return the other currency
     */
    public Currency found() {
        return found;
    }
}

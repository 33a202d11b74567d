package dev.aihq.agents.finance.tax;

import dev.aihq.api.error.HqException;

/**
 * The engine will not compute this tax: the regime is not supported yet, abolished for the year, does not fit the
 * country or legal form, or no rule data exists for the year. The message says which, so the accountant can tell
 * the seller instead of guessing.
 */
public class TaxRefusedException extends HqException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message why the engine refuses
     */
    public TaxRefusedException(String message) {
        super(message);
    }
}

package dev.aihq.connectors.wb;

import dev.aihq.api.Money;
import java.util.Currency;
import java.util.Objects;

/**
 * A shop's balance with Wildberries ({@code GET finance-api…/api/v1/account/balance}, reference §2.8).
 *
 * @param currency the balance's currency
 * @param current the balance now
 * @param forWithdraw what can be withdrawn now ({@code for_withdraw})
 */
public record WbBalance(Currency currency, Money current, Money forWithdraw) {

    /** Requires every part. */
    public WbBalance {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(forWithdraw, "forWithdraw");
    }
}

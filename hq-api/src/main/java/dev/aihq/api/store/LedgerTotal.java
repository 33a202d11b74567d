package dev.aihq.api.store;

import dev.aihq.api.Sku;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * The sum of a shop's ledger entries of one product, kind and currency over a time range: what the
 * accountant's calculator reads instead of every entry, so that a database can add them up itself.
 *
 * @param sku the product, or {@code null} for the shop-wide entries
 * @param kind the kind
 * @param currency the currency
 * @param quantity the sum of the units
 * @param amount the sum of the amounts, exact
 * @param entries how many entries were added up, at least 1
 */
public record LedgerTotal(@Nullable Sku sku, LedgerEntryKind kind, Currency currency, BigDecimal quantity,
        BigDecimal amount, long entries) {

    /** Requires every part. */
    public LedgerTotal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(amount, "amount");
        if (entries < 1) {
            throw new IllegalArgumentException("a total adds up at least one entry, got " + entries);
        }
    }
}

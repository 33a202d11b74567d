package dev.aihq.agents.finance;

import dev.aihq.api.Money;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.api.event.ReportingPeriod;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A shop's profit and loss over a reporting period, per product and in total, computed by
 * {@link ProfitCalculator}.
 *
 * <p>Every amount is exact: nothing is rounded while adding up (the tax rules allow rounding only the
 * final amounts). {@link #present(Money)} rounds an amount for display, half-up to the currency's minor
 * units (2 decimals for KZT and RUB); tax amounts are rounded to whole tenge or roubles by the tax engine,
 * from these exact figures.
 *
 * @param shopId the shop
 * @param period the period
 * @param currency the shop's currency; every amount is in it
 * @param lines one line per product with money movements in the period, by SKU
 * @param totals the shop's totals
 */
public record ProfitAndLoss(ShopId shopId, ReportingPeriod period, Currency currency, List<ProductLine> lines,
        ProfitTotals totals) {

    /** Requires every part, lines in the report's currency. */
    public ProfitAndLoss {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(totals, "totals");
        lines = List.copyOf(lines);
        if (!totals.netSales().currency().equals(currency)) {
            throw new IllegalArgumentException("totals must be in " + currency.getCurrencyCode());
        }
    }

    /**
     * Finds a product's line.
     *
     * @param sku the product
     * @return its line, or empty when it had no money movements in the period
     */
    public Optional<ProductLine> line(Sku sku) {
        return lines.stream().filter(line -> line.sku().equals(sku)).findFirst();
    }

    /**
     * Tells whether the period had no money movements at all.
     *
     * @return {@code true} for an empty period
     */
    public boolean empty() {
        return lines.isEmpty() && totals.expenses().amount().signum() == 0;
    }

    /**
     * Rounds an amount for display: half-up to the currency's minor units (2 decimals for KZT and RUB).
     *
     * @param amount an exact amount
     * @return the rounded amount
     */
    public static Money present(Money amount) {
        return amount.rounded(RoundingMode.HALF_UP);
    }
}

package dev.aihq.api.result;

import dev.aihq.api.Money;
import java.util.List;
import java.util.Objects;

/**
 * The accounting agent's result in the seed's shape: {@code {revenue, profit, tax_due, loss_products,
 * recommendations}}. Every number is computed by code; the model only words the recommendations.
 * Later versions add fields (currency, cost breakdown, tax block); these never change.
 *
 * @param revenue the period's revenue
 * @param profit the period's profit
 * @param taxDue the tax due for the period
 * @param lossProducts products that lose money
 * @param recommendations what to do about it
 */
public record FinanceReport(
        Money revenue, Money profit, Money taxDue, List<LossProduct> lossProducts, List<String> recommendations) {

    /** Requires every part; all amounts in one currency. */
    public FinanceReport {
        Objects.requireNonNull(revenue, "revenue");
        Objects.requireNonNull(profit, "profit");
        Objects.requireNonNull(taxDue, "tax due");
        lossProducts = List.copyOf(lossProducts);
        recommendations = List.copyOf(recommendations);
        if (!revenue.currency().equals(profit.currency()) || !revenue.currency().equals(taxDue.currency())) {
            throw new IllegalArgumentException("revenue, profit and tax due must be in one currency");
        }
    }
}

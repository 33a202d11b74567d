package dev.aihq.agents.finance;

import dev.aihq.api.result.LossProduct;
import java.util.List;
import java.util.Objects;

/**
 * The accountant's figures for a period: the profit and loss, the comparison with the previous period, the
 * loss-making products and the recommendations, all computed by {@link ProfitCalculator}. A model may word
 * them, never change them.
 *
 * @param current this period's profit and loss
 * @param comparison against the previous period
 * @param lossMakers the loss-making products, largest loss first
 * @param recommendations what to do, in the order of {@link #lossMakers} then the other products by SKU
 */
public record ProfitReport(ProfitAndLoss current, PeriodComparison comparison, List<LossMaker> lossMakers,
        List<Recommendation> recommendations) {

    /** Requires every part. */
    public ProfitReport {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(comparison, "comparison");
        lossMakers = List.copyOf(lossMakers);
        recommendations = List.copyOf(recommendations);
    }

    /**
     * Returns the loss-making products in the seed's result shape ({@code loss_products}).
     *
     * @return name and reason per product
     */
    public List<LossProduct> lossProducts() {
        return lossMakers.stream().map(LossMaker::toLossProduct).toList();
    }

    /**
     * Returns the recommendations' sentences in the seed's result shape ({@code recommendations}).
     *
     * @return the sentences
     */
    public List<String> recommendationTexts() {
        return recommendations.stream().map(Recommendation::text).toList();
    }
}

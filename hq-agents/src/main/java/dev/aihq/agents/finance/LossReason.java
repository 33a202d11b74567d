package dev.aihq.agents.finance;

/**
 * Why a product loses money, decided from its numbers by {@link ProfitCalculator} in this order: the first
 * that holds is the reason. Per unit at the current catalog price p, with cost c, commission rate k and
 * delivery d per shipped unit.
 */
public enum LossReason {
    /** The cost of goods is at least the price: c ≥ p. */
    COST_ABOVE_PRICE,
    /** The commission takes at least the margin before it: k·p ≥ p − c (the seed's «Комиссия выше маржи»). */
    COMMISSION_ABOVE_MARGIN,
    /** Delivery takes at least what is left after the commission: d ≥ p − c − k·p. */
    DELIVERY_ABOVE_MARGIN,
    /**
     * The shipping of returned orders turns a profit into a loss: without it (d × returned units) the
     * product would not lose.
     */
    RETURNS_EAT_MARGIN,
    /** The marketplace's fines and other expenses booked to the product turn a profit into a loss. */
    PENALTIES,
    /** None of the above alone: e.g. sold below today's price; the period's loss is given. */
    PERIOD_LOSS
}

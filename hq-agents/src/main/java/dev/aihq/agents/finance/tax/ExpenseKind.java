package dev.aihq.agents.finance.tax;

/**
 * The kinds of cost a seller reports. The engine decides per regime whether they reduce the base: they do under
 * Russia's УСН "доходы минус расходы" and Kazakhstan's general regime, and do not under УСН "доходы", form 910
 * or НПД (reference §3).
 */
public enum ExpenseKind {
    /** The marketplace's commission (agent fee) withheld from the payout. */
    MARKETPLACE_COMMISSION,
    /** Delivery, logistics and storage. */
    DELIVERY,
    /** Cost of the goods sold. */
    COST_OF_GOODS,
    /** Any other documented business cost (rent, payroll, services). */
    OTHER
}

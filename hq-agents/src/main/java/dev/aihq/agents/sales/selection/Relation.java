package dev.aihq.agents.sales.selection;

/** Why a product is offered after a purchase: how it relates to what was bought. */
public enum Relation {
    /** From a category that goes with the bought one ({@code SalesSettings#complementaryCategories}): phone → case. */
    COMPLEMENTARY,
    /** A consumable of the bought item ({@code SalesSettings#consumableCategories}): printer → cartridge. */
    CONSUMABLE,
    /** A pricier product of the bought item's category, within the shop's analogue price band. */
    ANALOGUE_UPGRADE,
    /**
     * The same product again, on a repeat sale (the customer bought in the shop before) of a category that
     * is used up and bought again ({@code SalesSettings#repeatPurchaseCategories}): shampoo → the same shampoo.
     */
    REPEAT,
    /** Bought in the same orders as the bought item by the shop's customers, and related in no other way. */
    BOUGHT_TOGETHER,
    /** Two products of two different complementary categories offered together (see {@link CandidateSelector}). */
    BUNDLE,
    /** Another product of the bought item's category that is not a pricier analogue. */
    SAME_CATEGORY
}

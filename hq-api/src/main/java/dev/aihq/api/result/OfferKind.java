package dev.aihq.api.result;

/** What a sales message is for. */
public enum OfferKind {
    /** A pricier analogue or a better version of what was bought. */
    UPSELL,
    /** A product that goes with what was bought. */
    CROSS_SELL,
    /** Consumables, refills or a bundle for a customer who bought before. */
    REPEAT_SALE,
    /** A request to review the purchase (with the shop's discount for a repeat customer). */
    REVIEW_REQUEST,
    /** A reply in an ongoing conversation. */
    REPLY
}

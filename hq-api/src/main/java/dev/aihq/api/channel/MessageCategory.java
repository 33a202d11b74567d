package dev.aihq.api.channel;

/**
 * What a message is for, which decides the consent it needs and, on WhatsApp, the template category it
 * goes under outside the customer's service window.
 */
public enum MessageCategory {
    /**
     * A promotion: an upsell, a repeat-sale offer, a review request with a discount. Goes only to a
     * customer who opted in and has not stopped marketing messages.
     */
    MARKETING,
    /**
     * An update about something the customer already has (an order, a delivery, the consent question
     * itself). Needs no marketing consent; an opt-out still stops it.
     */
    UTILITY,
    /**
     * An answer to the customer within the conversation they started. Needs no marketing consent; an
     * opt-out still stops it.
     */
    SERVICE
}

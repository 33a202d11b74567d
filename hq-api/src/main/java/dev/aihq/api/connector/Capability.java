package dev.aihq.api.connector;

/**
 * Something a marketplace may or may not give a shop. Which ones a shop has depends on the marketplace,
 * its fulfilment scheme and its subscription (see the capability matrix in the README).
 */
public enum Capability {
    /** Orders can be listed or received. */
    ORDERS,
    /** The customer's contact (name, phone) comes with orders. */
    CUSTOMER_CONTACT,
    /** A customer's earlier purchases can be found. */
    PURCHASE_HISTORY,
    /** A chat can be linked to the order it is about. */
    CHAT_ORDER_LINK,
    /** The seller may write to a customer first. */
    PROACTIVE_MESSAGE,
    /** Reviews can be read. */
    REVIEWS_READ,
    /** Reviews can be answered. */
    REVIEW_REPLY,
    /** Product questions can be read and answered. */
    QUESTIONS,
    /** Buyer chats can be read and answered. */
    CHATS,
    /** The marketplace pushes events (no polling needed). */
    PUSH_EVENTS,
    /** Commissions, logistics, penalties and payouts can be read. */
    FINANCE_DATA
}

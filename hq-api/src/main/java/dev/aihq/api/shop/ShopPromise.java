package dev.aihq.api.shop;

/**
 * Something a shop really offers its customers beyond the product and its price. A sales message may
 * mention only the promises its shop makes ({@link SalesSettings#promises()}); any other is an invented
 * promise and never reaches a customer (the seed's "не обещает то, чего нет"). The inbox's replies to reviews,
 * questions and chats are held to the same promises.
 */
public enum ShopPromise {
    /** Free delivery. */
    FREE_DELIVERY,
    /** A warranty beyond the manufacturer's, or warranty terms of the shop's own. */
    WARRANTY,
    /** A gift with the order. */
    GIFT,
    /** Cashback or bonus points from the shop. */
    CASHBACK,
    /** Payment in instalments or credit offered by the shop. */
    INSTALMENTS,
    /**
     * A refund, compensation or replacement the shop grants itself («вернём деньги», «компенсируем», «вышлем
     * новый»), beyond the marketplace's own return process, which any message may describe.
     */
    REFUND
}

package dev.aihq.api.shop;

/**
 * Something a shop really offers its customers beyond the product and its price. A sales message may
 * mention only the promises its shop makes ({@link SalesSettings#promises()}); any other is an invented
 * promise and never reaches a customer (the seed's "не обещает то, чего нет").
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
    INSTALMENTS
}

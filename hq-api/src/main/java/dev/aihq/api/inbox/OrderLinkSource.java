package dev.aihq.api.inbox;

import java.util.Locale;

/** Where an interaction's order link came from. Wire values are the lower-case names. */
public enum OrderLinkSource {
    /** The marketplace gave it: Wildberries {@code goodCard.rid}, Ozon chat history {@code context.order_number}. */
    MARKETPLACE,
    /** Read from the buyer's answer when asked for the order number (the seed's workaround). */
    BUYER_REPLY,
    /** Set by a person of the shop. */
    SHOP;

    /**
     * Returns the wire value.
     *
     * @return e.g. {@code buyer_reply}
     */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a wire value.
     *
     * @param value e.g. {@code marketplace}, in any case
     * @return the source
     * @throws IllegalArgumentException naming the allowed values when the value is none of them
     */
    public static OrderLinkSource fromWire(String value) {
        return Wire.read(OrderLinkSource.class, value, "order link source");
    }
}

package dev.aihq.connectors.ozon;

/**
 * How a posting is fulfilled (reference §3.3).
 */
public enum OzonScheme {

    /** The seller's warehouse, Ozon delivers. No buyer contact ({@code customer: null}). */
    FBS,

    /**
     * The seller's warehouse, the seller delivers (realFBS): the posting carries the buyer's name, address and a
     * substitute (proxy) phone, for that delivery only.
     */
    RFBS,

    /** Ozon's warehouse, Ozon delivers. No buyer contact; only the buyer can start a chat. */
    FBO;

    /**
     * Returns the scheme's name in lower case, e.g. for {@link dev.aihq.api.store.IndexedOrder#scheme()}.
     *
     * @return {@code fbs}, {@code rfbs} or {@code fbo}
     */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

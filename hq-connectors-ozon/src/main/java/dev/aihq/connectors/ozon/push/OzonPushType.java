package dev.aihq.connectors.ozon.push;

import java.util.Optional;

/**
 * The {@code message_type}s Ozon documents for push notifications, and what {@link OzonPushRoute} does with
 * each. A type not listed here (Ozon adds types, and third-party SDKs name some the docs do not) is
 * acknowledged and ignored with a log line.
 */
public enum OzonPushType {
    /** The connection check, sent when the URL is saved and periodically: answered with name, version and time. */
    TYPE_PING(Handling.HANDSHAKE),
    /** A new FBS or rFBS posting: a purchase event {@code order_accepted}. */
    TYPE_NEW_POSTING(Handling.EVENT),
    /** A posting was cancelled: a purchase event {@code order_cancelled}. */
    TYPE_POSTING_CANCELLED(Handling.EVENT),
    /**
     * A posting's status changed: {@code posting_delivered} becomes a purchase event {@code order_delivered},
     * {@code posting_canceled} one {@code order_cancelled}; other states are ignored.
     */
    TYPE_STATE_CHANGED(Handling.EVENT),
    /** The shipping date changed (test mode at Ozon): ignored. */
    TYPE_CUTOFF_DATE_CHANGED(Handling.IGNORED),
    /** The delivery date changed: ignored. */
    TYPE_DELIVERY_DATE_CHANGED(Handling.IGNORED),
    /** A product was created or updated, or failed to be: ignored. */
    TYPE_CREATE_OR_UPDATE_ITEM(Handling.IGNORED),
    /** Legacy product creation, suspended by Ozon on 15 July 2023: ignored. */
    TYPE_CREATE_ITEM(Handling.IGNORED),
    /** Legacy product update, suspended by Ozon on 15 July 2023: ignored. */
    TYPE_UPDATE_ITEM(Handling.IGNORED),
    /** Stock changed at the seller's warehouse: ignored. */
    TYPE_STOCKS_CHANGED(Handling.IGNORED),
    /** A new chat message: an inbox event {@code chat_message} when the chat is a buyer chat. */
    TYPE_NEW_MESSAGE(Handling.EVENT),
    /** A chat message was changed: ignored (the message was journaled when it was new). */
    TYPE_UPDATE_MESSAGE(Handling.IGNORED),
    /** The buyer or support read the seller's message: ignored. */
    TYPE_MESSAGE_READ(Handling.IGNORED),
    /** A chat was closed: ignored. */
    TYPE_CHAT_CLOSED(Handling.IGNORED);

    /** What the route does with a type. */
    public enum Handling {
        /** Answered with the handshake body at once. */
        HANDSHAKE,
        /** Turned into an SDK event and journaled before the answer (some values of the type may be ignored). */
        EVENT,
        /** Acknowledged with {@code {"result":true}} and a log line; nothing is journaled. */
        IGNORED
    }

    private final Handling handling;

    OzonPushType(Handling handling) {
        this.handling = handling;
    }

    /**
     * Returns what the route does with this type.
     *
     * @return the handling
     */
    public Handling handling() {
        return handling;
    }

    /**
     * Finds a documented type by its {@code message_type}, exactly as Ozon spells it.
     *
     * @param messageType the wire value, e.g. {@code TYPE_NEW_POSTING}
     * @return the type, or empty when Ozon documents no such type
     */
    public static Optional<OzonPushType> of(String messageType) {
        for (OzonPushType type : values()) {
            if (type.name().equals(messageType)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}

package dev.aihq.connectors.ozon;

/** The order {@code /v3/chat/history} reads a chat in ({@code direction}, reference §3.7). */
public enum OzonChatDirection {
    /** Oldest first, from {@code from_message_id} on. */
    FORWARD("Forward"),
    /** Newest first, from {@code from_message_id} back; Ozon's default. */
    BACKWARD("Backward");

    private final String wire;

    OzonChatDirection(String wire) {
        this.wire = wire;
    }

    /**
     * Returns the value Ozon takes.
     *
     * @return e.g. {@code Backward}
     */
    public String wireValue() {
        return wire;
    }
}

package dev.aihq.connectors.ozon;

/** Which chats {@code /v3/chat/list} lists ({@code filter.chat_status}, reference §3.7). */
public enum OzonChatStatus {
    /** Open and closed. */
    ALL("All"),
    /** Open only. */
    OPENED("Opened"),
    /** Closed only. */
    CLOSED("Closed");

    private final String wire;

    OzonChatStatus(String wire) {
        this.wire = wire;
    }

    /**
     * Returns the value Ozon takes.
     *
     * @return e.g. {@code Opened}
     */
    public String wireValue() {
        return wire;
    }
}

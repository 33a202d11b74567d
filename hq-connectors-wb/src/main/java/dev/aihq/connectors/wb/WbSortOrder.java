package dev.aihq.connectors.wb;

/** The order WB lists feedbacks and questions in ({@code order}). */
public enum WbSortOrder {
    /** Oldest first, {@code dateAsc}. */
    DATE_ASC("dateAsc"),
    /** Newest first, {@code dateDesc}. */
    DATE_DESC("dateDesc");

    private final String wireValue;

    WbSortOrder(String wireValue) {
        this.wireValue = wireValue;
    }

    /**
     * Returns the value WB expects.
     *
     * @return {@code dateAsc} or {@code dateDesc}
     */
    public String wireValue() {
        return wireValue;
    }
}

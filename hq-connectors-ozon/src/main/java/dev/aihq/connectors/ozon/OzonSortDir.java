package dev.aihq.connectors.ozon;

/** The order Ozon's review lists are read in ({@code sort_dir}, reference §3.5). */
public enum OzonSortDir {
    /** Oldest first. */
    ASC,
    /** Newest first. */
    DESC
}

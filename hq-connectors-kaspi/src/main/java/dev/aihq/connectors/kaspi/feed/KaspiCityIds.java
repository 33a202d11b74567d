package dev.aihq.connectors.kaspi.feed;

/**
 * Kaspi's city codes as used in {@code <cityprice cityId="…">}. Only the largest cities are named here;
 * Kaspi's specification has the full table, and any code is accepted where a city id is taken.
 */
public final class KaspiCityIds {

    /** Алматы. */
    public static final String ALMATY = "750000000";

    /** Астана. */
    public static final String ASTANA = "710000000";

    /** Шымкент. */
    public static final String SHYMKENT = "511010000";

    private KaspiCityIds() {}
}

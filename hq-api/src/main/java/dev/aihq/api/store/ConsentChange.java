package dev.aihq.api.store;

import java.util.Objects;

/**
 * What {@link ConsentStore#apply} did: the record before and after the event.
 *
 * @param before the record before (status {@link ConsentStatus#UNKNOWN} when there was none)
 * @param after the record after
 */
public record ConsentChange(ConsentRecord before, ConsentRecord after) {

    /** Requires both records. */
    public ConsentChange {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /**
     * Tells whether the event changed the record: of concurrent calls with the same event, only one sees
     * a change.
     *
     * @return {@code true} when something changed
     */
    public boolean changed() {
        return !before.equals(after);
    }
}

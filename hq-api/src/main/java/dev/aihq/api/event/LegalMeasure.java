package dev.aihq.api.event;

import java.time.LocalDate;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A restrictive measure the marketplace applied, e.g. a 7-day disconnection.
 *
 * @param type the measure as the marketplace names it, e.g. {@code disconnection}
 * @param days its length in days, or {@code null}
 * @param from its first day, or {@code null}
 * @param to its last day, or {@code null}
 */
public record LegalMeasure(String type, @Nullable Integer days, @Nullable LocalDate from, @Nullable LocalDate to) {

    /** Requires a type; days not negative; {@code from} not after {@code to}. */
    public LegalMeasure {
        Objects.requireNonNull(type, "type");
        if (days != null && days < 0) {
            throw new IllegalArgumentException("measure days must not be negative");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("measure 'from' must not be after 'to'");
        }
    }
}

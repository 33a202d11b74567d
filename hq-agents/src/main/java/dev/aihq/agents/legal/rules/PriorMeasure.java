package dev.aihq.agents.legal.rules;

import dev.aihq.api.event.LegalEventType;
import java.time.Instant;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * An earlier fine or measure in the shop's history, for the repeat rules (e.g. Kaspi's 90-day ladder).
 *
 * @param type the earlier event's type
 * @param at when it was applied
 * @param ruleId the rule it fell under, or {@code null} when not known (then it counts for any rule of its type)
 */
public record PriorMeasure(LegalEventType type, Instant at, @Nullable String ruleId) {

    /** Requires a type and a moment. */
    public PriorMeasure {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
    }
}

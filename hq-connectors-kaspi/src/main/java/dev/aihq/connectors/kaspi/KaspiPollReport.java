package dev.aihq.connectors.kaspi;

import dev.aihq.api.ShopId;
import dev.aihq.api.event.PurchaseTrigger;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * What one poll of a shop did, per trigger rule.
 *
 * @param shopId the shop
 * @param polledUntil the poll's end of the creation-date windows, saved as the cursor of each rule that
 *     finished
 * @param triggers one report per rule, in the poller's rule order
 */
public record KaspiPollReport(ShopId shopId, Instant polledUntil, List<TriggerReport> triggers) {

    /** Copies the list. */
    public KaspiPollReport {
        Objects.requireNonNull(shopId, "shopId");
        Objects.requireNonNull(polledUntil, "polledUntil");
        triggers = List.copyOf(triggers);
    }

    /**
     * Tells whether every rule finished and saved its cursor.
     *
     * @return {@code true} when no rule failed or was held back
     */
    public boolean complete() {
        return triggers.stream().allMatch(TriggerReport::cursorSaved);
    }

    /**
     * Returns the events accepted for the first time, all rules together.
     *
     * @return the count
     */
    public int accepted() {
        return triggers.stream().mapToInt(TriggerReport::accepted).sum();
    }

    /**
     * What one rule did in a poll.
     *
     * @param trigger the rule's trigger
     * @param from the start of the creation-date window read for it
     * @param matched orders that fire the rule
     * @param accepted events journaled now
     * @param known events already journaled before (found without reading the order's lines again, or
     *     answered as duplicates)
     * @param rejected events the pipeline refused (shop unknown or inactive)
     * @param problems what went wrong, one line per order or request, without personal data
     * @param cursorSaved whether the rule's cursor moved to {@link KaspiPollReport#polledUntil()}: only when
     *     every matching order's event was journaled
     * @param failure why the listing of one of the rule's states failed, or {@code null}
     */
    public record TriggerReport(PurchaseTrigger trigger, Instant from, int matched, int accepted, int known,
            int rejected, List<String> problems, boolean cursorSaved, @Nullable String failure) {

        /** Copies the list. */
        public TriggerReport {
            Objects.requireNonNull(trigger, "trigger");
            Objects.requireNonNull(from, "from");
            problems = List.copyOf(problems);
        }
    }
}

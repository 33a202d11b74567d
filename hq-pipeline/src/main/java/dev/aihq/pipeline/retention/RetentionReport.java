package dev.aihq.pipeline.retention;

import dev.aihq.api.ShopId;
import dev.aihq.api.store.PurgeReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one pass of the {@link RetentionJob} did. Holds no personal data.
 *
 * @param at the time the pass took as "now"; each shop's cutoff is this minus its retention
 * @param purged one report per shop purged, in the order of the shops' ids
 * @param failures the shops whose purge failed, with what went wrong; they are tried again next pass
 * @param expiredOffers how many offers that waited for consent longer than their shop's consent expiry were
 *     cancelled (0 when the job has no outbox)
 */
public record RetentionReport(Instant at, List<PurgeReport> purged, Map<ShopId, String> failures,
        int expiredOffers) {

    /** Requires every part; copies the collections. */
    public RetentionReport {
        Objects.requireNonNull(at, "at");
        purged = List.copyOf(purged);
        failures = Map.copyOf(failures);
        if (expiredOffers < 0) {
            throw new IllegalArgumentException("expired offers must not be negative, got " + expiredOffers);
        }
    }

    /**
     * A report of a pass that expired no offers.
     *
     * @param at when the pass ran
     * @param purged what was purged per shop
     * @param failures the shops that failed, with why
     */
    public RetentionReport(Instant at, List<PurgeReport> purged, Map<ShopId, String> failures) {
        this(at, purged, failures, 0);
    }

    /**
     * Returns how many items were blanked or deleted over all shops.
     *
     * @return the sum of the shops' {@link PurgeReport#total()}
     */
    public long total() {
        return purged.stream().mapToLong(PurgeReport::total).sum();
    }
}

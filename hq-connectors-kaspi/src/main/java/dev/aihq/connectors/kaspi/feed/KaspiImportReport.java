package dev.aihq.connectors.kaspi.feed;

import java.util.List;
import java.util.Objects;

/**
 * What one {@link KaspiCatalogImport} did to a shop's catalog.
 *
 * @param created products the store did not have
 * @param updated products whose name, price, stock or activity changed
 * @param unchanged products the feed describes exactly as stored (importing the same feed again makes every
 *     imported offer unchanged)
 * @param deactivated active products the feed no longer lists, now marked inactive (0 when the import does
 *     not deactivate)
 * @param problems the feed's malformed entries; their offers were not imported
 */
public record KaspiImportReport(int created, int updated, int unchanged, int deactivated, List<FeedProblem> problems) {

    /** Validates the counts and copies the problems. */
    public KaspiImportReport {
        if (created < 0 || updated < 0 || unchanged < 0 || deactivated < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
    }

    /**
     * Returns how many offers of the feed reached the store, whether or not they changed anything.
     *
     * @return created + updated + unchanged
     */
    public int imported() {
        return created + updated + unchanged;
    }

    /**
     * Tells whether the feed had malformed entries.
     *
     * @return {@code true} when {@link #problems()} is not empty
     */
    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}

package dev.aihq.api.store;

import java.time.Duration;
import java.util.Objects;

/**
 * The argument checks every claim of leased work shares ({@link Outbox#claimDue},
 * {@link EventJournal#claimExpired}), for implementations.
 */
public final class Claims {

    private Claims() {}

    /**
     * Checks the size and lease of a claim.
     *
     * @param max the most items to claim
     * @param lease how long the claim holds
     * @throws IllegalArgumentException when {@code max} is below 1 or the lease is not positive
     */
    public static void requireValid(int max, Duration lease) {
        Objects.requireNonNull(lease, "lease");
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, got " + max);
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive, got " + lease);
        }
    }
}

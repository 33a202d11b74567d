package dev.aihq.api.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A run's lease on its journal entry: the worker running the event holds it until {@code until}. While
 * the lease holds, no other worker resumes the run; once it has expired and the run has not finished
 * (the process running it died, or was stopped before the run ended), another worker may claim it with
 * {@link EventJournal#claimExpired} and run it again under the same run id.
 *
 * @param worker the name of the worker holding the run, e.g. a host name with a suffix; 1 to
 *     {@value #MAX_WORKER_LENGTH} characters
 * @param until when the lease expires unless it is renewed
 */
public record RunLease(String worker, Instant until) {

    /** The longest worker name, in characters. */
    public static final int MAX_WORKER_LENGTH = 200;

    /** Requires a worker name of 1 to {@value #MAX_WORKER_LENGTH} characters and an expiry time. */
    public RunLease {
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(until, "until");
        if (worker.isBlank() || worker.length() > MAX_WORKER_LENGTH) {
            throw new IllegalArgumentException("a lease's worker name must be 1 to " + MAX_WORKER_LENGTH
                    + " characters and not blank, got '" + worker + "'");
        }
    }
}

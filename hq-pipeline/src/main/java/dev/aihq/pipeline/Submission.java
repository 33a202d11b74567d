package dev.aihq.pipeline;

import dev.aihq.api.result.RunId;
import dev.aihq.api.store.RunRecord;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.annotation.Nullable;

/**
 * The immediate answer to {@link AgentPipeline#submit}: the event was accepted and its run goes on in
 * the background, it was a duplicate of an earlier event, or it was rejected at the gate.
 *
 * @param kind accepted, duplicate or rejected
 * @param runId the run: the new one, or the first run's for a duplicate
 * @param record the run's record as known now (a duplicate's first run may still be in progress), or
 *     {@code null} when a duplicate's first run is not yet readable
 * @param completion completes with the run's final record (already complete for rejections and for
 *     duplicates of finished runs)
 */
public record Submission(
        Kind kind, RunId runId, @Nullable RunRecord record, CompletableFuture<RunRecord> completion) {

    /** What happened to a submitted event. */
    public enum Kind {
        /** Journaled; the run goes on in the background. */
        ACCEPTED,
        /** The same event (same shop and idempotency key) was journaled before; nothing is done twice. */
        DUPLICATE,
        /** Not accepted: unknown or inactive shop, or a capability not available. Nothing was journaled. */
        REJECTED
    }

    /** Requires the identifying parts. */
    public Submission {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(runId, "run id");
        Objects.requireNonNull(completion, "completion");
    }

    /**
     * Waits for the run's final record.
     *
     * @param timeout the longest wait
     * @return the final record, or empty when the run is still going after the timeout
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public Optional<RunRecord> await(Duration timeout) throws InterruptedException {
        try {
            return Optional.of(completion.get(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("run " + runId + " completed exceptionally", e.getCause());
        }
    }

    /**
     * Waits for the run's final record without a bound.
     *
     * @return the final record
     */
    public RunRecord join() {
        return completion.join();
    }
}

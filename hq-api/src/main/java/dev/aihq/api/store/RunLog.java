package dev.aihq.api.store;

import dev.aihq.api.ShopId;
import dev.aihq.api.result.RunId;
import dev.aihq.api.result.RunOutcome;
import java.util.List;
import java.util.Optional;

/** The run log: every run's stages, agent path and outcome, readable per shop. Thread-safe. */
public interface RunLog {

    /**
     * Inserts or replaces a run's record.
     *
     * @param record the record
     */
    void save(RunRecord record);

    /**
     * Finds a run of a shop; a run of another shop is never returned.
     *
     * @param shopId the shop
     * @param runId the run
     * @return the record, or empty
     */
    Optional<RunRecord> find(ShopId shopId, RunId runId);

    /**
     * Returns a shop's most recent runs, newest first.
     *
     * @param shopId the shop
     * @param limit the most to return, at least 1
     * @return the records
     */
    List<RunRecord> recent(ShopId shopId, int limit);

    /**
     * Returns a shop's finished runs that ended with an outcome, newest first by start time and, for runs
     * that started at the same instant, by run id descending; e.g. the runs held for review. Runs in
     * progress have no outcome and are never returned.
     *
     * @param shopId the shop
     * @param outcome the outcome
     * @param limit the most to return, at least 1
     * @return the records
     * @throws IllegalArgumentException when {@code limit} is below 1
     */
    List<RunRecord> withOutcome(ShopId shopId, RunOutcome outcome, int limit);

    /**
     * Replaces a run's record only when the stored record of that run (same shop, same run id) has ended
     * with {@code expected}: an atomic compare-and-set, so that of two callers replacing the same record
     * with the same expectation at once exactly one succeeds. A run unknown to the shop is never written.
     * The pipeline claims a held run for its reviewer with it.
     *
     * @param expected the outcome the stored record must have
     * @param record the new record
     * @return {@code true} when replaced; {@code false} when the run is unknown, in progress or ended with
     *     another outcome
     */
    boolean replaceIf(RunOutcome expected, RunRecord record);
}

package dev.aihq.api.store;

import dev.aihq.api.ShopId;
import dev.aihq.api.result.RunId;
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
}

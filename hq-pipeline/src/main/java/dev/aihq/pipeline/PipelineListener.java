package dev.aihq.pipeline;

import dev.aihq.api.result.RunId;
import dev.aihq.api.store.RunRecord;
import dev.aihq.api.store.StageRecord;

/**
 * Observes runs and stages, for metrics and tracing. Every method has a no-op default. A listener only
 * observes: its exceptions are caught and logged and never break a run. Called on the run's thread, so
 * keep it fast.
 */
public interface PipelineListener {

    /**
     * A run started (after its event was journaled).
     *
     * @param pipeline the pipeline's name
     * @param record the run's first record
     */
    default void onRunStarted(String pipeline, RunRecord record) {}

    /**
     * A stage ended.
     *
     * @param pipeline the pipeline's name
     * @param runId the run
     * @param stage the stage's record
     */
    default void onStage(String pipeline, RunId runId, StageRecord stage) {}

    /**
     * A run ended with its outcome.
     *
     * @param pipeline the pipeline's name
     * @param record the run's final record
     */
    default void onRunFinished(String pipeline, RunRecord record) {}
}

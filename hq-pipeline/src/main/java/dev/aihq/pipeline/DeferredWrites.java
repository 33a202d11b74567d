package dev.aihq.pipeline;

/**
 * Store writes a stage hands to the end of its run. The pipeline makes them in the unit of work that
 * saves the run's final record ({@link AgentPipeline.Builder#transactions}), so that on a database they
 * share its commit instead of taking one each: the model's token usage, the outbox's sent mark.
 *
 * <p>Only writes whose loss with a dying process is acceptable may be deferred: a run that dies before its
 * end is resumed and does its work again, but a deferred write of the dead attempt is gone. Outside a
 * pipeline (an agent or a delivery called directly) {@link #IMMEDIATE} makes each write at once.
 */
@FunctionalInterface
public interface DeferredWrites {

    /** Makes every write at once, on the calling thread. */
    DeferredWrites IMMEDIATE = Runnable::run;

    /**
     * Hands over a write: the pipeline runs it on the run's thread when the run ends, in the order handed
     * over, after the final record and the journal's finished mark and in the same unit of work (last, so
     * that a lock it takes on a row every run updates is held only until the commit). A write that throws
     * fails that unit: the final record is not saved either, and the run is resumed once its lease
     * expires; the deferred writes are then made again on their own, because they record what happened.
     *
     * @param write the write
     */
    void defer(Runnable write);
}

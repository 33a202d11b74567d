package dev.aihq.agents;

import dev.aihq.api.event.HqEvent;
import dev.aihq.api.store.EventJournal;
import dev.aihq.api.store.RunLog;
import dev.aihq.api.store.ShopStore;
import dev.aihq.api.store.Transactions;
import dev.aihq.pipeline.AgentPipeline;
import dev.aihq.pipeline.PipelineListener;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import javax.annotation.Nullable;

/**
 * What every agent pipeline of AI HQ is built on, given once: the shops, the journal, the run log, how writes are
 * committed together, the clock, where runs execute, how long a run's lease lasts and how often expired ones are
 * resumed, how often a run may be tried, and the listeners. {@code AiHq} makes one from its builder; a pipeline
 * built on its own takes one too ({@link #of}).
 *
 * @param shops the shops
 * @param journal the event journal
 * @param runLog the run log
 * @param transactions how the stores' writes are committed together
 * @param clock the clock
 * @param executor where runs execute, or {@code null} for the pipeline's own threads
 * @param runLease how long a run holds its journal entry, or {@code null} for the pipeline's default
 * @param recoveryInterval how often expired runs are resumed, or {@code null} for the pipeline's default
 * @param maxAttempts how many times a journaled run may be started
 * @param listeners who hears the pipeline's runs
 */
public record PipelineBase(
        ShopStore shops,
        EventJournal journal,
        RunLog runLog,
        Transactions transactions,
        Clock clock,
        @Nullable Executor executor,
        @Nullable Duration runLease,
        @Nullable Duration recoveryInterval,
        int maxAttempts,
        List<PipelineListener> listeners) {

    /** Requires the stores and the clock; copies the listeners. */
    public PipelineBase {
        Objects.requireNonNull(shops, "shops");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(runLog, "run log");
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(clock, "clock");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts must be at least 1; got " + maxAttempts);
        }
        listeners = List.copyOf(listeners);
    }

    /**
     * Returns a base with the pipeline defaults: no transactions, the system clock, the pipeline's own threads and
     * lease, {@link AgentPipeline#DEFAULT_MAX_ATTEMPTS} attempts, no listeners.
     *
     * @param shops the shops
     * @param journal the event journal
     * @param runLog the run log
     * @return the base
     */
    public static PipelineBase of(ShopStore shops, EventJournal journal, RunLog runLog) {
        return new PipelineBase(shops, journal, runLog, Transactions.NONE, Clock.systemUTC(), null, null, null,
                AgentPipeline.DEFAULT_MAX_ATTEMPTS, List.of());
    }

    /**
     * Returns this base with another clock.
     *
     * @param newClock the clock
     * @return the base
     */
    public PipelineBase withClock(Clock newClock) {
        return new PipelineBase(shops, journal, runLog, transactions, newClock, executor, runLease, recoveryInterval,
                maxAttempts, listeners);
    }

    /**
     * Returns this base with another executor.
     *
     * @param newExecutor where runs execute
     * @return the base
     */
    public PipelineBase withExecutor(Executor newExecutor) {
        return new PipelineBase(shops, journal, runLog, transactions, clock, newExecutor, runLease, recoveryInterval,
                maxAttempts, listeners);
    }

    /**
     * Sets these parts on a pipeline's builder.
     *
     * @param builder the builder
     * @param <E> the event type
     * @param <C> the context type
     * @param <R> the result type
     * @return the builder
     */
    public <E extends HqEvent, C, R> AgentPipeline.Builder<E, C, R> applyTo(AgentPipeline.Builder<E, C, R> builder) {
        builder.shops(shops).journal(journal).runLog(runLog).transactions(transactions).clock(clock)
                .maxAttempts(maxAttempts);
        if (executor != null) {
            builder.executor(executor);
        }
        if (runLease != null) {
            builder.runLease(runLease);
        }
        if (recoveryInterval != null) {
            builder.recoveryInterval(recoveryInterval);
        }
        listeners.forEach(builder::listener);
        return builder;
    }
}

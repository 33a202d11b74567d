package dev.aihq.pipeline;

import dev.aihq.api.ShopId;
import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.event.HqEvent;
import dev.aihq.api.result.RunId;
import dev.aihq.api.result.RunOutcome;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.store.AgentTrace;
import dev.aihq.api.store.EventJournal;
import dev.aihq.api.store.JournalEntry;
import dev.aihq.api.store.JournalResult;
import dev.aihq.api.store.RunLease;
import dev.aihq.api.store.RunLog;
import dev.aihq.api.store.RunRecord;
import dev.aihq.api.store.ShopStore;
import dev.aihq.api.store.StageRecord;
import dev.aihq.api.store.StageStatus;
import dev.aihq.api.store.Transactions;
import dev.aihq.pipeline.json.SdkJson;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one pipeline every agent runs on, generic over the event {@code E}, the context {@code C} and the
 * result {@code R}: decode → shop gate → journal → gather context → prepare → agent → guard → deliver →
 * run log (the seed's "webhook event → collect data → validate shop → collect context → AI agent →
 * result → logging").
 *
 * <p>An agent supplies only its parts (context sources, assembler, agent, guard, delivery); the pipeline
 * supplies everything else once. {@link #submit(HqEvent)} runs the shop gate and the journal on the
 * caller's thread and returns at once: the event is rejected, recognised as a duplicate of an earlier
 * run (nothing is done twice), or accepted with a run id while the remaining stages go on on the
 * configured {@link Executor}. Every run ends in exactly one {@link RunOutcome} with a reason, and its
 * run-log record lists each stage with its duration and status.
 *
 * <p>No run is lost. The journal entry of an accepted event is held by this pipeline's worker
 * ({@link Builder#worker(String)}) under a lease ({@link Builder#runLease(Duration)}) and marked finished
 * when its run ends. A pipeline configured with {@link Builder#resumes(String...)} claims unfinished
 * entries whose lease has expired, because the process that ran them died or was stopped before they
 * ended, and runs them again under the same run id ({@link #resumeExpired()}): at start-up and then every
 * {@link Builder#recoveryInterval(Duration)}, on one daemon thread of its own, which also renews the
 * leases of its own long runs. A resumed run goes through the gate again (a shop deactivated meanwhile
 * ends it REJECTED), runs the journal stage's recorders again without a second append, and replaces the
 * in-progress run record; its journal stage reads "resumed by" the worker. Recorders and delivery must
 * therefore be idempotent per run id, as the SDK's are: {@code MessageDelivery} keys its outbox messages
 * by run id, so a resumed run never sends twice. A redelivered event remains a duplicate of its run.
 *
 * <p>A run whose guard held its result ({@link RunOutcome#HELD_FOR_REVIEW}) waits for a person:
 * {@link #deliverReviewed} approves, edits or rejects it, and delivers at most once.
 *
 * <p>Thread-safe. Lifecycle: {@link #start()} before submitting; {@link #stop()} refuses new events and
 * stops resuming; {@link #close()} also waits (up to the drain timeout) for runs in flight and releases
 * the pipeline's own threads. Runs still in flight when the process ends keep their lease and are resumed
 * by another instance, or by this one when it starts again, once the lease has expired.
 *
 * @param <E> the event type
 * @param <C> the context type
 * @param <R> the result type
 */
public final class AgentPipeline<E extends HqEvent, C, R> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AgentPipeline.class);

    private enum State { NEW, RUNNING, STOPPED }

    /** The most entries one {@link #resumeExpired()} claims. */
    static final int RESUME_BATCH = 100;

    /** How many times a journaled run may be started before it is given up, unless set otherwise. */
    public static final int DEFAULT_MAX_ATTEMPTS = 5;

    private final String name;
    private final ShopStore shops;
    private final EventJournal journal;
    private final RunLog runLog;
    private final Clock clock;
    private final Executor executor;
    private final Executor contextExecutor;
    private final @Nullable ExecutorService ownedContextExecutor;
    private final List<ContextSource<E, ?>> sources;
    private final @Nullable ContextAssembler<E, C> assembler;
    private final @Nullable Agent<C, R> agent;
    private final Guard<C, R> guard;
    private final Delivery<E, C, R> delivery;
    private final List<Consumer<? super E>> recorders;
    private final Function<? super E, Optional<String>> endAfterRecording;
    private final Function<? super R, String> resultWriter;
    private final List<PipelineListener> listeners;
    private final TimeZoneDataCheck timeZoneCheck;
    private final @Nullable String unavailableReason;
    private final Duration drainTimeout;
    private final String worker;
    private final Duration runLease;
    private final Transactions transactions;
    private final int maxAttempts;
    private final List<String> resumePrefixes;
    private final Duration recoveryInterval;
    private final @Nullable Class<E> eventClass;

    private final ConcurrentHashMap<RunId, InFlight> inFlight = new ConcurrentHashMap<>();
    private volatile State state = State.NEW;
    private volatile @Nullable ScheduledExecutorService recovery;
    private volatile boolean timeZoneDataCurrent = true;

    private AgentPipeline(Builder<E, C, R> b) {
        this.name = b.name;
        this.shops = b.shops;
        this.journal = b.journal;
        this.runLog = b.runLog;
        this.clock = b.clock;
        this.executor = b.executor;
        if (b.contextExecutor != null) {
            this.contextExecutor = b.contextExecutor;
            this.ownedContextExecutor = null;
        } else {
            ExecutorService owned = Executors.newCachedThreadPool(daemonThreads("hq-context-" + b.name));
            this.contextExecutor = owned;
            this.ownedContextExecutor = owned;
        }
        this.sources = List.copyOf(b.sources);
        this.assembler = b.assembler;
        this.agent = b.agent;
        this.guard = b.guard;
        this.delivery = b.delivery;
        this.recorders = List.copyOf(b.recorders);
        this.endAfterRecording = b.endAfterRecording;
        this.resultWriter = b.resultWriter;
        this.listeners = List.copyOf(b.listeners);
        this.timeZoneCheck = b.timeZoneCheck;
        this.unavailableReason = b.unavailableReason;
        this.drainTimeout = b.drainTimeout;
        this.worker = b.worker != null ? b.worker : defaultWorker();
        this.runLease = b.runLease;
        this.transactions = b.transactions;
        this.maxAttempts = b.maxAttempts;
        this.resumePrefixes = List.copyOf(b.resumePrefixes);
        this.recoveryInterval = b.recoveryInterval;
        this.eventClass = b.eventClass;
    }

    /**
     * Starts a builder for a pipeline that runs an agent.
     *
     * @param name the pipeline's name in the run log, e.g. {@code sales.purchase}
     * @param <E> the event type
     * @param <C> the context type
     * @param <R> the result type
     * @return a builder
     */
    public static <E extends HqEvent, C, R> Builder<E, C, R> builder(String name) {
        return new Builder<>(name);
    }

    /**
     * Returns the pipeline's name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the name of the worker that holds this pipeline's runs in the journal.
     *
     * @return the worker's name
     */
    public String worker() {
        return worker;
    }

    /**
     * Starts accepting events. Checks the JVM's time-zone data once and logs a warning when it is older
     * than Kazakhstan's 2024 move to UTC+5; runs for shops that require current data then fail at the
     * gate. When the pipeline resumes event types ({@link Builder#resumes(String...)}) and its recovery
     * interval is positive, it starts its recovery thread, which resumes expired runs at once and then
     * every interval. Calling it again has no effect.
     *
     * @return this pipeline
     */
    public synchronized AgentPipeline<E, C, R> start() {
        if (state == State.NEW) {
            timeZoneDataCurrent = timeZoneCheck.isCurrent();
            if (!timeZoneDataCurrent) {
                LOG.warn("The JVM's time-zone data is out of date: Asia/Almaty is not UTC+5 after March 2024. "
                        + "Quiet hours and deadlines for Kazakh shops will be off by an hour. Update the JDK or "
                        + "its tzdata (2024a or later).");
            }
            state = State.RUNNING;
            if (!resumePrefixes.isEmpty() && !(recoveryInterval.isZero() || recoveryInterval.isNegative())) {
                ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                        daemonThreads("hq-recovery-" + name));
                scheduler.scheduleWithFixedDelay(this::recover, 0, recoveryInterval.toMillis(), TimeUnit.MILLISECONDS);
                recovery = scheduler;
            }
        }
        return this;
    }

    /** Stops accepting events and resuming runs; runs in flight go on. */
    public void stop() {
        synchronized (this) {
            state = State.STOPPED;
            ScheduledExecutorService scheduler = recovery;
            if (scheduler != null) {
                scheduler.shutdown();
            }
        }
    }

    /**
     * Tells whether the pipeline accepts events.
     *
     * @return {@code true} between {@link #start()} and {@link #stop()}
     */
    public boolean isRunning() {
        return state == State.RUNNING;
    }

    /**
     * Returns how many runs are in flight.
     *
     * @return the count
     */
    public int inFlightCount() {
        return inFlight.size();
    }

    /**
     * Waits until no run is in flight.
     *
     * @param timeout the longest wait
     * @return {@code true} when drained, {@code false} on timeout
     * @throws InterruptedException when interrupted while waiting
     */
    public boolean awaitDrained(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (InFlight flight : List.copyOf(inFlight.values())) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return inFlight.isEmpty();
            }
            try {
                flight.future.get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return false;
            } catch (ExecutionException e) {
                // the run's failure is in its record; draining only waits
            }
        }
        return inFlight.isEmpty();
    }

    /**
     * Stops, waits up to the drain timeout for runs in flight and releases the pipeline's own threads.
     * Runs still going after the timeout keep their in-progress record and are logged.
     */
    @Override
    public void close() {
        stop();
        try {
            ScheduledExecutorService scheduler = recovery;
            if (scheduler != null && !scheduler.awaitTermination(drainTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Pipeline '{}' closed while its recovery was still claiming runs", name);
            }
            if (!awaitDrained(drainTimeout)) {
                LOG.warn("Pipeline '{}' closed with {} runs still in flight after {}", name, inFlight.size(),
                        drainTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (ownedContextExecutor != null) {
            ownedContextExecutor.shutdown();
        }
    }

    /**
     * Submits an event; see {@link #submit(HqEvent, Duration)}.
     *
     * @param event the event
     * @return the submission
     */
    public Submission submit(E event) {
        return submit(event, Duration.ZERO);
    }

    /**
     * Submits an event: runs the shop gate and the journal on this thread and returns at once; the
     * other stages run on the executor.
     *
     * @param event the event, already decoded and validated
     * @param decodeTime how long decoding took, recorded as the {@code decode} stage when positive
     * @return accepted (with the new run id), duplicate (with the first run's id and status) or rejected
     * @throws IllegalStateException when the pipeline is not running
     * @throws dev.aihq.api.error.StoreException when the journal cannot be written (nothing was started)
     */
    public Submission submit(E event, Duration decodeTime) {
        Objects.requireNonNull(event, "event");
        if (state != State.RUNNING) {
            throw new IllegalStateException("pipeline '" + name + "' is " + (state == State.NEW
                    ? "not started: call start() first" : "stopped and accepts no events"));
        }
        Instant startedAt = clock.instant();
        RunId runId = RunId.random();
        List<StageRecord> stages = new ArrayList<>(8);
        if (!decodeTime.isZero() && !decodeTime.isNegative()) {
            stages.add(new StageRecord(Stages.DECODE, decodeTime, StageStatus.OK, ""));
        }

        long t = System.nanoTime();
        Optional<Shop> found = shops.find(event.shopId());
        String rejection = gate(event.shopId(), found);
        if (rejection != null) {
            stages.add(stage(runId, Stages.SHOP_GATE, t, StageStatus.FAILED, rejection));
            RunRecord record = finish(RunRecord.started(runId, event.shopId(), name, event.type(),
                    event.idempotencyKey(), startedAt), stages, RunOutcome.REJECTED, rejection, null, null, null);
            if (found.isPresent()) {
                runLog.save(record);
            }
            notifyFinished(record);
            return new Submission(Submission.Kind.REJECTED, runId, record, CompletableFuture.completedFuture(record));
        }
        Shop shop = found.orElseThrow();
        stages.add(stage(runId, Stages.SHOP_GATE, t, StageStatus.OK, ""));

        long journalStart = System.nanoTime();
        Instant leaseUntil = startedAt.plus(runLease);
        InFlight flight = new InFlight(event.shopId(), event.idempotencyKey(), leaseUntil);
        inFlight.put(runId, flight);
        JournalEntry entry = JournalEntry.of(event, runId, startedAt);
        RunLease lease = new RunLease(worker, leaseUntil);
        RunRecord started;
        try {
            // One unit: the journal entry, the event's own records and the in-progress run record commit
            // together, or nothing does and the caller is told to send the event again.
            started = transactions.inTransaction(() -> {
                JournalResult journaled = journal.append(entry, lease);
                if (!journaled.appended()) {
                    throw new Duplicate(journaled.entry().runId());
                }
                return open(event, runId, startedAt, stages, journalStart, "");
            });
        } catch (Duplicate d) {
            inFlight.remove(runId);
            return duplicate(event.shopId(), d.firstRunId);
        } catch (RecordingFailure failure) {
            return journalFailed(event, runId, startedAt, stages, flight, entry, lease, journalStart, failure);
        } catch (RuntimeException e) {
            inFlight.remove(runId);
            throw e;
        }
        return launch(event, shop, runId, started, stages, flight);
    }

    /**
     * Journals an event whose records could not be written, on its own, and fails its run with the reason.
     * With transactions the unit that tried was rolled back, journal entry included; without, the entry
     * stands and appending it again finds it under this run's id.
     */
    private Submission journalFailed(E event, RunId runId, Instant startedAt, List<StageRecord> stages,
            InFlight flight, JournalEntry entry, RunLease lease, long journalStart, RecordingFailure failure) {
        try {
            JournalResult journaled = journal.append(entry, lease);
            if (!journaled.appended() && !journaled.entry().runId().equals(runId)) {
                inFlight.remove(runId);
                return duplicate(event.shopId(), journaled.entry().runId());
            }
        } catch (RuntimeException e) {
            inFlight.remove(runId);
            e.addSuppressed(failure);
            throw e;
        }
        failRecording(event, runId, startedAt, stages, flight, journalStart, "", failure);
        return new Submission(Submission.Kind.ACCEPTED, runId, flight.record, flight.future);
    }

    /**
     * Resumes runs lost by their worker: claims up to 100 unfinished journal entries
     * whose lease has expired and whose event type this pipeline resumes ({@link Builder#resumes}), oldest
     * first, and runs each again under its run id: the gate again, the journal stage's recorders without a
     * second append (its detail reads "resumed by" this worker), then the other stages on the executor. The
     * final run record replaces the in-progress one. Called at start-up and every recovery interval by the
     * pipeline's recovery thread; call it yourself when the interval is zero.
     *
     * <p>A claimed entry whose event is not of this pipeline's {@link Builder#eventClass event class} is
     * logged and left to its lease, for the pipeline that handles it; one this pipeline is still running is
     * left running.
     *
     * @return how many runs were resumed (including those the gate now rejects)
     * @throws IllegalStateException when the pipeline is not running
     * @throws dev.aihq.api.error.StoreException when the journal cannot be read (nothing was resumed)
     */
    public int resumeExpired() {
        if (state != State.RUNNING) {
            throw new IllegalStateException("pipeline '" + name + "' is " + (state == State.NEW
                    ? "not started: call start() first" : "stopped and resumes no runs"));
        }
        if (resumePrefixes.isEmpty()) {
            return 0;
        }
        Class<E> type = Objects.requireNonNull(eventClass, "eventClass");
        List<JournalEntry> claimed = journal.claimExpired(clock.instant(), RESUME_BATCH, worker, runLease,
                resumePrefixes);
        int resumed = 0;
        for (JournalEntry entry : claimed) {
            if (!type.isInstance(entry.event())) {
                LOG.error("Pipeline '{}' claimed run {} of shop {} to resume it, but its event (type '{}') is a {}, not"
                        + " a {}: left to the pipeline that handles it. Check the pipelines' resumes() prefixes",
                        name, entry.runId(), entry.shopId(), entry.eventType(), entry.event().getClass().getName(),
                        type.getName());
                continue;
            }
            try {
                E event = type.cast(entry.event());
                if (entry.attempts() > maxAttempts ? giveUp(entry, event) : resume(entry, event)) {
                    resumed++;
                }
            } catch (RuntimeException e) {
                LOG.warn("Pipeline '{}' could not resume run {} of shop {}; it is tried again when its lease expires",
                        name, entry.runId(), entry.shopId(), e);
            }
        }
        if (resumed > 0) {
            LOG.info("Pipeline '{}' (worker {}) resumed {} runs lost by their worker", name, worker, resumed);
        }
        return resumed;
    }

    /**
     * Ends a claimed entry whose run was started {@link Builder#maxAttempts} times without finishing: each
     * attempt ended with its worker (a process that died, or lost its lease), and the event may be what
     * takes the process down. The run ends FAILED and is never resumed again; false when this pipeline is
     * still running it.
     */
    private boolean giveUp(JournalEntry entry, E event) {
        RunId runId = entry.runId();
        InFlight flight = new InFlight(entry.shopId(), entry.idempotencyKey(), clock.instant().plus(runLease));
        if (inFlight.putIfAbsent(runId, flight) != null) {
            return false;
        }
        int started = entry.attempts() - 1;
        String reason = "given up after " + started + " attempts: each ended before the run finished (its process"
                + " stopped or lost the run's lease), so the event may be what stops it; it is not resumed again";
        LOG.error("Pipeline '{}' gives run {} of shop {} up (event '{}'): {}", name, runId, entry.shopId(),
                entry.idempotencyKey(), reason);
        List<StageRecord> stages = new ArrayList<>(1);
        stages.add(new StageRecord(Stages.JOURNAL, Duration.ZERO, StageStatus.FAILED, reason));
        RunRecord record = new RunRecord(runId, entry.shopId(), name, event.type(), entry.idempotencyKey(),
                entry.receivedAt(), null, null, "", stages, null, null, null, null);
        flight.record = record;
        end(flight, runId, finish(record, stages, RunOutcome.FAILED, reason, null, null, null));
        return true;
    }

    /** Runs a claimed entry again under its run id; false when this pipeline is still running it. */
    private boolean resume(JournalEntry entry, E event) {
        RunId runId = entry.runId();
        InFlight flight = new InFlight(entry.shopId(), entry.idempotencyKey(), clock.instant().plus(runLease));
        if (inFlight.putIfAbsent(runId, flight) != null) {
            return false;
        }
        Instant startedAt = entry.receivedAt();
        List<StageRecord> stages = new ArrayList<>(8);
        long t = System.nanoTime();
        Optional<Shop> found;
        try {
            found = shops.find(event.shopId());
        } catch (RuntimeException e) {
            inFlight.remove(runId);
            throw e;
        }
        String rejection = gate(event.shopId(), found);
        if (rejection != null) {
            stages.add(stage(runId, Stages.SHOP_GATE, t, StageStatus.FAILED, rejection));
            end(flight, runId, finish(RunRecord.started(runId, event.shopId(), name, event.type(),
                    event.idempotencyKey(), startedAt), stages, RunOutcome.REJECTED, rejection, null, null, null));
            return true;
        }
        stages.add(stage(runId, Stages.SHOP_GATE, t, StageStatus.OK, ""));
        long journalStart = System.nanoTime();
        String note = "resumed by " + worker;
        RunRecord started;
        try {
            started = transactions.inTransaction(() -> open(event, runId, startedAt, stages, journalStart, note));
        } catch (RecordingFailure failure) {
            failRecording(event, runId, startedAt, stages, flight, journalStart, note, failure);
            return true;
        } catch (RuntimeException e) {
            inFlight.remove(runId);
            throw e;
        }
        launch(event, found.orElseThrow(), runId, started, stages, flight);
        return true;
    }

    /**
     * The journal stage after the journal entry: runs the recorders and saves the in-progress record, inside
     * the caller's unit of work. A failing recorder is thrown as a {@link RecordingFailure}.
     */
    private RunRecord open(E event, RunId runId, Instant startedAt, List<StageRecord> stages, long journalStart,
            String journalNote) {
        for (Consumer<? super E> recorder : recorders) {
            try {
                recorder.accept(event);
            } catch (RuntimeException e) {
                throw new RecordingFailure("recording the event failed: " + describe(e), e);
            }
        }
        stages.add(stage(runId, Stages.JOURNAL, journalStart, StageStatus.OK, journalNote));
        RunRecord started = new RunRecord(runId, event.shopId(), name, event.type(), event.idempotencyKey(),
                startedAt, null, null, "", stages, null, null, null, null);
        if (transactions != Transactions.NONE) {
            // A failure rolls the unit back, journal entry included: the caller is told, and the event's
            // redelivery starts afresh.
            runLog.save(started);
            return started;
        }
        try {
            runLog.save(started);
        } catch (RuntimeException e) {
            // Without transactions the event stays journaled: the run must go on, or every redelivery would
            // be a duplicate of a run that never runs. The final record is saved when the run ends.
            LOG.warn("Run {} of pipeline '{}' could not write its in-progress record; the run goes on", runId, name,
                    e);
        }
        return started;
    }

    /** Ends a journaled run whose recorders failed: FAILED, with the reason in its journal stage. */
    private void failRecording(E event, RunId runId, Instant startedAt, List<StageRecord> stages, InFlight flight,
            long journalStart, String journalNote, RecordingFailure failure) {
        String reason = failure.getMessage();
        stages.add(stage(runId, Stages.JOURNAL, journalStart, StageStatus.FAILED,
                journalNote.isEmpty() ? reason : journalNote + "; " + reason));
        RunRecord started = new RunRecord(runId, event.shopId(), name, event.type(), event.idempotencyKey(),
                startedAt, null, null, "", stages, null, null, null, null);
        flight.record = started;
        notifyStarted(started);
        end(flight, runId, finish(started, stages, RunOutcome.FAILED, reason, null, null, null));
    }

    /** Hands a run whose in-progress record is written to the executor, which runs the other stages. */
    private Submission launch(E event, Shop shop, RunId runId, RunRecord started, List<StageRecord> stages,
            InFlight flight) {
        flight.record = started;
        notifyStarted(started);
        Runnable work = () -> runStages(event, shop, runId, started, stages, flight);
        try {
            executor.execute(work);
        } catch (RejectedExecutionException e) {
            // The event is journaled: running it here is better than losing it.
            work.run();
        }
        return new Submission(Submission.Kind.ACCEPTED, runId, started, flight.future);
    }

    private void notifyStarted(RunRecord started) {
        for (PipelineListener l : listeners) {
            try {
                l.onRunStarted(name, started);
            } catch (RuntimeException e) {
                LOG.warn("Pipeline listener {} failed on run start; ignored", l, e);
            }
        }
    }

    /**
     * Tells whether this worker still holds a run that is ending. Only a run that outlived its lease asks the
     * journal (by renewing the lease): another worker may have resumed it, and its record is then that
     * worker's to write. When the journal cannot answer, the run is taken to be held.
     */
    private boolean heldStill(InFlight flight) {
        Instant now = clock.instant();
        if (!flight.leaseLost && now.isBefore(flight.leaseUntil)) {
            return true;
        }
        if (flight.leaseLost) {
            return false;
        }
        try {
            return journal.renewLease(flight.shopId, flight.idempotencyKey, new RunLease(worker, now.plus(runLease)));
        } catch (RuntimeException e) {
            LOG.warn("Pipeline '{}' could not check the lease of a run that outlived it; its record is saved", name, e);
            return true;
        }
    }

    /** One tick of the recovery thread: renews the leases of long runs, then resumes expired ones. */
    private void recover() {
        if (state != State.RUNNING) {
            return;
        }
        try {
            renewLeases();
        } catch (RuntimeException e) {
            LOG.warn("Pipeline '{}' could not renew the leases of its runs; retried in {}", name, recoveryInterval, e);
        }
        try {
            resumeExpired();
        } catch (RuntimeException e) {
            LOG.warn("Pipeline '{}' could not resume expired runs; retried in {}", name, recoveryInterval, e);
        }
    }

    /**
     * Renews the lease of every run in flight whose lease is past its first half, so that a run longer
     * than the lease is not resumed elsewhere while it goes on.
     */
    private void renewLeases() {
        Instant now = clock.instant();
        Instant renewBefore = now.plus(runLease.dividedBy(2));
        for (Map.Entry<RunId, InFlight> running : inFlight.entrySet()) {
            InFlight flight = running.getValue();
            if (flight.leaseLost || flight.leaseUntil.isAfter(renewBefore)) {
                continue;
            }
            Instant until = now.plus(runLease);
            if (journal.renewLease(flight.shopId, flight.idempotencyKey, new RunLease(worker, until))) {
                flight.leaseUntil = until;
            } else {
                flight.leaseLost = true;
                LOG.info("Run {} of pipeline '{}' is no longer held by worker {}: its lease expired and another"
                        + " worker may be running it too", running.getKey(), name, worker);
            }
        }
    }

    /**
     * Submits an event and waits for its run to end.
     *
     * @param event the event
     * @return the run's final record (for a duplicate, the first run's)
     */
    public RunRecord run(E event) {
        return submit(event).join();
    }

    /**
     * Applies a person's decision to a run of this pipeline held for review ({@link RunOutcome#HELD_FOR_REVIEW}),
     * on the caller's thread, and rewrites the run's record with a {@value Stages#REVIEW} stage naming the
     * reviewer and the decision.
     *
     * <ul>
     *   <li><b>Approved or edited</b>: the run's event is read from the journal, the shop passes the gate
     *       again, the context is gathered again (fresh stock and prices), the guard checks the approved or
     *       edited result on it, and the delivery stage sends, schedules or completes it. A result the guard
     *       does not accept now (it holds or refuses it) is not delivered: the run stays held with the
     *       guard's new reasons, and its draft becomes the reviewed result, for the next decision. A context
     *       that cannot be gathered also leaves the run held. An inactive shop, or an event no longer in the
     *       journal (erased, purged), ends the run {@code REJECTED}.</li>
     *   <li><b>Rejected</b>: the run ends {@code REJECTED} with the reviewer's reason; nothing is sent.</li>
     * </ul>
     *
     * <p>At most one decision delivers. The run is first claimed with {@link RunLog#replaceIf}: its held
     * record is replaced by an in-progress one carrying the review stage, only while the stored record is
     * still held. Of two reviewers deciding at once exactly one claims it; the other, and anyone deciding a
     * run that is not held (decided before, in progress, unknown), gets {@link ReviewResult.Status#NOT_HELD}
     * and nothing is sent or written. The delivery keys its messages by run id as for every run, so even a
     * delivery repeated by hand after a failure would not send twice. A process that dies between the claim
     * and the final record leaves the run in progress, with its review stage naming the reviewer; it is not
     * held any more, so it is never delivered twice. Listeners see the review's stages, not a second start
     * or end of the run.
     *
     * @param shopId the run's shop
     * @param runId the run
     * @param decision the decision
     * @return what was done: {@link ReviewResult.Status#DECIDED} with the run's new record, or why not
     * @throws IllegalStateException when the pipeline is not running
     * @throws IllegalArgumentException when the run belongs to another pipeline
     * @throws dev.aihq.api.error.StoreException when the run log or the journal cannot be read or written (a
     *     claimed run whose final record cannot be written stays in progress)
     */
    public ReviewResult deliverReviewed(ShopId shopId, RunId runId, ReviewDecision<R> decision) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(runId, "run id");
        Objects.requireNonNull(decision, "decision");
        if (state != State.RUNNING) {
            throw new IllegalStateException("pipeline '" + name + "' is " + (state == State.NEW
                    ? "not started: call start() first" : "stopped and delivers no reviewed runs"));
        }
        Optional<RunRecord> found = runLog.find(shopId, runId);
        if (found.isEmpty()) {
            return new ReviewResult(ReviewResult.Status.NOT_HELD, "shop '" + shopId + "' has no run " + runId, null);
        }
        RunRecord held = found.get();
        if (!held.pipeline().equals(name)) {
            throw new IllegalArgumentException("run " + runId + " belongs to pipeline '" + held.pipeline()
                    + "', not to '" + name + "'");
        }
        if (held.outcome() != RunOutcome.HELD_FOR_REVIEW) {
            return notHeld(held);
        }
        if (decision.verdict() == ReviewDecision.Verdict.APPROVED
                && !sameJson(held.resultJson(), writeResult(Objects.requireNonNull(decision.result())))) {
            return new ReviewResult(ReviewResult.Status.DRAFT_CHANGED, "the approved draft is not the draft run "
                    + runId + " holds now: read the run again", held);
        }

        long t = System.nanoTime();
        List<StageRecord> stages = new ArrayList<>(held.stages());
        stages.add(stage(runId, Stages.REVIEW, t, StageStatus.OK, decision.describe()));
        RunRecord claimed = new RunRecord(runId, shopId, name, held.eventType(), held.idempotencyKey(),
                held.startedAt(), null, null, "", stages, held.agent(), held.resultJson(), null, null);
        if (!runLog.replaceIf(RunOutcome.HELD_FOR_REVIEW, claimed)) {
            return runLog.find(shopId, runId).map(this::notHeld).orElseGet(() -> new ReviewResult(
                    ReviewResult.Status.NOT_HELD, "shop '" + shopId + "' has no run " + runId, null));
        }
        List<Runnable> deferred = new ArrayList<>(2);
        RunRecord result;
        try {
            result = review(held, stages, decision, deferred::add);
        } catch (RuntimeException | Error e) {
            LOG.error("Review of run {} of pipeline '{}' broke unexpectedly", runId, name, e);
            result = finish(held, stages, RunOutcome.FAILED, "unexpected error after " + decision.describe() + ": "
                    + describe(e), held.agent(), held.resultJson(), null);
        }
        RunRecord ended = result;
        int[] applied = {0};
        try {
            // As at the end of every run: the final record and the delivery's deferred writes commit together.
            transactions.inTransaction(() -> {
                runLog.save(ended);
                for (Runnable write : deferred) {
                    write.run();
                    applied[0]++;
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.error("Review of run {} of pipeline '{}' ended {} but its record could not be written; the run stays"
                    + " in progress with its review stage", runId, name, ended.outcome(), e);
            writeEach(runId, transactions == Transactions.NONE ? deferred.subList(applied[0], deferred.size())
                    : deferred);
            throw e;
        }
        return new ReviewResult(ReviewResult.Status.DECIDED, ended.reason(), ended);
    }

    /** The stages of a claimed review after its review stage; returns the run's new record. */
    private RunRecord review(RunRecord held, List<StageRecord> stages, ReviewDecision<R> decision,
            DeferredWrites writes) {
        RunId runId = held.runId();
        String decided = decision.describe();
        if (decision.verdict() == ReviewDecision.Verdict.REJECTED) {
            return finish(held, stages, RunOutcome.REJECTED, decided, held.agent(), held.resultJson(), null);
        }
        R reviewed = Objects.requireNonNull(decision.result(), "result");
        String reviewedJson = writeResult(reviewed);

        long t = System.nanoTime();
        Optional<JournalEntry> entry = journal.find(held.shopId(), held.idempotencyKey());
        Optional<Shop> found = shops.find(held.shopId());
        String rejection = gate(held.shopId(), found);
        if (rejection == null && (entry.isEmpty() || !isEvent(entry.get().event()))) {
            rejection = "the run's event is no longer in the journal (erased or purged): nothing can be delivered";
        }
        if (rejection != null) {
            stages.add(stage(runId, Stages.SHOP_GATE, t, StageStatus.FAILED, rejection));
            return finish(held, stages, RunOutcome.REJECTED, rejection + " (" + decided + ")", held.agent(),
                    reviewedJson, null);
        }
        stages.add(stage(runId, Stages.SHOP_GATE, t, StageStatus.OK, ""));
        Shop shop = found.orElseThrow();
        @SuppressWarnings("unchecked")
        E event = (E) entry.orElseThrow().event();

        List<String> missingNames = new ArrayList<>();
        String[] contextFailure = new String[1];
        C context = prepareContext(event, shop, runId, clock.instant(), stages, missingNames, contextFailure);
        if (context == null) {
            return finish(held, stages, RunOutcome.HELD_FOR_REVIEW, contextFailure[0] + "; nothing was sent, decide"
                    + " again (" + decided + ")", held.agent(), reviewedJson, null);
        }

        t = System.nanoTime();
        GuardDecision<R> guarded;
        try {
            guarded = Objects.requireNonNull(guard.check(context, reviewed, shop), "the guard returned null");
        } catch (RuntimeException e) {
            String reason = "the guard failed: " + describe(e);
            stages.add(stage(runId, Stages.GUARD, t, StageStatus.FAILED, reason));
            return finish(held, stages, RunOutcome.HELD_FOR_REVIEW, reason + "; nothing was sent", held.agent(),
                    reviewedJson, null);
        }
        R result = guarded.result();
        switch (guarded.verdict()) {
            case HOLD:
                stages.add(stage(runId, Stages.GUARD, t, StageStatus.OK, "held: " + guarded.reason()));
                return finish(held, stages, RunOutcome.HELD_FOR_REVIEW, guarded.reason(), held.agent(),
                        writeResult(result), null);
            case FAIL:
                stages.add(stage(runId, Stages.GUARD, t, StageStatus.FAILED, guarded.reason()));
                return finish(held, stages, RunOutcome.HELD_FOR_REVIEW, guarded.reason(), held.agent(),
                        writeResult(result), null);
            default:
                stages.add(stage(runId, Stages.GUARD, t, StageStatus.OK, guarded.reason()));
        }
        String resultJson = writeResult(result);

        return deliverAndFinish(held, new DeliveryRequest<>(event, context, result, shop, runId, clock.instant(),
                writes), stages, missingNames, held.agent(), resultJson, " (" + decided + ")");
    }

    /** Tells whether a journaled event is one this pipeline can deliver for (not erased, of its class). */
    private boolean isEvent(HqEvent event) {
        if (event instanceof dev.aihq.api.store.ErasedEvent) {
            return false;
        }
        return eventClass == null || eventClass.isInstance(event);
    }

    /** The answer for a run that is not held: in progress, or ended otherwise. */
    private ReviewResult notHeld(RunRecord run) {
        String state = run.inProgress() ? "is in progress (being decided by another reviewer, or still running)"
                : "ended " + run.outcome() + " (" + run.reason() + ")";
        return new ReviewResult(ReviewResult.Status.NOT_HELD, "run " + run.runId() + " is not held for review: it "
                + state, run);
    }

    /** Compares two JSON texts as JSON (a JSON column may reorder keys); unreadable text compares as text. */
    private static boolean sameJson(@Nullable String a, @Nullable String b) {
        if (a == null || b == null) {
            return a == b;
        }
        try {
            return SdkJson.mapper().readTree(a).equals(SdkJson.mapper().readTree(b));
        } catch (java.io.IOException e) {
            return a.equals(b);
        }
    }

    private @Nullable String gate(ShopId shopId, Optional<Shop> shop) {
        if (shop.isEmpty()) {
            return "unknown shop '" + shopId + "'";
        }
        if (!shop.get().active()) {
            return "shop '" + shopId + "' is inactive";
        }
        if (unavailableReason != null) {
            return unavailableReason;
        }
        if (!timeZoneDataCurrent && shop.get().settings().requireCurrentTimeZoneData()) {
            return "the JVM's time-zone data is out of date (Asia/Almaty is not UTC+5) and shop '" + shopId
                    + "' requires current data; update the JDK or its tzdata";
        }
        return null;
    }

    private Submission duplicate(ShopId shopId, RunId firstRunId) {
        InFlight running = inFlight.get(firstRunId);
        if (running != null) {
            return new Submission(Submission.Kind.DUPLICATE, firstRunId, running.record, running.future);
        }
        Optional<RunRecord> first = runLog.find(shopId, firstRunId);
        if (first.isPresent() && !first.get().inProgress()) {
            return new Submission(Submission.Kind.DUPLICATE, firstRunId, first.get(),
                    CompletableFuture.completedFuture(first.get()));
        }
        // The first run is in flight elsewhere (another instance) or its record is not yet written.
        return new Submission(Submission.Kind.DUPLICATE, firstRunId, first.orElse(null), new CompletableFuture<>());
    }

    private void runStages(E event, Shop shop, RunId runId, RunRecord started, List<StageRecord> stages,
            InFlight flight) {
        RunRecord result;
        try {
            result = execute(event, shop, runId, started, stages, flight::defer);
        } catch (RuntimeException | Error e) {
            LOG.error("Run {} of pipeline '{}' broke unexpectedly", runId, name, e);
            result = finish(started, stages, RunOutcome.FAILED, "unexpected error: " + describe(e), null, null, null);
        }
        end(flight, runId, result);
    }

    /**
     * Ends a journaled run: saves its final record, then marks its journal entry finished, then completes
     * it. When the record cannot be saved the entry stays unfinished, so that the run is resumed once its
     * lease expires and its record written then; when only the mark fails, the run may be resumed once
     * more, which the run id makes harmless.
     */
    private void end(InFlight flight, RunId runId, RunRecord result) {
        List<Runnable> writes = flight.takeDeferred();
        if (!heldStill(flight)) {
            LOG.warn("Run {} of pipeline '{}' ended {} after its lease expired and another worker took it over: the"
                    + " record of that worker's run stands", runId, name, result.outcome());
            writeEach(runId, writes);
            complete(flight, runId, result);
            return;
        }
        int[] applied = {0};
        try {
            // The stages' deferred writes, the final record and the journal's finished mark commit together:
            // a run is either finished with its record, or resumed when its lease expires (its run id makes
            // that harmless).
            transactions.inTransaction(() -> {
                runLog.save(result);
                journal.markFinished(result.shopId(), result.idempotencyKey(),
                        Objects.requireNonNull(result.finishedAt(), "finished at"));
                // Last: a deferred write may update a row every run updates (a shop's token usage of the day),
                // whose lock is then held only until the commit.
                for (Runnable write : writes) {
                    write.run();
                    applied[0]++;
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.error("Run {} of pipeline '{}' ended {} but its record or the journal's finished mark could not be"
                    + " written; it is resumed when its lease expires", runId, name, result.outcome(), e);
            // The deferred writes record what did happen (a message went out, tokens were spent) and must not
            // go with the failed unit: a unit of real transactions kept none of them, Transactions.NONE kept
            // those before the failure.
            writeEach(runId, transactions == Transactions.NONE ? writes.subList(applied[0], writes.size()) : writes);
        }
        complete(flight, runId, result);
    }

    /** Makes deferred writes one by one, outside any unit; a failing one is logged and the others go on. */
    private void writeEach(RunId runId, List<Runnable> writes) {
        for (Runnable write : writes) {
            try {
                write.run();
            } catch (RuntimeException e) {
                LOG.error("Run {} of pipeline '{}' could not make a write its stages deferred", runId, name, e);
            }
        }
    }

    private RunRecord execute(E event, Shop shop, RunId runId, RunRecord started, List<StageRecord> stages,
            DeferredWrites writes) {
        Optional<String> recordedOnly;
        try {
            recordedOnly = Objects.requireNonNull(endAfterRecording.apply(event), "the end-after-recording rule"
                    + " returned null");
        } catch (RuntimeException e) {
            return finish(started, stages, RunOutcome.FAILED, "deciding whether the run ends after recording failed: "
                    + describe(e), null, null, null);
        }
        if (recordedOnly.isPresent()) {
            return finish(started, stages, RunOutcome.COMPLETED, recordedOnly.get(), null, null, null);
        }
        Instant now = clock.instant();
        List<String> missingNames = new ArrayList<>();
        String[] contextFailure = new String[1];
        C context = prepareContext(event, shop, runId, now, stages, missingNames, contextFailure);
        if (context == null) {
            return finish(started, stages, RunOutcome.FAILED, contextFailure[0], null, null, null);
        }

        long t = System.nanoTime();
        AgentOutput<R> output;
        try {
            output = Objects.requireNonNull(Objects.requireNonNull(agent).run(
                    new AgentInput<>(context, shop, runId, now, writes)), "the agent returned null");
        } catch (RuntimeException e) {
            String reason = "the agent failed: " + describe(e);
            stages.add(stage(runId, Stages.AGENT, t, StageStatus.FAILED, reason));
            return finish(started, stages, RunOutcome.FAILED, reason, null, null, null);
        }
        AgentTrace trace = output.trace();
        stages.add(stage(runId, Stages.AGENT, t, StageStatus.OK, trace.path() == dev.aihq.api.store.AgentPath.MODEL
                ? "model " + trace.model() : trace.requiresReview() ? "rejected: " + trace.fallbackReason()
                : "fallback: " + trace.fallbackReason()));

        t = System.nanoTime();
        GuardDecision<R> decision;
        try {
            decision = Objects.requireNonNull(guard.check(context, output.result(), shop), "the guard returned null");
        } catch (RuntimeException e) {
            String reason = "the guard failed: " + describe(e);
            stages.add(stage(runId, Stages.GUARD, t, StageStatus.FAILED, reason));
            return finish(started, stages, RunOutcome.FAILED, reason, trace, writeResult(output.result()), null);
        }
        R result = decision.result();
        if (trace.requiresReview()) {
            // The agent could not make its draft acceptable and the shop wants such drafts seen by a person: the
            // draft waits for review, with the agent's reasons and the guard's, and nothing is sent.
            String reason = "the draft was rejected: " + trace.fallbackReason()
                    + (decision.verdict() == GuardDecision.Verdict.ACCEPT ? "" : "; " + decision.reason());
            stages.add(stage(runId, Stages.GUARD, t, StageStatus.OK, "held: " + reason));
            return finish(started, stages, RunOutcome.HELD_FOR_REVIEW, reason, trace, writeResult(result), null);
        }
        switch (decision.verdict()) {
            case HOLD:
                stages.add(stage(runId, Stages.GUARD, t, StageStatus.OK, "held: " + decision.reason()));
                return finish(started, stages, RunOutcome.HELD_FOR_REVIEW, decision.reason(), trace,
                        writeResult(result), null);
            case FAIL:
                stages.add(stage(runId, Stages.GUARD, t, StageStatus.FAILED, decision.reason()));
                return finish(started, stages, RunOutcome.FAILED, "the guard refused the result: "
                        + decision.reason(), trace, writeResult(result), null);
            default:
                stages.add(stage(runId, Stages.GUARD, t, StageStatus.OK, decision.reason()));
        }
        // Written outside the stages' clocks: the run log's own cost is not the guard's or the delivery's.
        String resultJson = writeResult(result);

        return deliverAndFinish(started, new DeliveryRequest<>(event, context, result, shop, runId, clock.instant(),
                writes), stages, missingNames, trace, resultJson, "");
    }

    /**
     * The deliver stage, shared by a run and a reviewed run: delivers, records the stage and ends the run with
     * the delivery's outcome; {@code note} follows the reason (e.g. who approved it), then what the run went
     * without.
     */
    private RunRecord deliverAndFinish(RunRecord base, DeliveryRequest<E, C, R> request, List<StageRecord> stages,
            List<String> missingNames, @Nullable AgentTrace trace, @Nullable String resultJson, String note) {
        long t = System.nanoTime();
        DeliveryResult delivered;
        try {
            delivered = Objects.requireNonNull(delivery.deliver(request), "the delivery returned null");
        } catch (RuntimeException e) {
            String reason = "delivery failed: " + describe(e);
            stages.add(stage(request.runId(), Stages.DELIVER, t, StageStatus.FAILED, reason));
            return finish(base, stages, RunOutcome.FAILED, reason + note, trace, resultJson, null);
        }
        stages.add(stage(request.runId(), Stages.DELIVER, t, delivered.outcome().isSuccess() ? StageStatus.OK
                : StageStatus.FAILED, delivered.reason()));
        String reason = delivered.reason() + note;
        if (!missingNames.isEmpty()) {
            reason = reason + " (degraded: without " + String.join(", ", missingNames) + ")";
        }
        return finish(base, stages, delivered.outcome(), reason, trace, resultJson, delivered);
    }

    /**
     * The gather-context and prepare stages: adds their records to {@code stages} and the names of failed
     * optional sources to {@code missingNames}. Returns the context, or null with the reason in
     * {@code failure[0]} when a required source or the assembler failed.
     */
    private @Nullable C prepareContext(E event, Shop shop, RunId runId, Instant now, List<StageRecord> stages,
            List<String> missingNames, String[] failure) {
        SourceRequest<E> request = new SourceRequest<>(event, shop, runId, now);
        long t = System.nanoTime();
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        String requiredFailure = gather(request, values, missingNames, missing);
        if (requiredFailure != null) {
            stages.add(stage(runId, Stages.GATHER_CONTEXT, t, StageStatus.FAILED, requiredFailure));
            failure[0] = requiredFailure;
            return null;
        }
        stages.add(stage(runId, Stages.GATHER_CONTEXT, t, missing.isEmpty() ? StageStatus.OK : StageStatus.DEGRADED,
                String.join("; ", missing)));

        t = System.nanoTime();
        try {
            C context = Objects.requireNonNull(Objects.requireNonNull(assembler).assemble(event, shop,
                    new GatheredContext(values, missingNames)), "the assembler returned null");
            stages.add(stage(runId, Stages.PREPARE, t, StageStatus.OK, ""));
            return context;
        } catch (RuntimeException e) {
            String reason = "preparing the context failed: " + describe(e);
            stages.add(stage(runId, Stages.PREPARE, t, StageStatus.FAILED, reason));
            failure[0] = reason;
            return null;
        }
    }

    /**
     * Runs every source in parallel with its deadline. Fills the values and, for failed optional
     * sources, their names and what went wrong. Returns the failure of a required source, or null.
     */
    private @Nullable String gather(SourceRequest<E> request, Map<String, Object> values,
            List<String> missingNames, List<String> missing) {
        if (sources.isEmpty()) {
            return null;
        }
        // Every source starts now; each is waited for until its own deadline measured from this start.
        // Waiting with a bounded get() rather than orTimeout() keeps timer tasks off the hot path.
        long start = System.nanoTime();
        List<CompletableFuture<Object>> futures = new ArrayList<>(sources.size());
        for (ContextSource<E, ?> source : sources) {
            CompletableFuture<Object> f;
            try {
                f = CompletableFuture.supplyAsync(() -> source.fetch(request), contextExecutor);
            } catch (RejectedExecutionException e) {
                f = CompletableFuture.failedFuture(e);
            }
            futures.add(f);
        }
        String requiredFailure = null;
        for (int i = 0; i < sources.size(); i++) {
            ContextSource<E, ?> source = sources.get(i);
            CompletableFuture<Object> future = futures.get(i);
            String problem;
            try {
                long left = source.deadline().toNanos() - (System.nanoTime() - start);
                Object value = future.isDone() ? future.join() : future.get(Math.max(0, left), TimeUnit.NANOSECONDS);
                if (value != null) {
                    values.put(source.name(), value);
                    continue;
                }
                problem = "returned nothing";
            } catch (TimeoutException e) {
                future.cancel(false);
                problem = "timed out after " + source.deadline().toMillis() + " ms";
            } catch (ExecutionException | CompletionException e) {
                problem = "failed: " + describe(e.getCause() == null ? e : e.getCause());
            } catch (java.util.concurrent.CancellationException e) {
                problem = "was cancelled";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                problem = "was interrupted";
            }
            if (source.required()) {
                if (requiredFailure == null) {
                    requiredFailure = "required context source '" + source.name() + "' " + problem;
                }
            } else {
                missingNames.add(source.name());
                missing.add("optional source '" + source.name() + "' " + problem);
            }
        }
        return requiredFailure;
    }

    private @Nullable String writeResult(R result) {
        try {
            return resultWriter.apply(result);
        } catch (RuntimeException e) {
            LOG.warn("Pipeline '{}' could not write its result as JSON", name, e);
            return null;
        }
    }

    private RunRecord finish(RunRecord started, List<StageRecord> stages, RunOutcome outcome, String reason,
            @Nullable AgentTrace trace, @Nullable String resultJson, @Nullable DeliveryResult delivered) {
        return new RunRecord(started.runId(), started.shopId(), started.pipeline(), started.eventType(),
                started.idempotencyKey(), started.startedAt(), clock.instant(), outcome, reason, stages, trace,
                resultJson, delivered == null ? null : delivered.scheduledFor(),
                delivered == null ? null : delivered.providerMessageId());
    }

    private void complete(InFlight flight, RunId runId, RunRecord result) {
        notifyFinished(result);
        inFlight.remove(runId);
        flight.future.complete(result);
    }

    private void notifyFinished(RunRecord record) {
        for (PipelineListener l : listeners) {
            try {
                l.onRunFinished(name, record);
            } catch (RuntimeException e) {
                LOG.warn("Pipeline listener {} failed on run end; ignored", l, e);
            }
        }
    }

    private StageRecord stage(RunId runId, String stageName, long startNanos, StageStatus status, String detail) {
        StageRecord record = new StageRecord(stageName, Duration.ofNanos(System.nanoTime() - startNanos), status,
                detail);
        for (PipelineListener l : listeners) {
            try {
                l.onStage(name, runId, record);
            } catch (RuntimeException e) {
                LOG.warn("Pipeline listener {} failed on a stage; ignored", l, e);
            }
        }
        return record;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** The host's name and a short random suffix, so that two pipelines on one host are two workers. */
    private static String defaultWorker() {
        return HostName.VALUE + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0x1000000));
    }

    /** The host's name, looked up once (a lookup can be slow on a badly configured host). */
    private static final class HostName {
        static final String VALUE = lookUp();

        private static String lookUp() {
            String host = System.getenv("HOSTNAME");
            if (host == null || host.isBlank()) {
                host = System.getenv("COMPUTERNAME");
            }
            if (host == null || host.isBlank()) {
                try {
                    host = InetAddress.getLocalHost().getHostName();
                } catch (java.io.IOException | SecurityException e) {
                    host = "hq";
                }
            }
            host = host.strip();
            return host.length() > 180 ? host.substring(0, 180) : host;
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread thread = new Thread(r, prefix + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Builds an {@link AgentPipeline}. Required: the shop store, journal, run log, executor, and either
     * an assembler with an agent, or {@link #unavailable(String)}. {@link #build()} reports every missing
     * part at once. Not thread-safe.
     *
     * @param <E> the event type
     * @param <C> the context type
     * @param <R> the result type
     */
    public static final class Builder<E extends HqEvent, C, R> {
        private final String name;
        private @Nullable ShopStore shops;
        private @Nullable EventJournal journal;
        private @Nullable RunLog runLog;
        private Clock clock = Clock.systemUTC();
        private @Nullable Executor executor;
        private @Nullable Executor contextExecutor;
        private final List<ContextSource<E, ?>> sources = new ArrayList<>();
        private @Nullable ContextAssembler<E, C> assembler;
        private @Nullable Agent<C, R> agent;
        private Guard<C, R> guard = Guard.acceptAll();
        private Delivery<E, C, R> delivery = Delivery.complete();
        private final List<Consumer<? super E>> recorders = new ArrayList<>();
        private Function<? super E, Optional<String>> endAfterRecording = event -> Optional.empty();
        private Function<? super R, String> resultWriter = SdkJson::write;
        private final List<PipelineListener> listeners = new ArrayList<>();
        private TimeZoneDataCheck timeZoneCheck = TimeZoneDataCheck.jvm();
        private @Nullable String unavailableReason;
        private Duration drainTimeout = Duration.ofSeconds(30);
        private @Nullable String worker;
        private Duration runLease = Duration.ofMinutes(10);
        private Transactions transactions = Transactions.NONE;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private final List<String> resumePrefixes = new ArrayList<>();
        private Duration recoveryInterval = Duration.ofSeconds(30);
        private @Nullable Class<E> eventClass;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * Sets the shop store (required).
         *
         * @param shops the store
         * @return this builder
         */
        public Builder<E, C, R> shops(ShopStore shops) {
            this.shops = shops;
            return this;
        }

        /**
         * Sets the event journal (required).
         *
         * @param journal the journal
         * @return this builder
         */
        public Builder<E, C, R> journal(EventJournal journal) {
            this.journal = journal;
            return this;
        }

        /**
         * Sets the run log (required).
         *
         * @param runLog the run log
         * @return this builder
         */
        public Builder<E, C, R> runLog(RunLog runLog) {
            this.runLog = runLog;
            return this;
        }

        /**
         * Sets how store writes are grouped into commits, usually {@code stores.transactions()}. With the
         * JDBC stores' transactions a run takes two commits of its own: the journal entry, the
         * {@linkplain #recordEvent recorders}' writes and the in-progress record in one, the final record and
         * the journal's finished mark in another. Defaults to {@link Transactions#NONE}: each write on its
         * own, which is what stores without transactions (the in-memory ones) do anyway.
         *
         * @param transactions the stores' transactions
         * @return this builder
         */
        public Builder<E, C, R> transactions(Transactions transactions) {
            this.transactions = Objects.requireNonNull(transactions, "transactions");
            return this;
        }

        /**
         * Sets how many times a journaled run may be started before it is given up: once when journaled,
         * and once more each time {@link AgentPipeline#resumeExpired()} takes it over from a worker that
         * stopped. A run that keeps stopping its process (an event that exhausts memory, say) would otherwise
         * be resumed forever, taking one instance down after another; past the limit it ends FAILED with
         * the reason, and is not resumed again. Default {@value AgentPipeline#DEFAULT_MAX_ATTEMPTS}.
         *
         * @param attempts at least 1 (1: a run lost with its worker is never resumed, only ended FAILED)
         * @return this builder
         * @throws IllegalArgumentException when {@code attempts} is below 1
         */
        public Builder<E, C, R> maxAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("max attempts must be at least 1, got " + attempts);
            }
            this.maxAttempts = attempts;
            return this;
        }

        /**
         * Sets the clock; default the system UTC clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder<E, C, R> clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Sets the executor runs go on (required). Java 21+ users may pass
         * {@code Executors.newVirtualThreadPerTaskExecutor()}.
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder<E, C, R> executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        /**
         * Sets the executor context sources run on; by default the pipeline owns a cached pool of daemon
         * threads, released by {@link AgentPipeline#close()}. Do not pass a small fixed pool shared with
         * the run executor: a run waits for its sources.
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder<E, C, R> contextExecutor(Executor executor) {
            this.contextExecutor = executor;
            return this;
        }

        /**
         * Adds a context source; names must be unique.
         *
         * @param source the source
         * @return this builder
         */
        public Builder<E, C, R> source(ContextSource<E, ?> source) {
            sources.add(Objects.requireNonNull(source, "source"));
            return this;
        }

        /**
         * Sets the prepare stage.
         *
         * @param assembler the assembler
         * @return this builder
         */
        public Builder<E, C, R> assembler(ContextAssembler<E, C> assembler) {
            this.assembler = assembler;
            return this;
        }

        /**
         * Sets the agent stage.
         *
         * @param agent the agent
         * @return this builder
         */
        public Builder<E, C, R> agent(Agent<C, R> agent) {
            this.agent = agent;
            return this;
        }

        /**
         * Sets the guard; default accepts everything.
         *
         * @param guard the guard
         * @return this builder
         */
        public Builder<E, C, R> guard(Guard<C, R> guard) {
            this.guard = guard;
            return this;
        }

        /**
         * Sets the delivery; default completes without sending.
         *
         * @param delivery the delivery
         * @return this builder
         */
        public Builder<E, C, R> delivery(Delivery<E, C, R> delivery) {
            this.delivery = delivery;
            return this;
        }

        /**
         * Adds a step run in the journal stage right after the event is journaled (the seed's "Save
         * Purchase"), in the same unit of work as the journal entry ({@link #transactions}). It must be
         * idempotent: a resumed run records its event again. If it throws, the run fails; with
         * transactions, the event is first journaled again on its own, so that its redeliveries still
         * answer duplicate.
         *
         * @param recorder the step
         * @return this builder
         */
        public Builder<E, C, R> recordEvent(Consumer<? super E> recorder) {
            recorders.add(Objects.requireNonNull(recorder, "recorder"));
            return this;
        }

        /**
         * Ends the runs of some events right after the journal stage, as {@code COMPLETED} with the reason the
         * rule gives, without context, agent, guard or delivery: events whose recording is all there is to do
         * (an order cancelled or returned, whose recorder cancels the order's pending messages). By default
         * every run goes on. A rule that throws fails the run.
         *
         * @param rule gives the reason for an event whose run ends after recording, empty for the others
         * @return this builder
         */
        public Builder<E, C, R> endAfterRecording(Function<? super E, Optional<String>> rule) {
            this.endAfterRecording = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /**
         * Sets how results are written as JSON into the run log; default the SDK's snake_case JSON.
         *
         * @param writer the writer
         * @return this builder
         */
        public Builder<E, C, R> resultWriter(Function<? super R, String> writer) {
            this.resultWriter = writer;
            return this;
        }

        /**
         * Adds a listener.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder<E, C, R> listener(PipelineListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Replaces the time-zone data check, for tests.
         *
         * @param check the check
         * @return this builder
         */
        public Builder<E, C, R> timeZoneCheck(TimeZoneDataCheck check) {
            this.timeZoneCheck = check;
            return this;
        }

        /**
         * Makes this a pipeline whose agent is not available yet: known, active shops are rejected at the
         * gate with this reason and nothing is journaled, so the same event can be sent again once the
         * agent is available.
         *
         * @param reason e.g. "the legal agent is not available yet"
         * @return this builder
         */
        public Builder<E, C, R> unavailable(String reason) {
            this.unavailableReason = Objects.requireNonNull(reason, "reason");
            return this;
        }

        /**
         * Sets how long {@link AgentPipeline#close()} waits for runs in flight; default 30 s.
         *
         * @param timeout the drain timeout
         * @return this builder
         */
        public Builder<E, C, R> drainTimeout(Duration timeout) {
            this.drainTimeout = timeout;
            return this;
        }

        /**
         * Sets the name of the worker that holds this pipeline's runs in the journal; it must differ
         * between application instances (and between pipelines sharing a journal). Default: the host's
         * name with a short random suffix.
         *
         * @param worker 1 to {@value RunLease#MAX_WORKER_LENGTH} characters
         * @return this builder
         */
        public Builder<E, C, R> worker(String worker) {
            this.worker = Objects.requireNonNull(worker, "worker");
            return this;
        }

        /**
         * Sets how long a run's lease on its journal entry lasts; default 10 min. A run still unfinished
         * when its lease expires is resumed by another worker, so make it longer than runs take; a pipeline
         * with a recovery thread renews the leases of its longer runs.
         *
         * @param lease the lease, positive
         * @return this builder
         */
        public Builder<E, C, R> runLease(Duration lease) {
            this.runLease = Objects.requireNonNull(lease, "lease");
            return this;
        }

        /**
         * Sets which journaled event types this pipeline resumes when their runs were lost, by prefix of
         * {@link HqEvent#type()} (e.g. {@code purchase}, or {@code finance.} for every finance event); by
         * default none, and the pipeline resumes nothing. Requires {@link #eventClass(Class)}. Give each
         * event type to exactly one pipeline.
         *
         * @param eventTypePrefixes the prefixes
         * @return this builder
         */
        public Builder<E, C, R> resumes(String... eventTypePrefixes) {
            for (String prefix : eventTypePrefixes) {
                resumePrefixes.add(Objects.requireNonNull(prefix, "event type prefix"));
            }
            return this;
        }

        /**
         * Sets the class of this pipeline's events, through which resumed journal entries are cast back to
         * {@code E}; required with {@link #resumes(String...)}.
         *
         * @param eventClass e.g. {@code PurchaseEvent.class}
         * @return this builder
         */
        public Builder<E, C, R> eventClass(Class<E> eventClass) {
            this.eventClass = Objects.requireNonNull(eventClass, "eventClass");
            return this;
        }

        /**
         * Sets how often the recovery thread renews leases and resumes expired runs; default 30 s. Zero
         * starts no thread: call {@link AgentPipeline#resumeExpired()} yourself.
         *
         * @param interval the interval, zero or positive
         * @return this builder
         */
        public Builder<E, C, R> recoveryInterval(Duration interval) {
            this.recoveryInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /**
         * Builds the pipeline (not yet started).
         *
         * @return the pipeline
         * @throws ConfigurationException listing every missing or inconsistent part
         */
        public AgentPipeline<E, C, R> build() {
            List<String> problems = new ArrayList<>();
            if (shops == null) {
                problems.add("shops (a ShopStore) is missing");
            }
            if (journal == null) {
                problems.add("journal (an EventJournal) is missing");
            }
            if (runLog == null) {
                problems.add("runLog (a RunLog) is missing");
            }
            if (executor == null) {
                problems.add("executor is missing");
            }
            if (unavailableReason == null) {
                if (assembler == null) {
                    problems.add("assembler is missing");
                }
                if (agent == null) {
                    problems.add("agent is missing");
                }
            }
            if (worker != null && (worker.isBlank() || worker.length() > RunLease.MAX_WORKER_LENGTH)) {
                problems.add("worker must be 1 to " + RunLease.MAX_WORKER_LENGTH + " characters and not blank");
            }
            if (runLease.isZero() || runLease.isNegative()) {
                problems.add("runLease must be positive, got " + runLease);
            }
            if (recoveryInterval.isNegative()) {
                problems.add("recoveryInterval must not be negative, got " + recoveryInterval);
            }
            if (!resumePrefixes.isEmpty() && eventClass == null) {
                problems.add("eventClass is missing: the pipeline resumes " + resumePrefixes
                        + " and must cast journaled events back to its event type");
            }
            Set<String> names = new HashSet<>();
            for (ContextSource<E, ?> source : sources) {
                if (!names.add(source.name())) {
                    problems.add("context source name '" + source.name() + "' is used twice");
                }
            }
            if (!problems.isEmpty()) {
                throw new ConfigurationException("pipeline '" + name + "' is misconfigured: "
                        + String.join("; ", problems));
            }
            return new AgentPipeline<>(this);
        }
    }

    /** Thrown inside the journal's unit of work when the event is a duplicate: nothing is written. */
    private static final class Duplicate extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient RunId firstRunId;

        Duplicate(RunId firstRunId) {
            super(null, null, false, false);
            this.firstRunId = firstRunId;
        }
    }

    /** Thrown inside the journal's unit of work when a recorder fails; the message is the run's reason. */
    private static final class RecordingFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RecordingFailure(String reason, RuntimeException cause) {
            super(reason, cause);
        }
    }

    private static final class InFlight {
        final CompletableFuture<RunRecord> future = new CompletableFuture<>();
        /** Writes the stages deferred to the end of the run ({@link DeferredWrites}). */
        private final List<Runnable> deferred = new ArrayList<>(2);
        final ShopId shopId;
        final String idempotencyKey;
        volatile @Nullable RunRecord record;
        volatile Instant leaseUntil;
        volatile boolean leaseLost;

        InFlight(ShopId shopId, String idempotencyKey, Instant leaseUntil) {
            this.shopId = shopId;
            this.idempotencyKey = idempotencyKey;
            this.leaseUntil = leaseUntil;
        }

        synchronized void defer(Runnable write) {
            deferred.add(Objects.requireNonNull(write, "write"));
        }

        /** Returns the deferred writes and forgets them. */
        synchronized List<Runnable> takeDeferred() {
            if (deferred.isEmpty()) {
                return List.of();
            }
            List<Runnable> writes = List.copyOf(deferred);
            deferred.clear();
            return writes;
        }
    }
}

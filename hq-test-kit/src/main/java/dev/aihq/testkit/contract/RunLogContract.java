package dev.aihq.testkit.contract;

import static dev.aihq.testkit.Fixtures.OTHER_SHOP_ID;
import static dev.aihq.testkit.Fixtures.SHOP_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aihq.api.ShopId;
import dev.aihq.api.result.RunId;
import dev.aihq.api.result.RunOutcome;
import dev.aihq.api.store.RunLog;
import dev.aihq.api.store.RunRecord;
import dev.aihq.testkit.Concurrency;
import dev.aihq.testkit.Fixtures;
import dev.aihq.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import javax.annotation.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link RunLog}: a run is saved in progress and replaced when it finishes; runs are found
 * only in their own shop; recent runs come newest first by start time within a limit. A record's
 * {@code resultJson} is compared as JSON, not as text: a store may keep it in a JSON column that reorders
 * keys and drops spaces. Runs are listed by outcome (in progress never), and replaced only while they have an
 * expected outcome, by exactly one of concurrent callers. Subclass it and return a new empty run log from {@link #createStore()}.
 */
public abstract class RunLogContract extends StoreContract<RunLog> {

    /**
     * Not an ordering: answers 0 for the same run and 1 otherwise (see {@link #sameRun}), for AssertJ's
     * {@code usingElementComparator} and {@code usingValueComparator}.
     */
    protected static final Comparator<RunRecord> SAME_RUN = (a, b) -> sameRun(a, b) ? 0 : 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SettableClock clock = SettableClock.at(Fixtures.NOW, Fixtures.ALMATY);

    /** Creates the suite. */
    protected RunLogContract() {}

    /**
     * Returns the clock the suite takes start times from.
     *
     * @return the clock
     */
    protected SettableClock clock() {
        return clock;
    }

    /** A run saved in progress is found as it was saved. */
    @Test
    public void should_return_in_progress_record_when_run_has_started() {
        // given
        RunRecord started = Fixtures.startedRun(SHOP_ID, RunId.of("run-1"), clock().instant());

        // when
        store().save(started);

        // then
        assertThat(store().find(SHOP_ID, RunId.of("run-1"))).usingValueComparator(SAME_RUN).contains(started);
        assertThat(store().find(SHOP_ID, RunId.of("run-1")).orElseThrow().inProgress()).isTrue();
    }

    /** Saving the finished record replaces the in-progress one, with stages, agent trace and result. */
    @Test
    public void should_replace_in_progress_record_when_finished_record_is_saved() {
        // given
        RunRecord started = Fixtures.startedRun(SHOP_ID, RunId.of("run-1"), clock().instant());
        store().save(started);
        RunRecord finished = Fixtures.finishedRun(started);

        // when
        store().save(finished);

        // then
        assertThat(store().find(SHOP_ID, RunId.of("run-1"))).usingValueComparator(SAME_RUN).contains(finished);
        assertThat(store().recent(SHOP_ID, 10)).usingElementComparator(SAME_RUN).containsExactly(finished);
    }

    /** An unknown run is empty. */
    @Test
    public void should_return_empty_when_run_is_unknown() {
        // given
        store().save(Fixtures.startedRun(SHOP_ID, RunId.of("run-1"), clock().instant()));

        // when / then
        assertThat(store().find(SHOP_ID, RunId.of("run-404"))).isEmpty();
    }

    /** Tenant isolation: a run is never found or listed for another shop. */
    @Test
    public void should_not_return_run_when_asked_for_another_shop() {
        // given
        RunRecord mine = Fixtures.finishedRun(Fixtures.startedRun(SHOP_ID, RunId.of("run-1"), clock().instant()));
        RunRecord theirs = Fixtures.startedRun(OTHER_SHOP_ID, RunId.of("run-2"), clock().instant());
        store().save(mine);
        store().save(theirs);

        // when / then
        assertThat(store().find(OTHER_SHOP_ID, RunId.of("run-1"))).isEmpty();
        assertThat(store().find(SHOP_ID, RunId.of("run-2"))).isEmpty();
        assertThat(store().recent(SHOP_ID, 10)).usingElementComparator(SAME_RUN).containsExactly(mine);
        assertThat(store().recent(OTHER_SHOP_ID, 10)).usingElementComparator(SAME_RUN).containsExactly(theirs);
    }

    /** Recent runs come newest first by start time, whatever order they were saved in. */
    @Test
    public void should_list_newest_first_when_reading_recent_runs() {
        // given
        Instant t0 = clock().instant();
        RunRecord oldest = Fixtures.startedRun(SHOP_ID, RunId.of("run-1"), t0.minus(Duration.ofHours(2)));
        RunRecord middle = Fixtures.finishedRun(Fixtures.startedRun(SHOP_ID, RunId.of("run-2"),
                t0.minus(Duration.ofMinutes(5))));
        RunRecord newest = Fixtures.startedRun(SHOP_ID, RunId.of("run-3"), t0);
        store().save(newest);
        store().save(oldest);
        store().save(middle);

        // when
        List<RunRecord> recent = store().recent(SHOP_ID, 10);

        // then
        assertThat(recent).usingElementComparator(SAME_RUN).containsExactly(newest, middle, oldest);
    }

    /** At most {@code limit} runs come back: the newest ones. */
    @Test
    public void should_return_at_most_limit_when_reading_recent_runs() {
        // given
        for (int i = 1; i <= 5; i++) {
            store().save(Fixtures.startedRun(SHOP_ID, RunId.of("run-" + i), clock().advance(Duration.ofSeconds(1))));
        }

        // when
        List<RunRecord> recent = store().recent(SHOP_ID, 3);

        // then
        assertThat(recent).extracting(r -> r.runId().value()).containsExactly("run-5", "run-4", "run-3");
    }

    /**
     * Runs with an outcome come newest first by start time, runs started at the same instant by run id
     * descending; runs with another outcome and runs in progress are left out.
     */
    @Test
    public void should_list_runs_with_an_outcome_newest_first_when_reading_by_outcome() {
        // given
        Instant t0 = clock().instant();
        RunRecord oldest = ended(SHOP_ID, "run-1", t0.minus(Duration.ofHours(2)), RunOutcome.HELD_FOR_REVIEW);
        RunRecord tiedLow = ended(SHOP_ID, "run-2", t0.minus(Duration.ofMinutes(5)), RunOutcome.HELD_FOR_REVIEW);
        RunRecord tiedHigh = ended(SHOP_ID, "run-3", t0.minus(Duration.ofMinutes(5)), RunOutcome.HELD_FOR_REVIEW);
        RunRecord sent = ended(SHOP_ID, "run-4", t0.minus(Duration.ofMinutes(1)), RunOutcome.SENT);
        RunRecord running = Fixtures.startedRun(SHOP_ID, RunId.of("run-5"), t0);
        store().save(tiedHigh);
        store().save(running);
        store().save(oldest);
        store().save(sent);
        store().save(tiedLow);

        // when
        List<RunRecord> held = store().withOutcome(SHOP_ID, RunOutcome.HELD_FOR_REVIEW, 10);

        // then
        assertThat(held).usingElementComparator(SAME_RUN).containsExactly(tiedHigh, tiedLow, oldest);
        assertThat(store().withOutcome(SHOP_ID, RunOutcome.SENT, 10)).usingElementComparator(SAME_RUN)
                .containsExactly(sent);
        assertThat(store().withOutcome(SHOP_ID, RunOutcome.FAILED, 10)).isEmpty();
    }

    /** At most {@code limit} runs with an outcome come back: the newest ones, ties by run id. */
    @Test
    public void should_return_at_most_limit_when_reading_by_outcome() {
        // given
        Instant t0 = clock().instant();
        for (int i = 1; i <= 5; i++) {
            store().save(ended(SHOP_ID, "run-" + i, t0.plusSeconds(i / 2), RunOutcome.HELD_FOR_REVIEW));
        }
        store().save(ended(SHOP_ID, "run-9", t0.plusSeconds(60), RunOutcome.FAILED));

        // when
        List<RunRecord> held = store().withOutcome(SHOP_ID, RunOutcome.HELD_FOR_REVIEW, 2);

        // then: run-4 and run-5 started at t0 + 2 s
        assertThat(held).extracting(r -> r.runId().value()).containsExactly("run-5", "run-4");
        assertThat(store().withOutcome(SHOP_ID, RunOutcome.HELD_FOR_REVIEW, 3)).extracting(r -> r.runId().value())
                .containsExactly("run-5", "run-4", "run-3");
    }

    /** Tenant isolation: runs by outcome are never listed for another shop. */
    @Test
    public void should_not_list_another_shops_runs_when_reading_by_outcome() {
        // given
        RunRecord mine = ended(SHOP_ID, "run-1", clock().instant(), RunOutcome.HELD_FOR_REVIEW);
        RunRecord theirs = ended(OTHER_SHOP_ID, "run-2", clock().instant(), RunOutcome.HELD_FOR_REVIEW);
        store().save(mine);
        store().save(theirs);

        // when / then
        assertThat(store().withOutcome(SHOP_ID, RunOutcome.HELD_FOR_REVIEW, 10)).usingElementComparator(SAME_RUN)
                .containsExactly(mine);
        assertThat(store().withOutcome(OTHER_SHOP_ID, RunOutcome.HELD_FOR_REVIEW, 10))
                .usingElementComparator(SAME_RUN).containsExactly(theirs);
    }

    /** A run is replaced while it has the expected outcome, and then no longer. */
    @Test
    public void should_replace_run_only_while_it_has_the_expected_outcome() {
        // given
        RunRecord held = ended(SHOP_ID, "run-1", clock().instant(), RunOutcome.HELD_FOR_REVIEW);
        store().save(held);
        RunRecord claimed = RunRecord.started(held.runId(), held.shopId(), held.pipeline(), held.eventType(),
                held.idempotencyKey(), held.startedAt());
        RunRecord sent = ended(SHOP_ID, "run-1", held.startedAt(), RunOutcome.SENT);

        // when
        boolean first = store().replaceIf(RunOutcome.HELD_FOR_REVIEW, claimed);
        boolean second = store().replaceIf(RunOutcome.HELD_FOR_REVIEW, sent);

        // then
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(store().find(SHOP_ID, held.runId())).usingValueComparator(SAME_RUN).contains(claimed);
        assertThat(store().withOutcome(SHOP_ID, RunOutcome.HELD_FOR_REVIEW, 10)).isEmpty();
    }

    /** An unknown run, or a run of another shop, is never written by a conditional replacement. */
    @Test
    public void should_not_replace_unknown_run_or_another_shops_run() {
        // given
        RunRecord theirs = ended(OTHER_SHOP_ID, "run-1", clock().instant(), RunOutcome.HELD_FOR_REVIEW);
        store().save(theirs);
        RunRecord mine = ended(SHOP_ID, "run-1", clock().instant(), RunOutcome.SENT);

        // when
        boolean replaced = store().replaceIf(RunOutcome.HELD_FOR_REVIEW, mine);

        // then
        assertThat(replaced).isFalse();
        assertThat(store().find(SHOP_ID, RunId.of("run-1"))).isEmpty();
        assertThat(store().find(OTHER_SHOP_ID, RunId.of("run-1"))).usingValueComparator(SAME_RUN).contains(theirs);
    }

    /** Of several callers replacing one held run at once, exactly one succeeds. */
    @Test
    public void should_let_exactly_one_caller_replace_when_several_race() {
        // given
        RunRecord held = ended(SHOP_ID, "run-1", clock().instant(), RunOutcome.HELD_FOR_REVIEW);
        store().save(held);

        // when
        List<Boolean> results = Concurrency.race(8, i -> store().replaceIf(RunOutcome.HELD_FOR_REVIEW,
                new RunRecord(held.runId(), held.shopId(), held.pipeline(), held.eventType(), held.idempotencyKey(),
                        held.startedAt(), held.finishedAt(), RunOutcome.SENT, "reviewer " + i, held.stages(),
                        held.agent(), held.resultJson(), null, "msg-" + i)));

        // then
        assertThat(results).containsOnlyOnce(true);
        int winner = results.indexOf(true);
        assertThat(store().find(SHOP_ID, held.runId()).orElseThrow().reason()).isEqualTo("reviewer " + winner);
    }

    /**
     * Returns a finished run (as {@link Fixtures#finishedRun}) with another outcome and no message.
     *
     * @param shop the shop
     * @param runId the run id
     * @param startedAt when it started
     * @param outcome how it ended
     * @return the record
     */
    protected static RunRecord ended(ShopId shop, String runId, Instant startedAt, RunOutcome outcome) {
        RunRecord r = Fixtures.finishedRun(Fixtures.startedRun(shop, RunId.of(runId), startedAt));
        return new RunRecord(r.runId(), r.shopId(), r.pipeline(), r.eventType(), r.idempotencyKey(), r.startedAt(),
                r.finishedAt(), outcome, "ended " + outcome, r.stages(), r.agent(), r.resultJson(), null,
                outcome == RunOutcome.SENT ? "msg-" + runId : null);
    }

    /**
     * Tells whether two run records are the same run: every field equal, the result equal as JSON.
     *
     * @param a a record
     * @param b another record
     * @return {@code true} when they are the same
     */
    protected static boolean sameRun(RunRecord a, RunRecord b) {
        return withoutResult(a).equals(withoutResult(b)) && sameJson(a.resultJson(), b.resultJson());
    }

    private static RunRecord withoutResult(RunRecord r) {
        return new RunRecord(r.runId(), r.shopId(), r.pipeline(), r.eventType(), r.idempotencyKey(), r.startedAt(),
                r.finishedAt(), r.outcome(), r.reason(), r.stages(), r.agent(), null, r.scheduledFor(),
                r.providerMessageId());
    }

    private static boolean sameJson(@Nullable String a, @Nullable String b) {
        if (a == null || b == null) {
            return a == b;
        }
        try {
            return JSON.readTree(a).equals(JSON.readTree(b));
        } catch (JsonProcessingException e) {
            return a.equals(b);
        }
    }
}

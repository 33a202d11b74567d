package dev.aihq.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.ShopId;
import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.result.RunOutcome;
import dev.aihq.api.result.SalesOffer;
import dev.aihq.api.store.EventJournal;
import dev.aihq.api.store.JournalEntry;
import dev.aihq.api.store.RunLease;
import dev.aihq.api.store.RunRecord;
import dev.aihq.api.store.StageRecord;
import dev.aihq.api.store.StageStatus;
import dev.aihq.pipeline.delivery.DeliveryPolicy;
import dev.aihq.pipeline.delivery.MessageDelivery;
import dev.aihq.pipeline.memory.InMemoryOutbox;
import dev.aihq.testkit.Fixtures;
import dev.aihq.testkit.ForwardingEventJournal;
import dev.aihq.testkit.RecordingChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * No run is lost: a run journaled and accepted by one pipeline (instance A) that never finishes, because
 * its process died, is resumed by another (instance B) on the same stores once its lease has expired, under
 * the same run id and without a second message. Processes are simulated by pipelines on separate executors;
 * a "dead" instance is one whose delivery blocks on a latch and that is abandoned, not closed.
 */
class ResumeTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final PipelineHarness h = new PipelineHarness();
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final RecordingChannel channel = new RecordingChannel(h.clock);
    private final ExecutorService executorB = Executors.newFixedThreadPool(2);
    private final CountDownLatch deliveryEntered = new CountDownLatch(1);
    private final CountDownLatch releaseDelivery = new CountDownLatch(1);
    private final PurchaseEvent event = Fixtures.purchaseEvent();

    @AfterEach
    void tearDown() {
        releaseDelivery.countDown();
        executorB.shutdownNow();
        h.close();
    }

    private MessageDelivery<PurchaseEvent, String, SalesOffer> messageDelivery() {
        return MessageDelivery.<PurchaseEvent, String, SalesOffer>builder().channel(channel).outbox(outbox)
                .policy(DeliveryPolicy.immediate()).recipient(r -> r.event().customerContact())
                .text(SalesOffer::text).build();
    }

    /** Instance A: sends through the outbox, but its delivery hangs until released, as a dying process. */
    private AgentPipeline<PurchaseEvent, String, SalesOffer> hangingInstanceA() {
        MessageDelivery<PurchaseEvent, String, SalesOffer> delivery = messageDelivery();
        return h.pipeline().worker("instance-a").runLease(LEASE).delivery(request -> {
            deliveryEntered.countDown();
            try {
                releaseDelivery.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return delivery.deliver(request);
        }).build().start();
    }

    /** Instance B: same stores, its own executor and worker; resumes purchases when asked. */
    private AgentPipeline.Builder<PurchaseEvent, String, SalesOffer> instanceB() {
        return h.pipeline().executor(executorB).worker("instance-b").delivery(messageDelivery())
                .resumes(PurchaseEvent.TYPE).eventClass(PurchaseEvent.class).recoveryInterval(Duration.ZERO);
    }

    /** Submits the event to A and waits until A hangs in its delivery. */
    private Submission submitToHangingA() throws InterruptedException {
        Submission accepted = hangingInstanceA().submit(event);
        assertThat(accepted.kind()).isEqualTo(Submission.Kind.ACCEPTED);
        assertThat(deliveryEntered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("A reached its delivery").isTrue();
        return accepted;
    }

    private static StageRecord stage(RunRecord record, String name) {
        return record.stages().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void should_resume_the_run_once_with_its_run_id_when_its_instance_died() throws Exception {
        // given: A accepted the event (202) and died in its delivery; its lease has expired
        Submission accepted = submitToHangingA();
        h.clock.advance(LEASE.plusSeconds(1));
        AgentPipeline<PurchaseEvent, String, SalesOffer> b = instanceB().build().start();

        // when
        int resumed = b.resumeExpired();
        Submission redelivered = b.submit(event);
        RunRecord record = redelivered.await(WAIT).orElseThrow();

        // then: one run, the original run id, one message, and the redelivery is its duplicate
        assertThat(resumed).isEqualTo(1);
        assertThat(redelivered.kind()).isEqualTo(Submission.Kind.DUPLICATE);
        assertThat(redelivered.runId()).isEqualTo(accepted.runId());
        assertThat(record.runId()).isEqualTo(accepted.runId());
        assertThat(record.outcome()).isEqualTo(RunOutcome.SENT);
        assertThat(stage(record, Stages.JOURNAL).detail()).isEqualTo("resumed by instance-b");
        assertThat(h.runLog.find(Fixtures.SHOP_ID, accepted.runId())).contains(record);
        assertThat(h.runLog.recent(Fixtures.SHOP_ID, 10)).hasSize(1);
        assertThat(channel.sent()).singleElement()
                .satisfies(m -> assertThat(m.stableKey()).isEqualTo("run:" + accepted.runId().value()));
        assertThat(h.journal.unfinishedCount()).isZero();
        assertThat(b.resumeExpired()).isZero();
        Submission again = b.submit(event);
        assertThat(again.kind()).isEqualTo(Submission.Kind.DUPLICATE);
        assertThat(again.runId()).isEqualTo(accepted.runId());
        assertThat(again.record()).isEqualTo(record);

        // when: A was not dead after all, only stalled, and its delivery goes on late
        releaseDelivery.countDown();
        RunRecord late = accepted.await(WAIT).orElseThrow();

        // then: the stable key is in the outbox, so nothing is sent twice, and B's record stands
        assertThat(late.runId()).isEqualTo(accepted.runId());
        assertThat(late.outcome()).isNotEqualTo(RunOutcome.SENT);
        assertThat(channel.sent()).hasSize(1);
        assertThat(outbox.find(Fixtures.SHOP_ID, accepted.runId().value())).isPresent();
        assertThat(h.runLog.find(Fixtures.SHOP_ID, accepted.runId())).contains(record);
    }

    @Test
    void should_never_resume_a_run_when_it_finished() {
        // given
        AgentPipeline<PurchaseEvent, String, SalesOffer> a = h.pipeline().worker("instance-a").runLease(LEASE)
                .delivery(messageDelivery()).build().start();
        RunRecord finished = a.run(event);
        h.clock.advance(Duration.ofDays(1));
        AgentPipeline<PurchaseEvent, String, SalesOffer> b = instanceB().build().start();

        // when
        int resumed = b.resumeExpired();

        // then
        assertThat(finished.outcome()).isEqualTo(RunOutcome.SENT);
        assertThat(resumed).isZero();
        assertThat(h.agentCalls).hasValue(1);
        assertThat(channel.sent()).hasSize(1);
        assertThat(h.journal.unfinishedCount()).isZero();
    }

    @Test
    void should_not_take_a_run_when_its_lease_has_not_expired() throws Exception {
        // given: A is still within its lease
        Submission accepted = submitToHangingA();
        h.clock.advance(LEASE.minusSeconds(1));
        AgentPipeline<PurchaseEvent, String, SalesOffer> b = instanceB().build().start();

        // when
        int resumed = b.resumeExpired();
        releaseDelivery.countDown();
        RunRecord record = accepted.await(WAIT).orElseThrow();

        // then: A finishes its own run, which is then never resumed
        assertThat(resumed).isZero();
        assertThat(record.outcome()).isEqualTo(RunOutcome.SENT);
        assertThat(stage(record, Stages.JOURNAL).detail()).isEmpty();
        h.clock.advance(LEASE);
        assertThat(b.resumeExpired()).isZero();
        assertThat(h.agentCalls).hasValue(1);
        assertThat(channel.sent()).hasSize(1);
    }

    @Test
    void should_end_the_resumed_run_rejected_when_the_shop_was_deactivated_meanwhile() throws Exception {
        // given
        Submission accepted = submitToHangingA();
        h.saveShop(Fixtures.kaspiShop().active(false).build());
        h.clock.advance(LEASE.plusSeconds(1));
        AgentPipeline<PurchaseEvent, String, SalesOffer> b = instanceB().build().start();

        // when
        int resumed = b.resumeExpired();

        // then
        assertThat(resumed).isEqualTo(1);
        RunRecord record = h.runLog.find(Fixtures.SHOP_ID, accepted.runId()).orElseThrow();
        assertThat(record.outcome()).isEqualTo(RunOutcome.REJECTED);
        assertThat(record.reason()).contains("inactive");
        assertThat(stage(record, Stages.SHOP_GATE).status()).isEqualTo(StageStatus.FAILED);
        assertThat(h.journal.unfinishedCount()).isZero();
        assertThat(channel.sent()).isEmpty();
    }

    @Test
    void should_resume_expired_runs_at_start_up_when_the_pipeline_resumes_their_type() throws Exception {
        // given
        Submission accepted = submitToHangingA();
        h.clock.advance(LEASE.plusSeconds(1));
        CompletableFuture<RunRecord> finished = new CompletableFuture<>();
        AgentPipeline<PurchaseEvent, String, SalesOffer> b = instanceB().recoveryInterval(Duration.ofMinutes(1))
                .listener(new PipelineListener() {
                    @Override
                    public void onRunFinished(String pipeline, RunRecord record) {
                        finished.complete(record);
                    }
                }).build();

        // when
        b.start();
        RunRecord record = finished.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        b.close();

        // then
        assertThat(record.runId()).isEqualTo(accepted.runId());
        assertThat(record.outcome()).isEqualTo(RunOutcome.SENT);
        assertThat(stage(record, Stages.JOURNAL).detail()).isEqualTo("resumed by instance-b");
        assertThat(channel.sent()).hasSize(1);
    }

    @Test
    void should_resume_only_configured_event_types_when_runs_expired() throws Exception {
        // given
        submitToHangingA();
        h.clock.advance(Duration.ofDays(1));
        AgentPipeline<PurchaseEvent, String, SalesOffer> none = h.pipeline().executor(executorB).worker("instance-c")
                .build().start();
        AgentPipeline<PurchaseEvent, String, SalesOffer> legal = h.pipeline().executor(executorB)
                .worker("instance-d").resumes("legal.").eventClass(PurchaseEvent.class)
                .recoveryInterval(Duration.ZERO).build().start();
        AgentPipeline<PurchaseEvent, String, SalesOffer> b = instanceB().build().start();

        // when / then
        assertThat(none.resumeExpired()).isZero();
        assertThat(legal.resumeExpired()).isZero();
        assertThat(h.journal.unfinishedCount()).isEqualTo(1);
        assertThat(b.resumeExpired()).isEqualTo(1);
    }

    @Test
    void should_renew_the_lease_of_a_long_run_when_its_recovery_thread_ticks() throws Exception {
        // given: A resumes purchases, so it has a recovery thread, and renews its leases past half-time
        CountDownLatch renewed = new CountDownLatch(1);
        EventJournal watched = new RenewWatchingJournal(h.journal, renewed);
        MessageDelivery<PurchaseEvent, String, SalesOffer> delivery = messageDelivery();
        AgentPipeline<PurchaseEvent, String, SalesOffer> a = h.pipeline().journal(watched).worker("instance-a")
                .runLease(LEASE).resumes(PurchaseEvent.TYPE).eventClass(PurchaseEvent.class)
                .recoveryInterval(Duration.ofMillis(20)).delivery(request -> {
                    deliveryEntered.countDown();
                    try {
                        releaseDelivery.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return delivery.deliver(request);
                }).build().start();
        Submission accepted = a.submit(event);
        assertThat(deliveryEntered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

        // when: 40 s into a 1-minute lease, the recovery thread renews it to 1:40
        h.clock.advance(Duration.ofSeconds(40));
        assertThat(renewed.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("the lease was renewed").isTrue();
        h.clock.advance(Duration.ofSeconds(30));
        AgentPipeline<PurchaseEvent, String, SalesOffer> b = instanceB().build().start();

        // then: at 1:10, past the first lease, B does not take the run; A finishes it
        assertThat(b.resumeExpired()).isZero();
        releaseDelivery.countDown();
        assertThat(accepted.await(WAIT).orElseThrow().outcome()).isEqualTo(RunOutcome.SENT);
        a.close();
        assertThat(h.agentCalls).hasValue(1);
        assertThat(channel.sent()).hasSize(1);
    }

    @Test
    void should_report_every_problem_when_resuming_is_misconfigured() {
        assertThatThrownBy(() -> h.pipeline().resumes(PurchaseEvent.TYPE).runLease(Duration.ZERO)
                .recoveryInterval(Duration.ofSeconds(-1)).worker(" ").build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("eventClass is missing")
                .hasMessageContaining("runLease must be positive")
                .hasMessageContaining("recoveryInterval must not be negative")
                .hasMessageContaining("worker must be");
    }

    @Test
    void should_refuse_to_resume_when_the_pipeline_is_not_running() {
        AgentPipeline<PurchaseEvent, String, SalesOffer> b = instanceB().build();

        assertThatThrownBy(b::resumeExpired).isInstanceOf(IllegalStateException.class);
        b.start().close();
        assertThatThrownBy(b::resumeExpired).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void should_name_its_worker_after_the_host_when_no_worker_is_set() {
        AgentPipeline<PurchaseEvent, String, SalesOffer> one = h.pipeline().build();
        AgentPipeline<PurchaseEvent, String, SalesOffer> two = h.pipeline().build();

        assertThat(one.worker()).isNotBlank().isNotEqualTo(two.worker()).matches(".+-[0-9a-f]{6}");
    }

    /** A journal that counts down a latch when a lease is renewed. */
    private static final class RenewWatchingJournal extends ForwardingEventJournal {
        private final CountDownLatch renewed;

        RenewWatchingJournal(EventJournal delegate, CountDownLatch renewed) {
            super(delegate);
            this.renewed = renewed;
        }

        @Override
        public boolean renewLease(ShopId shopId, String idempotencyKey, RunLease lease) {
            boolean result = super.renewLease(shopId, idempotencyKey, lease);
            if (result) {
                renewed.countDown();
            }
            return result;
        }
    }

    @Test
    void should_give_a_run_up_when_it_was_started_as_often_as_allowed_without_finishing() throws Exception {
        // given: A accepted the event and died; two more workers took the run over and died too
        Submission accepted = submitToHangingA();
        for (String worker : List.of("instance-c", "instance-d")) {
            h.clock.advance(LEASE.plusSeconds(1));
            assertThat(h.journal.claimExpired(h.clock.instant(), 10, worker, LEASE, List.of(PurchaseEvent.TYPE)))
                    .extracting(JournalEntry::attempts).as("claimed by %s", worker).hasSize(1);
        }
        h.clock.advance(LEASE.plusSeconds(1));
        int callsBefore = h.agentCalls.get();
        AgentPipeline<PurchaseEvent, String, SalesOffer> b = instanceB().maxAttempts(3).build().start();

        // when: B claims it for the fourth start
        int resumed = b.resumeExpired();
        RunRecord record = b.submit(event).await(WAIT).orElseThrow();

        // then: it ends FAILED with the reason, and is never claimed again
        assertThat(resumed).isEqualTo(1);
        assertThat(record.runId()).isEqualTo(accepted.runId());
        assertThat(record.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(record.reason()).startsWith("given up after 3 attempts: each ended before the run finished");
        assertThat(h.agentCalls).hasValue(callsBefore);
        assertThat(channel.sent()).isEmpty();
        h.clock.advance(LEASE.multipliedBy(10));
        assertThat(h.journal.claimExpired(h.clock.instant(), 10, "instance-e", LEASE, List.of(PurchaseEvent.TYPE)))
                .isEmpty();
    }

    @Test
    void should_still_resume_a_run_started_fewer_times_than_allowed() throws Exception {
        // given: A accepted the event and died; one more worker took the run over and died too
        submitToHangingA();
        h.clock.advance(LEASE.plusSeconds(1));
        assertThat(h.journal.claimExpired(h.clock.instant(), 10, "instance-c", LEASE, List.of(PurchaseEvent.TYPE)))
                .hasSize(1);
        h.clock.advance(LEASE.plusSeconds(1));
        AgentPipeline<PurchaseEvent, String, SalesOffer> b = instanceB().maxAttempts(3).build().start();

        // when: B claims it for the third start
        int resumed = b.resumeExpired();
        RunRecord record = b.submit(event).await(WAIT).orElseThrow();

        // then
        assertThat(resumed).isEqualTo(1);
        assertThat(record.outcome()).isEqualTo(RunOutcome.SENT);
        assertThat(channel.sent()).hasSize(1);
    }

    @Test
    void should_refuse_fewer_than_one_attempt() {
        assertThatThrownBy(() -> instanceB().maxAttempts(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("max attempts must be at least 1, got 0");
    }
}

package dev.aihq.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.result.OfferKind;
import dev.aihq.api.result.RunOutcome;
import dev.aihq.api.result.SalesOffer;
import dev.aihq.api.store.AgentPath;
import dev.aihq.api.store.AgentTrace;
import dev.aihq.api.store.RunRecord;
import dev.aihq.api.store.StageRecord;
import dev.aihq.api.store.StageStatus;
import dev.aihq.testkit.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AgentPipelineTest {

    private final PipelineHarness h = new PipelineHarness();

    @AfterEach
    void tearDown() {
        h.close();
    }

    private static List<String> stageNames(RunRecord record) {
        return record.stages().stream().map(StageRecord::name).collect(Collectors.toList());
    }

    @Test
    void should_complete_with_every_stage_logged_when_all_stages_succeed() {
        // given
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = h.pipeline().build().start();

        // when
        RunRecord record = pipeline.submit(Fixtures.purchaseEvent(), Duration.ofMillis(2)).join();

        // then
        assertThat(record.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(record.reason()).isEqualTo("result produced");
        assertThat(stageNames(record)).containsExactly(Stages.DECODE, Stages.SHOP_GATE, Stages.JOURNAL,
                Stages.GATHER_CONTEXT, Stages.PREPARE, Stages.AGENT, Stages.GUARD, Stages.DELIVER);
        assertThat(record.stages()).allSatisfy(s -> {
            assertThat(s.status()).isEqualTo(StageStatus.OK);
            assertThat(s.duration()).isGreaterThanOrEqualTo(Duration.ZERO);
        });
        assertThat(record.agent().path()).isEqualTo(AgentPath.FALLBACK);
        assertThat(record.resultJson()).contains("\"kind\":\"UPSELL\"").contains("\"offered_products\":[]");
        assertThat(h.runLog.find(Fixtures.SHOP_ID, record.runId())).contains(record);
        assertThat(h.journal.find(Fixtures.SHOP_ID, Fixtures.purchaseEvent().idempotencyKey())).isPresent();
    }

    @Test
    void should_end_sent_when_the_delivery_reports_a_provider_id() {
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = h.pipeline()
                .delivery(r -> DeliveryResult.sent("wamid.1", "sent via whatsapp")).build().start();

        RunRecord record = pipeline.run(Fixtures.purchaseEvent());

        assertThat(record.outcome()).isEqualTo(RunOutcome.SENT);
        assertThat(record.providerMessageId()).isEqualTo("wamid.1");
    }

    @Test
    void should_end_scheduled_with_the_due_time_when_the_delivery_schedules() {
        Instant due = Fixtures.NOW.plus(Duration.ofMinutes(15));
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = h.pipeline()
                .delivery(r -> DeliveryResult.scheduled(due, "send delay 15 min")).build().start();

        RunRecord record = pipeline.run(Fixtures.purchaseEvent());

        assertThat(record.outcome()).isEqualTo(RunOutcome.SCHEDULED);
        assertThat(record.scheduledFor()).isEqualTo(due);
    }

    @Test
    void should_hold_for_review_without_delivering_when_the_guard_holds() {
        AtomicInteger deliveries = new AtomicInteger();
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = h.pipeline()
                .guard((c, r, s) -> GuardDecision.hold(r, "mentions a price not in the catalog"))
                .delivery(r -> {
                    deliveries.incrementAndGet();
                    return DeliveryResult.completed("x");
                }).build().start();

        RunRecord record = pipeline.run(Fixtures.purchaseEvent());

        assertThat(record.outcome()).isEqualTo(RunOutcome.HELD_FOR_REVIEW);
        assertThat(record.reason()).isEqualTo("mentions a price not in the catalog");
        assertThat(record.resultJson()).isNotNull();
        assertThat(deliveries).hasValue(0);
        assertThat(stageNames(record)).doesNotContain(Stages.DELIVER);
    }

    @Test
    void should_fail_with_the_guard_reason_when_the_guard_refuses() {
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = h.pipeline()
                .guard((c, r, s) -> GuardDecision.fail(r, "offers an invented promo code")).build().start();

        RunRecord record = pipeline.run(Fixtures.purchaseEvent());

        assertThat(record.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(record.reason()).contains("offers an invented promo code");
    }

    @Test
    void should_fail_cleanly_when_the_agent_throws() {
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = h.pipeline()
                .agent(in -> {
                    throw new IllegalStateException("fallback template missing");
                }).build().start();

        RunRecord record = pipeline.run(Fixtures.purchaseEvent());

        assertThat(record.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(record.reason()).isEqualTo("the agent failed: fallback template missing");
        assertThat(record.stages().get(record.stages().size() - 1).status()).isEqualTo(StageStatus.FAILED);
    }

    @Test
    void should_fail_when_the_delivery_throws() {
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = h.pipeline()
                .delivery(r -> {
                    throw new IllegalStateException("channel closed");
                }).build().start();

        assertThat(pipeline.run(Fixtures.purchaseEvent()).reason()).isEqualTo("delivery failed: channel closed");
    }

    @Test
    void should_reject_and_store_nothing_when_the_shop_is_unknown() {
        // given
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = h.pipeline().build().start();
        PurchaseEvent event = Fixtures.purchaseEvent().toBuilder().shopId(Fixtures.OTHER_SHOP_ID).build();

        // when
        Submission submission = pipeline.submit(event);

        // then
        assertThat(submission.kind()).isEqualTo(Submission.Kind.REJECTED);
        assertThat(submission.join().outcome()).isEqualTo(RunOutcome.REJECTED);
        assertThat(submission.join().reason()).isEqualTo("unknown shop 'kaspi_456'");
        assertThat(h.journal.find(Fixtures.OTHER_SHOP_ID, event.idempotencyKey())).isEmpty();
        assertThat(h.runLog.recent(Fixtures.OTHER_SHOP_ID, 10)).isEmpty();
        assertThat(h.agentCalls).hasValue(0);
    }

    @Test
    void should_reject_without_journaling_when_the_shop_is_inactive() {
        h.saveShop(Fixtures.kaspiShop().active(false).build());
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = h.pipeline().build().start();

        Submission submission = pipeline.submit(Fixtures.purchaseEvent());

        assertThat(submission.kind()).isEqualTo(Submission.Kind.REJECTED);
        assertThat(submission.record().reason()).isEqualTo("shop 'kaspi_123' is inactive");
        assertThat(h.journal.find(Fixtures.SHOP_ID, Fixtures.purchaseEvent().idempotencyKey())).isEmpty();
        assertThat(h.runLog.find(Fixtures.SHOP_ID, submission.runId())).map(RunRecord::outcome)
                .contains(RunOutcome.REJECTED);
        assertThat(h.agentCalls).hasValue(0);
    }

    @Test
    void should_reject_with_the_reason_when_the_agent_is_not_available_yet() {
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = AgentPipeline
                .<PurchaseEvent, String, SalesOffer>builder("legal").shops(h.shops).journal(h.journal)
                .runLog(h.runLog).executor(h.executor).unavailable("the legal agent is not available yet")
                .build().start();

        RunRecord record = pipeline.run(Fixtures.purchaseEvent());

        assertThat(record.outcome()).isEqualTo(RunOutcome.REJECTED);
        assertThat(record.reason()).isEqualTo("the legal agent is not available yet");
        assertThat(h.journal.find(Fixtures.SHOP_ID, Fixtures.purchaseEvent().idempotencyKey())).isEmpty();
    }

    @Test
    void should_answer_duplicate_with_the_first_run_when_the_same_event_comes_again() {
        // given
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = h.pipeline().build().start();
        RunRecord first = pipeline.run(Fixtures.purchaseEvent());

        // when
        Submission again = pipeline.submit(Fixtures.purchaseEvent());

        // then
        assertThat(again.kind()).isEqualTo(Submission.Kind.DUPLICATE);
        assertThat(again.runId()).isEqualTo(first.runId());
        assertThat(again.record()).isEqualTo(first);
        assertThat(again.join()).isEqualTo(first);
        assertThat(h.agentCalls).hasValue(1);
    }

    @Test
    void should_answer_duplicate_in_progress_when_the_first_run_is_still_going() throws Exception {
        // given
        CountDownLatch release = new CountDownLatch(1);
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = h.pipeline()
                .delivery(r -> {
                    await(release);
                    return DeliveryResult.completed("done");
                }).build().start();
        Submission first = pipeline.submit(Fixtures.purchaseEvent());

        // when
        Submission again = pipeline.submit(Fixtures.purchaseEvent());

        // then
        assertThat(again.kind()).isEqualTo(Submission.Kind.DUPLICATE);
        assertThat(again.runId()).isEqualTo(first.runId());
        assertThat(again.record().inProgress()).isTrue();
        assertThat(again.completion()).isNotDone();
        release.countDown();
        assertThat(again.completion().get(5, TimeUnit.SECONDS).outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(h.agentCalls).hasValue(1);
    }

    @Test
    void should_run_once_when_the_same_event_arrives_on_many_threads_at_once() throws Exception {
        // given
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = h.pipeline().build().start();
        int threads = 8;
        ExecutorService callers = Executors.newFixedThreadPool(threads);
        CyclicBarrier gate = new CyclicBarrier(threads);
        List<Future<Submission>> futures = new ArrayList<>();

        // when
        try {
            for (int i = 0; i < threads; i++) {
                futures.add(callers.submit(() -> {
                    gate.await(5, TimeUnit.SECONDS);
                    return pipeline.submit(Fixtures.purchaseEvent());
                }));
            }
            List<Submission> submissions = new ArrayList<>();
            for (Future<Submission> f : futures) {
                submissions.add(f.get(10, TimeUnit.SECONDS));
            }

            // then
            assertThat(submissions).filteredOn(s -> s.kind() == Submission.Kind.ACCEPTED).hasSize(1);
            assertThat(submissions).filteredOn(s -> s.kind() == Submission.Kind.DUPLICATE).hasSize(threads - 1);
            assertThat(submissions.stream().map(Submission::runId).distinct()).hasSize(1);
            for (Submission s : submissions) {
                assertThat(s.completion().get(5, TimeUnit.SECONDS).outcome()).isEqualTo(RunOutcome.COMPLETED);
            }
            assertThat(h.agentCalls).hasValue(1);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void should_run_sources_in_parallel_and_degrade_when_an_optional_source_is_late() {
        // given: two sources that can only finish together (a barrier of two) prove parallelism,
        // a third optional one never answers within its deadline
        CyclicBarrier together = new CyclicBarrier(2);
        CountDownLatch never = new CountDownLatch(1);
        ContextSource<PurchaseEvent, String> catalog = ContextSource.required("catalog", Duration.ofSeconds(5),
                r -> {
                    awaitBarrier(together);
                    return "catalog";
                });
        ContextSource<PurchaseEvent, String> settings = ContextSource.required("settings", Duration.ofSeconds(5),
                r -> {
                    awaitBarrier(together);
                    return "settings";
                });
        ContextSource<PurchaseEvent, String> history = ContextSource.optional("history", Duration.ofMillis(100),
                r -> {
                    await(never);
                    return "history";
                });
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = h.pipeline().source(catalog).source(settings)
                .source(history)
                .assembler((e, s, g) -> {
                    seen.add(g.get(catalog) + "+" + g.get(settings) + "+" + g.find(history).orElse("none"));
                    seen.addAll(g.missing());
                    return e.orderId().value();
                }).build().start();

        try {
            // when
            RunRecord record = pipeline.run(Fixtures.purchaseEvent());

            // then
            assertThat(record.outcome()).isEqualTo(RunOutcome.COMPLETED);
            assertThat(record.reason()).endsWith("(degraded: without history)");
            StageRecord gather = record.stages().stream().filter(s -> s.name().equals(Stages.GATHER_CONTEXT))
                    .findFirst().orElseThrow();
            assertThat(gather.status()).isEqualTo(StageStatus.DEGRADED);
            assertThat(gather.detail()).isEqualTo("optional source 'history' timed out after 100 ms");
            assertThat(seen).containsExactly("catalog+settings+none", "history");
        } finally {
            never.countDown();
        }
    }

    @Test
    void should_fail_naming_the_source_when_a_required_source_fails() {
        ContextSource<PurchaseEvent, String> catalog = ContextSource.required("catalog", Duration.ofSeconds(5),
                r -> {
                    throw new IllegalStateException("database is down");
                });
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = h.pipeline().source(catalog).build().start();

        RunRecord record = pipeline.run(Fixtures.purchaseEvent());

        assertThat(record.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(record.reason()).isEqualTo("required context source 'catalog' failed: database is down");
        assertThat(h.agentCalls).hasValue(0);
        assertThat(stageNames(record)).endsWith(Stages.GATHER_CONTEXT);
    }

    @Test
    void should_fail_when_a_required_source_misses_its_deadline() {
        CountDownLatch never = new CountDownLatch(1);
        ContextSource<PurchaseEvent, String> slow = ContextSource.required("catalog", Duration.ofMillis(50), r -> {
            await(never);
            return "late";
        });
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = h.pipeline().source(slow).build().start();
        try {
            RunRecord record = pipeline.run(Fixtures.purchaseEvent());
            assertThat(record.outcome()).isEqualTo(RunOutcome.FAILED);
            assertThat(record.reason()).isEqualTo("required context source 'catalog' timed out after 50 ms");
        } finally {
            never.countDown();
        }
    }

    @Test
    void should_finish_the_run_when_a_listener_throws() {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        PipelineListener broken = new PipelineListener() {
            @Override
            public void onStage(String pipeline, dev.aihq.api.result.RunId runId, StageRecord stage) {
                events.add(stage.name());
                throw new IllegalStateException("metrics backend down");
            }

            @Override
            public void onRunFinished(String pipeline, RunRecord record) {
                events.add("finished " + record.outcome());
                throw new IllegalStateException("metrics backend down");
            }
        };
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = h.pipeline().listener(broken).build().start();

        RunRecord record = pipeline.run(Fixtures.purchaseEvent());

        assertThat(record.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(events).contains(Stages.SHOP_GATE, Stages.AGENT, Stages.DELIVER, "finished COMPLETED");
    }

    @Test
    void should_reject_only_shops_that_require_it_when_time_zone_data_is_outdated() {
        h.saveShop(Fixtures.kaspiShop().settings(Fixtures.kaspiShop().build().settings().toBuilder()
                .requireCurrentTimeZoneData(true).build()).build());
        AgentPipeline<PurchaseEvent, String, SalesOffer> strict = h.pipeline().timeZoneCheck(() -> false).build()
                .start();

        RunRecord record = strict.run(Fixtures.purchaseEvent());

        assertThat(record.outcome()).isEqualTo(RunOutcome.REJECTED);
        assertThat(record.reason()).contains("time-zone data is out of date");

        h.saveShop(Fixtures.kaspiShop().build());
        assertThat(strict.run(Fixtures.purchaseEvent()).outcome()).isEqualTo(RunOutcome.COMPLETED);
    }

    @Test
    void should_know_that_almaty_is_utc_plus_five_when_checking_this_jvm() {
        assertThat(TimeZoneDataCheck.jvm().isCurrent()).isTrue();
    }

    @Test
    void should_save_the_event_once_when_a_recorder_is_configured() {
        List<String> saved = Collections.synchronizedList(new ArrayList<>());
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = h.pipeline()
                .recordEvent(e -> saved.add(e.orderId().value())).build().start();

        pipeline.run(Fixtures.purchaseEvent());
        pipeline.run(Fixtures.purchaseEvent());

        assertThat(saved).containsExactly(Fixtures.purchaseEvent().orderId().value());
    }

    @Test
    void should_fail_the_run_when_recording_the_event_fails() {
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = h.pipeline()
                .recordEvent(e -> {
                    throw new IllegalStateException("purchases table missing");
                }).build().start();

        RunRecord record = pipeline.run(Fixtures.purchaseEvent());

        assertThat(record.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(record.reason()).isEqualTo("recording the event failed: purchases table missing");
        assertThat(h.agentCalls).hasValue(0);
    }

    @Test
    void should_run_on_the_caller_when_the_executor_rejects_work() {
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = h.pipeline().executor(r -> {
            throw new java.util.concurrent.RejectedExecutionException("saturated");
        }).build().start();

        Submission submission = pipeline.submit(Fixtures.purchaseEvent());

        assertThat(submission.completion()).isDone();
        assertThat(submission.join().outcome()).isEqualTo(RunOutcome.COMPLETED);
    }

    @Test
    void should_refuse_events_when_not_started_or_stopped() {
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = h.pipeline().build();

        assertThatThrownBy(() -> pipeline.submit(Fixtures.purchaseEvent()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not started");
        pipeline.start();
        pipeline.stop();
        assertThatThrownBy(() -> pipeline.submit(Fixtures.purchaseEvent()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("stopped");
    }

    @Test
    void should_drain_runs_in_flight_when_closing() throws Exception {
        // given
        CountDownLatch release = new CountDownLatch(1);
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = h.pipeline()
                .delivery(r -> {
                    await(release);
                    return DeliveryResult.completed("done");
                }).drainTimeout(Duration.ofSeconds(10)).build().start();
        Submission running = pipeline.submit(Fixtures.purchaseEvent());

        // then
        assertThat(pipeline.inFlightCount()).isEqualTo(1);
        assertThat(pipeline.awaitDrained(Duration.ZERO)).isFalse();
        release.countDown();
        pipeline.close();
        assertThat(running.completion()).isDone();
        assertThat(pipeline.inFlightCount()).isZero();
        assertThat(pipeline.isRunning()).isFalse();
    }

    @Test
    void should_list_every_missing_part_when_building_an_incomplete_pipeline() {
        assertThatThrownBy(() -> AgentPipeline.builder("broken").build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("shops").hasMessageContaining("journal").hasMessageContaining("runLog")
                .hasMessageContaining("executor").hasMessageContaining("assembler").hasMessageContaining("agent");
    }

    @Test
    void should_refuse_two_sources_with_one_name() {
        ContextSource<PurchaseEvent, String> again = ContextSource.optional("order", Duration.ofSeconds(1), r -> "");
        assertThatThrownBy(() -> h.pipeline().source(again).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'order' is used twice");
    }

    @Test
    void should_record_the_model_path_when_the_agent_used_a_model() {
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = h.pipeline()
                .agent(in -> new AgentOutput<>(SalesOffer.builder(OfferKind.UPSELL, "text").build(),
                        new AgentTrace(AgentPath.MODEL, "gpt-4o-mini", 120, 30, "ab12", null)))
                .build().start();

        RunRecord record = pipeline.run(Fixtures.purchaseEvent());

        assertThat(record.agent()).isEqualTo(new AgentTrace(AgentPath.MODEL, "gpt-4o-mini", 120, 30, "ab12", null));
        assertThat(record.stages()).filteredOn(s -> s.name().equals(Stages.AGENT))
                .extracting(StageRecord::detail).containsExactly("model gpt-4o-mini");
    }

    @Test
    void should_still_run_a_journaled_event_when_its_in_progress_record_cannot_be_written() {
        // given: a run log that fails for in-progress records only
        dev.aihq.api.store.RunLog flaky = failingSaves(RunRecord::inProgress, "run log unavailable");
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = h.pipeline().runLog(flaky).build().start();

        // when
        Submission submission = pipeline.submit(Fixtures.purchaseEvent());

        // then
        assertThat(submission.kind()).isEqualTo(Submission.Kind.ACCEPTED);
        assertThat(submission.join().outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(h.runLog.find(Fixtures.SHOP_ID, submission.runId())).map(RunRecord::outcome)
                .contains(RunOutcome.COMPLETED);
        assertThat(pipeline.inFlightCount()).isZero();
    }

    @Test
    void should_make_the_writes_stages_deferred_in_the_unit_that_saves_the_final_record() {
        // given: an agent and a delivery that each defer a write, and a unit of work that notes its writes
        List<String> writes = Collections.synchronizedList(new ArrayList<>());
        ThreadLocal<Boolean> inUnit = ThreadLocal.withInitial(() -> false);
        dev.aihq.api.store.Transactions units = new dev.aihq.api.store.Transactions() {
            @Override
            public <T> T inTransaction(java.util.function.Supplier<T> work) {
                inUnit.set(true);
                try {
                    return work.get();
                } finally {
                    inUnit.set(false);
                }
            }
        };
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = h.pipeline().transactions(units)
                .agent(input -> {
                    input.writes().defer(() -> writes.add("tokens, in unit " + inUnit.get() + ", record in progress "
                            + h.runLog.find(Fixtures.SHOP_ID, input.runId()).orElseThrow().inProgress()));
                    return new AgentOutput<>(SalesOffer.builder(OfferKind.UPSELL, "Чехол").build(),
                            AgentTrace.fallback("no model configured"));
                })
                .delivery(r -> {
                    r.writes().defer(() -> writes.add("sent mark, in unit " + inUnit.get()));
                    assertThat(writes).as("nothing is written before the run ends").isEmpty();
                    return DeliveryResult.sent("wamid.1", "sent via whatsapp");
                }).build().start();

        // when
        RunRecord record = pipeline.run(Fixtures.purchaseEvent());

        // then
        assertThat(record.outcome()).isEqualTo(RunOutcome.SENT);
        assertThat(writes).containsExactly("tokens, in unit true, record in progress false", "sent mark, in unit true");
        assertThat(h.runLog.find(Fixtures.SHOP_ID, record.runId())).map(RunRecord::inProgress).contains(false);
    }

    @Test
    void should_still_make_deferred_writes_when_the_final_record_cannot_be_saved() {
        // given: a run log that fails for final records, without transactions
        List<String> writes = Collections.synchronizedList(new ArrayList<>());
        dev.aihq.api.store.RunLog failingFinal = failingSaves(r -> !r.inProgress(), "run log full");
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = h.pipeline().runLog(failingFinal)
                .delivery(r -> {
                    r.writes().defer(() -> writes.add("sent mark"));
                    return DeliveryResult.sent("wamid.1", "sent via whatsapp");
                }).build().start();

        // when
        RunRecord record = pipeline.run(Fixtures.purchaseEvent());

        // then: made once, on its own after the unit failed
        assertThat(record.outcome()).isEqualTo(RunOutcome.SENT);
        assertThat(writes).containsExactly("sent mark");
        assertThat(h.runLog.find(Fixtures.SHOP_ID, record.runId())).map(RunRecord::inProgress).contains(true);
    }

    @Test
    void should_end_a_run_after_recording_when_the_rule_says_so() {
        // given
        List<String> recorded = Collections.synchronizedList(new ArrayList<>());
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = h.pipeline()
                .recordEvent(e -> recorded.add(e.orderId().value()))
                .endAfterRecording(e -> e.orderId().value().equals("512345678")
                        ? java.util.Optional.of("order cancelled") : java.util.Optional.empty())
                .build().start();

        // when
        RunRecord ended = pipeline.run(Fixtures.purchaseEvent());
        RunRecord other = pipeline.run(Fixtures.purchaseEvent(Fixtures.SHOP_ID, "512340000", Fixtures.CUSTOMER,
                Fixtures.NOW));

        // then
        assertThat(ended.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(ended.reason()).isEqualTo("order cancelled");
        assertThat(stageNames(ended)).containsExactly("shop_gate", "journal");
        assertThat(other.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(stageNames(other)).contains("agent", "deliver");
        assertThat(recorded).containsExactly("512345678", "512340000");
        assertThat(h.agentCalls).hasValue(1);
    }

    @Test
    void should_fail_the_run_when_the_end_after_recording_rule_throws() {
        // given
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = h.pipeline()
                .endAfterRecording(e -> {
                    throw new IllegalStateException("unknown order state");
                })
                .build().start();

        // when
        RunRecord run = pipeline.run(Fixtures.purchaseEvent());

        // then
        assertThat(run.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(run.reason()).isEqualTo("deciding whether the run ends after recording failed: unknown order state");
        assertThat(h.agentCalls).hasValue(0);
    }

    /** The harness's run log, except that saving a record the test picks fails. */
    private dev.aihq.api.store.RunLog failingSaves(java.util.function.Predicate<RunRecord> fails, String message) {
        return new dev.aihq.testkit.ForwardingRunLog(h.runLog) {
            @Override
            public void save(RunRecord record) {
                if (fails.test(record)) {
                    throw new dev.aihq.api.error.StoreException(message);
                }
                super.save(record);
            }
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitBarrier(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("sources did not run in parallel", e);
        }
    }
}

package dev.aihq.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.result.OfferKind;
import dev.aihq.api.result.RunOutcome;
import dev.aihq.api.result.SalesOffer;
import dev.aihq.api.store.AgentPath;
import dev.aihq.api.store.AgentTrace;
import dev.aihq.api.store.RunRecord;
import dev.aihq.api.store.StageRecord;
import dev.aihq.testkit.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link AgentPipeline#deliverReviewed} on a test pipeline: the paths the sales review tests do not reach. */
class AgentPipelineReviewTest {

    private final PipelineHarness h = new PipelineHarness();
    private final AtomicBoolean holding = new AtomicBoolean(true);
    private final AtomicBoolean sourceFails = new AtomicBoolean();
    private final List<SalesOffer> delivered = new CopyOnWriteArrayList<>();
    private final AtomicInteger deliveries = new AtomicInteger();

    @AfterEach
    void tearDown() {
        h.close();
    }

    /** Holds while {@code holding}; accepts otherwise, repairing the text with a signature. */
    private AgentPipeline.Builder<PurchaseEvent, String, SalesOffer> pipeline() {
        return h.pipeline()
                .source(ContextSource.required("stock", Duration.ofSeconds(5), r -> {
                    if (sourceFails.get()) {
                        throw new IllegalStateException("catalog down");
                    }
                    return "in stock";
                }))
                .guard((context, offer, shop) -> holding.get() ? GuardDecision.hold(offer, "needs a person")
                        : GuardDecision.accept(offer.toBuilder().text(offer.text() + " — магазин").build()))
                .delivery(request -> {
                    deliveries.incrementAndGet();
                    delivered.add(request.result());
                    return DeliveryResult.sent("wamid." + deliveries.get(), "sent via test");
                });
    }

    private static SalesOffer draft(RunRecord run) {
        return SalesOffer.builder(OfferKind.UPSELL, "Заказ " + Fixtures.purchaseEvent().orderId().value()).build();
    }

    @Test
    void should_deliver_the_guards_repair_of_the_approved_draft_without_running_the_agent_again() {
        // given
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = pipeline().build().start();
        RunRecord held = pipeline.run(Fixtures.purchaseEvent());
        holding.set(false);

        // when
        ReviewResult result = pipeline.deliverReviewed(Fixtures.SHOP_ID, held.runId(),
                ReviewDecision.approve("alice", draft(held)));

        // then
        assertThat(result.outcome()).as(result.reason()).isEqualTo(RunOutcome.SENT);
        assertThat(result.reason()).isEqualTo("sent via test (approved by alice)");
        assertThat(delivered).extracting(SalesOffer::text).containsExactly("Заказ 512345678 — магазин");
        assertThat(h.agentCalls).hasValue(1);
        assertThat(result.record().providerMessageId()).isEqualTo("wamid.1");
        assertThat(h.runLog.find(Fixtures.SHOP_ID, held.runId())).contains(result.record());
    }

    @Test
    void should_hold_a_draft_the_agent_rejected_for_review_even_when_the_guard_accepts_it() {
        // given an agent whose draft failed its own checks after the repair attempt, for a shop that holds
        holding.set(false);
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = pipeline()
                .agent(input -> new AgentOutput<>(SalesOffer.builder(OfferKind.UPSELL, "Скидка 50 %!").build(),
                        new AgentTrace(AgentPath.REJECTED, "gpt-test", 120, 30, "hash",
                                "discount 50 % is not the shop's", List.of("discount 50 % is not the shop's"))))
                .build().start();

        // when
        RunRecord run = pipeline.run(Fixtures.purchaseEvent());

        // then nothing is sent; the draft waits with the reasons
        assertThat(run.outcome()).isEqualTo(RunOutcome.HELD_FOR_REVIEW);
        assertThat(run.reason()).isEqualTo("the draft was rejected: discount 50 % is not the shop's");
        assertThat(run.stages()).extracting(StageRecord::detail)
                .contains("rejected: discount 50 % is not the shop's");
        assertThat(run.resultJson()).contains("Скидка 50 %!");
        assertThat(deliveries).hasValue(0);
    }

    @Test
    void should_stay_held_and_send_nothing_when_the_context_cannot_be_gathered_again() {
        // given
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = pipeline().build().start();
        RunRecord held = pipeline.run(Fixtures.purchaseEvent());
        holding.set(false);
        sourceFails.set(true);

        // when
        ReviewResult result = pipeline.deliverReviewed(Fixtures.SHOP_ID, held.runId(),
                ReviewDecision.approve("alice", draft(held)));

        // then the run can be decided again later
        assertThat(result.outcome()).isEqualTo(RunOutcome.HELD_FOR_REVIEW);
        assertThat(result.reason()).contains("required context source 'stock' failed: catalog down");
        assertThat(deliveries).hasValue(0);
        sourceFails.set(false);
        assertThat(pipeline.deliverReviewed(Fixtures.SHOP_ID, held.runId(),
                ReviewDecision.approve("alice", draft(held))).outcome()).isEqualTo(RunOutcome.SENT);
        assertThat(deliveries).hasValue(1);
    }

    @Test
    void should_end_rejected_without_delivering_when_the_shop_was_deactivated() {
        // given
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = pipeline().build().start();
        RunRecord held = pipeline.run(Fixtures.purchaseEvent());
        h.saveShop(Fixtures.kaspiShop().active(false).build());

        // when
        ReviewResult result = pipeline.deliverReviewed(Fixtures.SHOP_ID, held.runId(),
                ReviewDecision.approve("alice", draft(held)));

        // then
        assertThat(result.outcome()).isEqualTo(RunOutcome.REJECTED);
        assertThat(result.reason()).contains("is inactive");
        assertThat(deliveries).hasValue(0);
    }

    @Test
    void should_fail_the_run_when_the_delivery_throws_and_refuse_a_second_decision() {
        // given
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = pipeline()
                .delivery(request -> {
                    deliveries.incrementAndGet();
                    throw new IllegalStateException("channel closed");
                }).build().start();
        RunRecord held = pipeline.run(Fixtures.purchaseEvent());
        holding.set(false);

        // when
        ReviewResult first = pipeline.deliverReviewed(Fixtures.SHOP_ID, held.runId(),
                ReviewDecision.edit("bob", draft(held), ""));
        ReviewResult second = pipeline.deliverReviewed(Fixtures.SHOP_ID, held.runId(),
                ReviewDecision.approve("alice", draft(held)));

        // then
        assertThat(first.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(first.reason()).isEqualTo("delivery failed: channel closed (edited by bob)");
        assertThat(second.status()).isEqualTo(ReviewResult.Status.NOT_HELD);
        assertThat(deliveries).hasValue(1);
    }

    @Test
    void should_refuse_decisions_on_another_pipelines_run_and_when_stopped() {
        // given
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = pipeline().build().start();
        RunRecord held = pipeline.run(Fixtures.purchaseEvent());
        AgentPipeline<PurchaseEvent, String, SalesOffer> other = AgentPipeline
                .<PurchaseEvent, String, SalesOffer>builder("other").shops(h.shops).journal(h.journal)
                .runLog(h.runLog).executor(h.executor).assembler((e, s, g) -> "").agent(in -> null).build().start();

        // when / then
        assertThatThrownBy(() -> other.deliverReviewed(Fixtures.SHOP_ID, held.runId(),
                ReviewDecision.reject("alice", "no"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("belongs to pipeline 'test.purchase'");
        pipeline.stop();
        assertThatThrownBy(() -> pipeline.deliverReviewed(Fixtures.SHOP_ID, held.runId(),
                ReviewDecision.reject("alice", "no"))).isInstanceOf(IllegalStateException.class);
        assertThat(h.runLog.find(Fixtures.SHOP_ID, held.runId()).orElseThrow().outcome())
                .isEqualTo(RunOutcome.HELD_FOR_REVIEW);
        assertThat(held.stages()).extracting(StageRecord::name).doesNotContain(Stages.REVIEW);
    }

    @Test
    void should_require_a_reviewer_and_a_reason_to_reject() {
        assertThatThrownBy(() -> ReviewDecision.reject(" ", "no")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReviewDecision.reject("alice", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ReviewDecision.edit("bob", "x", "").describe()).isEqualTo("edited by bob");
    }
}

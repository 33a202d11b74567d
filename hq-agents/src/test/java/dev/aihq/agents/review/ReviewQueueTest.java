package dev.aihq.agents.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.agents.AiHq;
import dev.aihq.agents.sales.SalesPipelines;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.result.OfferKind;
import dev.aihq.api.result.RunId;
import dev.aihq.api.result.RunOutcome;
import dev.aihq.api.result.SalesOffer;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.store.AgentTrace;
import dev.aihq.api.store.ConsentEvent;
import dev.aihq.api.store.Product;
import dev.aihq.api.store.Purchase;
import dev.aihq.api.store.RunRecord;
import dev.aihq.api.store.StageRecord;
import dev.aihq.pipeline.AgentOutput;
import dev.aihq.pipeline.AgentPipeline;
import dev.aihq.pipeline.GuardDecision;
import dev.aihq.pipeline.ReviewResult;
import dev.aihq.pipeline.Stages;
import dev.aihq.pipeline.memory.InMemoryStores;
import dev.aihq.pipeline.web.WebhookSecretProvider;
import dev.aihq.testkit.Concurrency;
import dev.aihq.testkit.Fixtures;
import dev.aihq.testkit.RecordingChannel;
import dev.aihq.testkit.SettableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The review queue end to end on the sales purchase pipeline of {@link AiHq}, with in-memory stores and a
 * recording channel. A run is held by a pipeline of the same name whose guard holds every draft (the sales
 * guard itself never holds); the decisions then go through {@code hq.reviews()}, where the sales guard checks
 * them on fresh context and the sales delivery sends them.
 */
class ReviewQueueTest {

    private static final String HOLD_REASON = "a person checks every offer of this shop";
    private static final String DRAFT = "Спасибо за заказ! К смартфону подойдёт «Защитное стекло для Galaxy A55» —"
            + " 2 490 ₸.";

    private final InMemoryStores stores = InMemoryStores.create();
    private final SettableClock clock = SettableClock.at(Fixtures.NOW);
    private final RecordingChannel channel = new RecordingChannel(clock);
    private AiHq hq;
    private AgentPipeline<PurchaseEvent, Object, SalesOffer> holding;

    @BeforeEach
    void start() {
        stores.shops().save(Fixtures.kaspiShop().settings(ShopSettings.builder()
                .sendDelay(Duration.ZERO).quietHours(null).build()).build());
        Fixtures.catalog(Fixtures.SHOP_ID).forEach(stores.catalog()::save);
        stores.consents().apply(Fixtures.SHOP_ID, Fixtures.CUSTOMER, ConsentEvent.GRANTED, clock.instant(), "import");
        hq = AiHq.builder().stores(stores).channel(channel).clock(clock)
                .secrets(WebhookSecretProvider.of(Map.of(Fixtures.SHOP_ID, "secret")))
                .dispatchInterval(Duration.ofMinutes(10)).recoveryInterval(Duration.ZERO)
                .build().start();
        holding = AgentPipeline.<PurchaseEvent, Object, SalesOffer>builder(SalesPipelines.PURCHASE)
                .shops(stores.shops()).journal(stores.journal()).runLog(stores.runLog()).clock(clock)
                .executor(Runnable::run).recoveryInterval(Duration.ZERO)
                .recordEvent(event -> stores.purchases().save(Purchase.of(event)))
                .assembler((event, shop, gathered) -> "context")
                .agent(input -> new AgentOutput<>(SalesOffer.builder(OfferKind.UPSELL, DRAFT)
                        .offeredProduct(Fixtures.SCREEN_GLASS).build(), AgentTrace.fallback("no model configured")))
                .guard((context, offer, shop) -> GuardDecision.hold(offer, HOLD_REASON))
                .build().start();
    }

    @AfterEach
    void close() {
        holding.close();
        hq.close();
    }

    private RunRecord held() {
        RunRecord run = holding.run(Fixtures.purchaseEvent());
        assertThat(run.outcome()).as(run.reason()).isEqualTo(RunOutcome.HELD_FOR_REVIEW);
        return run;
    }

    private RunRecord stored(RunId runId) {
        return stores.runLog().find(Fixtures.SHOP_ID, runId).orElseThrow();
    }

    private static List<String> stageNames(RunRecord run) {
        return run.stages().stream().map(StageRecord::name).toList();
    }

    private static StageRecord reviewStage(RunRecord run) {
        return run.stages().stream().filter(s -> s.name().equals(Stages.REVIEW)).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void should_list_a_held_run_with_its_draft_reasons_context_and_event() {
        // given
        RunRecord run = held();

        // when
        List<ReviewView> queue = hq.reviews().list(Fixtures.SHOP_ID, 10);

        // then
        assertThat(queue).singleElement().satisfies(view -> {
            assertThat(view.runId()).isEqualTo(run.runId());
            assertThat(view.pipeline()).isEqualTo(SalesPipelines.PURCHASE);
            assertThat(view.eventKey()).isEqualTo(Fixtures.purchaseEvent().idempotencyKey());
            assertThat(view.eventTime()).isEqualTo(run.startedAt());
            assertThat(view.draft()).isNotNull();
            assertThat(view.draft().text()).isEqualTo(DRAFT);
            assertThat(view.draftJson()).contains("ACC-GLASS-A55");
            assertThat(view.reasons()).isEqualTo(HOLD_REASON);
            assertThat(view.guardDetail()).isEqualTo("held: " + HOLD_REASON);
            assertThat(view.contextSummary()).isEqualTo("context: all sources; agent: fallback: no model configured");
        });
        assertThat(hq.reviews().find(Fixtures.SHOP_ID, run.runId())).isPresent();
        assertThat(hq.reviews().list(Fixtures.OTHER_SHOP_ID, 10)).isEmpty();
    }

    @Test
    void should_send_the_held_draft_once_when_approved() {
        // given
        RunRecord run = held();

        // when
        ReviewResult result = hq.reviews().approve(Fixtures.SHOP_ID, run.runId(), "alice");

        // then
        assertThat(result.decided()).as(result.reason()).isTrue();
        assertThat(result.outcome()).isEqualTo(RunOutcome.SENT);
        assertThat(channel.sent()).singleElement().satisfies(m -> assertThat(m.text()).isEqualTo(DRAFT));
        RunRecord after = stored(run.runId());
        assertThat(after.outcome()).isEqualTo(RunOutcome.SENT);
        assertThat(after.providerMessageId()).isNotNull();
        assertThat(after.reason()).endsWith("(approved by alice)");
        assertThat(reviewStage(after).detail()).isEqualTo("approved by alice");
        assertThat(stageNames(after)).endsWith(Stages.REVIEW, Stages.SHOP_GATE, Stages.GATHER_CONTEXT, Stages.PREPARE,
                Stages.GUARD, Stages.DELIVER);
        assertThat(hq.reviews().list(Fixtures.SHOP_ID, 10)).isEmpty();
    }

    @Test
    void should_send_the_edited_text_when_the_edit_passes_the_guard() {
        // given
        RunRecord run = held();
        String edited = "Спасибо за покупку! Защитное стекло для Galaxy A55 — 2 490 ₸.";

        // when
        ReviewResult result = hq.reviews().edit(Fixtures.SHOP_ID, run.runId(), "bob", edited, "shorter");

        // then
        assertThat(result.outcome()).as(result.reason()).isEqualTo(RunOutcome.SENT);
        assertThat(channel.sent()).singleElement().satisfies(m -> assertThat(m.text()).isEqualTo(edited));
        RunRecord after = stored(run.runId());
        assertThat(reviewStage(after).detail()).isEqualTo("edited by bob: shorter");
        assertThat(ReviewQueue.offer(after.resultJson()).text()).isEqualTo(edited);
    }

    @Test
    void should_stay_held_with_the_guards_reasons_when_the_edit_fails_the_guard() {
        // given
        RunRecord run = held();
        String tooLong = "Очень длинный текст. ".repeat(300);

        // when
        ReviewResult result = hq.reviews().edit(Fixtures.SHOP_ID, run.runId(), "bob", tooLong);

        // then nothing goes out, and the run waits again with the new reasons and the edited draft
        assertThat(result.decided()).isTrue();
        assertThat(result.outcome()).isEqualTo(RunOutcome.HELD_FOR_REVIEW);
        assertThat(result.reason()).contains("characters, the channel allows 4096");
        assertThat(channel.sent()).isEmpty();
        assertThat(hq.reviews().list(Fixtures.SHOP_ID, 10)).singleElement().satisfies(view -> {
            assertThat(view.reasons()).contains("the channel allows 4096");
            assertThat(view.draft().text()).isEqualTo(tooLong);
        });
        assertThat(reviewStage(stored(run.runId())).detail()).isEqualTo("edited by bob");

        // and a later decision on it still works, once
        ReviewResult rejected = hq.reviews().reject(Fixtures.SHOP_ID, run.runId(), "carol", "too long to fix");
        assertThat(rejected.outcome()).isEqualTo(RunOutcome.REJECTED);
        assertThat(stored(run.runId()).stages()).filteredOn(s -> s.name().equals(Stages.REVIEW))
                .extracting(StageRecord::detail).containsExactly("edited by bob", "rejected by carol: too long to fix");
    }

    @Test
    void should_stay_held_when_the_approved_product_is_out_of_stock_on_fresh_context() {
        // given the offered product sold out after the run was held
        RunRecord run = held();
        Product glass = Fixtures.catalog(Fixtures.SHOP_ID).stream()
                .filter(p -> p.sku().equals(Fixtures.SCREEN_GLASS)).findFirst().orElseThrow();
        stores.catalog().save(new Product(glass.shopId(), glass.sku(), glass.name(), glass.category(), glass.price(),
                glass.costPrice(), 0, true));

        // when
        ReviewResult result = hq.reviews().approve(Fixtures.SHOP_ID, run.runId(), "alice");

        // then
        assertThat(result.outcome()).isEqualTo(RunOutcome.HELD_FOR_REVIEW);
        // sold out, it is no longer among the products the fresh context allows offering
        assertThat(result.reason()).contains("offered product ACC-GLASS-A55");
        assertThat(channel.sent()).isEmpty();
    }

    @Test
    void should_end_rejected_with_the_reviewers_reason_and_send_nothing_when_rejected() {
        // given
        RunRecord run = held();

        // when
        ReviewResult result = hq.reviews().reject(Fixtures.SHOP_ID, run.runId(), "carol", "the tone is off");

        // then
        assertThat(result.outcome()).isEqualTo(RunOutcome.REJECTED);
        assertThat(channel.sent()).isEmpty();
        RunRecord after = stored(run.runId());
        assertThat(after.outcome()).isEqualTo(RunOutcome.REJECTED);
        assertThat(after.reason()).isEqualTo("rejected by carol: the tone is off");
        assertThat(stageNames(after)).endsWith(Stages.GUARD, Stages.REVIEW);
        assertThat(hq.reviews().list(Fixtures.SHOP_ID, 10)).isEmpty();
    }

    @Test
    void should_send_one_message_when_a_run_is_approved_twice() {
        // given
        RunRecord run = held();
        hq.reviews().approve(Fixtures.SHOP_ID, run.runId(), "alice");

        // when
        ReviewResult second = hq.reviews().approve(Fixtures.SHOP_ID, run.runId(), "bob");
        ReviewResult edit = hq.reviews().edit(Fixtures.SHOP_ID, run.runId(), "bob", "Другой текст");

        // then
        assertThat(second.status()).isEqualTo(ReviewResult.Status.NOT_HELD);
        assertThat(second.reason()).contains("is not held for review: it ended SENT");
        assertThat(edit.status()).isEqualTo(ReviewResult.Status.NOT_HELD);
        assertThat(channel.sent()).hasSize(1);
        assertThat(stored(run.runId()).stages()).filteredOn(s -> s.name().equals(Stages.REVIEW)).hasSize(1);
    }

    @Test
    void should_send_one_message_when_reviewers_approve_at_the_same_moment() {
        // given
        RunRecord run = held();

        // when
        List<ReviewResult> results = Concurrency.race(6, i -> i % 2 == 0
                ? hq.reviews().approve(Fixtures.SHOP_ID, run.runId(), "reviewer-" + i)
                : hq.purchases().deliverReviewed(Fixtures.SHOP_ID, run.runId(),
                        dev.aihq.pipeline.ReviewDecision.approve("reviewer-" + i,
                                ReviewQueue.offer(run.resultJson()))));

        // then
        assertThat(results).filteredOn(ReviewResult::decided).hasSize(1);
        assertThat(results).filteredOn(r -> !r.decided())
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(ReviewResult.Status.NOT_HELD));
        assertThat(channel.sent()).hasSize(1);
        RunRecord after = stored(run.runId());
        assertThat(after.outcome()).isEqualTo(RunOutcome.SENT);
        assertThat(after.stages()).filteredOn(s -> s.name().equals(Stages.REVIEW)).hasSize(1);
    }

    @Test
    void should_refuse_to_decide_a_run_that_is_not_held() {
        // given a run the sales pipeline sent on its own, and a run that does not exist
        RunRecord sent = hq.purchases().run(Fixtures.purchaseEvent(Fixtures.SHOP_ID, "600000001", Fixtures.CUSTOMER,
                Fixtures.NOW));
        assertThat(sent.outcome()).as(sent.reason()).isEqualTo(RunOutcome.SENT);

        // when
        ReviewResult approve = hq.reviews().approve(Fixtures.SHOP_ID, sent.runId(), "alice");
        ReviewResult reject = hq.reviews().reject(Fixtures.SHOP_ID, sent.runId(), "alice", "no");
        ReviewResult unknown = hq.reviews().approve(Fixtures.SHOP_ID, RunId.of("no-such-run"), "alice");
        ReviewResult direct = hq.purchases().deliverReviewed(Fixtures.SHOP_ID, sent.runId(),
                dev.aihq.pipeline.ReviewDecision.reject("alice", "no"));

        // then
        assertThat(List.of(approve, reject, unknown, direct)).extracting(ReviewResult::status)
                .containsOnly(ReviewResult.Status.NOT_HELD);
        assertThat(unknown.record()).isNull();
        assertThat(channel.sent()).hasSize(1);
        assertThat(stored(sent.runId())).isEqualTo(sent);
    }

    @Test
    void should_refuse_an_approval_of_a_draft_the_run_does_not_hold() {
        // given
        RunRecord run = held();
        SalesOffer other = SalesOffer.builder(OfferKind.UPSELL, "Совсем другой текст").build();

        // when
        ReviewResult result = hq.purchases().deliverReviewed(Fixtures.SHOP_ID, run.runId(),
                dev.aihq.pipeline.ReviewDecision.approve("mallory", other));

        // then
        assertThat(result.status()).isEqualTo(ReviewResult.Status.DRAFT_CHANGED);
        assertThat(channel.sent()).isEmpty();
        assertThat(stored(run.runId()).outcome()).isEqualTo(RunOutcome.HELD_FOR_REVIEW);
    }
}

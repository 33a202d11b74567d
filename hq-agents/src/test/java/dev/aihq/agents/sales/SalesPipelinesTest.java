package dev.aihq.agents.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.OrderId;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.event.CustomerReplyEvent;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.event.PurchaseTrigger;
import dev.aihq.api.result.RunOutcome;
import dev.aihq.api.result.SalesOffer;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.store.AgentPath;
import dev.aihq.api.store.OutboxStatus;
import dev.aihq.api.store.RunRecord;
import dev.aihq.api.store.StageRecord;
import dev.aihq.pipeline.AgentPipeline;
import dev.aihq.pipeline.Submission;
import dev.aihq.pipeline.delivery.OutboxDispatcher;
import dev.aihq.pipeline.memory.InMemoryStores;
import dev.aihq.testkit.Fixtures;
import dev.aihq.testkit.RecordingChannel;
import dev.aihq.testkit.ScriptedChatModel;
import dev.aihq.testkit.SettableClock;
import dev.langchain4j.model.chat.ChatModel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SalesPipelinesTest {

    private static final String UPSELL = "Здравствуйте! Спасибо за заказ №{{order_id}} в «{{shop_name}}». К товару"
            + " «{{product}}» подойдёт «{{recommended_product}}» — {{recommended_price}}.";
    private static final String REPEAT_SALE = "С возвращением в «{{shop_name}}»! Для вас «{{recommended_product}}» —"
            + " {{recommended_price}}.";

    private final InMemoryStores stores = InMemoryStores.create();
    private final SettableClock clock = SettableClock.at(Fixtures.NOW);
    private final RecordingChannel channel = new RecordingChannel(clock);
    private final List<AgentPipeline<?, ?, ?>> started = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        started.forEach(AgentPipeline::close);
    }

    @Test
    void should_send_the_filled_upsell_template_when_a_customer_buys_for_the_first_time() {
        // given
        givenShop(Duration.ZERO);
        AgentPipeline<PurchaseEvent, PurchaseContext, SalesOffer> pipeline = purchasePipeline(null);

        // when
        RunRecord run = pipeline.run(Fixtures.purchaseEvent());

        // then
        assertThat(run.outcome()).as(run.reason()).isEqualTo(RunOutcome.SENT);
        assertThat(run.providerMessageId()).isEqualTo("rec-1");
        assertThat(run.agent().path()).isEqualTo(AgentPath.FALLBACK);
        assertThat(run.agent().fallbackReason()).isEqualTo("no model configured");
        assertThat(run.stages()).extracting(StageRecord::name)
                .containsExactly("shop_gate", "journal", "gather_context", "prepare", "agent", "guard", "deliver");
        assertThat(channel.sent()).singleElement().satisfies(message -> {
            assertThat(message.to()).isEqualTo(Fixtures.CUSTOMER);
            assertThat(message.text()).isEqualTo("Здравствуйте! Спасибо за заказ №512345678 в «Электроника"
                    + " Алматы». К товару «Смартфон Samsung Galaxy A55 8/256 ГБ» подойдёт «Защитное стекло для"
                    + " Galaxy A55» — 2 490 ₸.");
        });
        assertThat(run.resultJson()).contains("\"offered_products\":[\"ACC-GLASS-A55\"]", "\"kind\":\"UPSELL\"");
        assertThat(stores.purchases().find(Fixtures.SHOP_ID, OrderId.of("512345678"))).isPresent();
    }

    @Test
    void should_send_the_repeat_sale_template_when_the_same_customer_orders_again() {
        // given
        givenShop(Duration.ZERO);
        AgentPipeline<PurchaseEvent, PurchaseContext, SalesOffer> pipeline = purchasePipeline(null);
        pipeline.run(Fixtures.purchaseEvent());
        clock.advance(Duration.ofDays(3));

        // when
        RunRecord second = pipeline.run(Fixtures.purchaseEvent(Fixtures.SHOP_ID, "512349999", Fixtures.CUSTOMER,
                clock.instant()));

        // then
        assertThat(second.outcome()).isEqualTo(RunOutcome.SENT);
        assertThat(channel.sent()).hasSize(2);
        assertThat(channel.sent().get(1).text()).isEqualTo("С возвращением в «Электроника Алматы»! Для вас «Защитное"
                + " стекло для Galaxy A55» — 2 490 ₸.");
        assertThat(second.resultJson()).contains("\"kind\":\"REPEAT_SALE\"");
    }

    @Test
    void should_schedule_and_send_later_when_the_shop_waits_15_minutes() {
        // given
        givenShop(Duration.ofMinutes(15));
        AgentPipeline<PurchaseEvent, PurchaseContext, SalesOffer> pipeline = purchasePipeline(null);
        OutboxDispatcher dispatcher = OutboxDispatcher.builder()
                .outbox(stores.outbox()).channel(channel).clock(clock).build();

        // when
        RunRecord run = pipeline.run(Fixtures.purchaseEvent());

        // then
        assertThat(run.outcome()).isEqualTo(RunOutcome.SCHEDULED);
        assertThat(run.scheduledFor()).isEqualTo(Fixtures.NOW.plus(Duration.ofMinutes(15)));
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(channel.sent()).isEmpty();

        // when
        clock.advance(Duration.ofMinutes(15));
        int sent = dispatcher.dispatchDue();

        // then
        assertThat(sent).isEqualTo(1);
        assertThat(channel.sent()).singleElement()
                .satisfies(message -> assertThat(message.text()).contains("«Защитное стекло для Galaxy A55»"));
        assertThat(stores.outbox().find(Fixtures.SHOP_ID, run.runId().value()))
                .hasValueSatisfying(message -> assertThat(message.status()).isEqualTo(OutboxStatus.SENT));
    }

    @Test
    void should_reject_without_asking_the_model_when_the_contact_is_masked() {
        // given
        givenShop(Duration.ZERO);
        ScriptedChatModel model = ScriptedChatModel.create();
        AgentPipeline<PurchaseEvent, PurchaseContext, SalesOffer> pipeline = purchasePipeline(model);
        PhoneNumber masked = PhoneNumber.parseContact("+7 701 *** ** 67").orElse(null);

        // when
        RunRecord run = pipeline.run(Fixtures.purchaseEvent(Fixtures.SHOP_ID, "512345678", masked, Fixtures.NOW));

        // then
        assertThat(run.outcome()).isEqualTo(RunOutcome.REJECTED);
        assertThat(run.reason()).startsWith("no customer contact");
        assertThat(model.callCount()).isZero();
        assertThat(channel.sent()).isEmpty();
    }

    @Test
    void should_send_the_models_text_with_the_product_code_chose_when_a_model_is_configured() {
        // given
        givenShop(Duration.ZERO);
        ScriptedChatModel model = ScriptedChatModel.named("gpt-4o-mini")
                .reply("{\"text\": \"Спасибо за смартфон! Защитное стекло сбережёт экран — 2 490 ₸.\"}", 700, 40);
        AgentPipeline<PurchaseEvent, PurchaseContext, SalesOffer> pipeline = purchasePipeline(model);

        // when
        RunRecord run = pipeline.run(Fixtures.purchaseEvent());

        // then
        assertThat(run.outcome()).isEqualTo(RunOutcome.SENT);
        assertThat(run.agent().path()).isEqualTo(AgentPath.MODEL);
        assertThat(run.agent().model()).isEqualTo("gpt-4o-mini");
        assertThat(run.resultJson()).contains("\"offered_products\":[\"ACC-GLASS-A55\"]");
        assertThat(channel.sent()).singleElement().satisfies(message -> assertThat(message.text())
                .isEqualTo("Спасибо за смартфон! Защитное стекло сбережёт экран — 2 490 ₸."));
        assertThat(model.lastPromptText()).contains("Защитное стекло для Galaxy A55", "2 490 ₸", "512345678")
                .doesNotContain(Fixtures.CUSTOMER.e164(), Fixtures.CUSTOMER.digits());
        assertThat(stores.tokenUsage().used(Fixtures.SHOP_ID, Fixtures.TODAY)).isEqualTo(740);
    }

    @Test
    void should_answer_at_once_with_the_reply_template_when_a_customer_writes_back() {
        // given: the shop waits 15 minutes for marketing, but a reply goes at once
        givenShop(Duration.ofMinutes(15));
        AgentPipeline<CustomerReplyEvent, ReplyContext, SalesOffer> pipeline = start(pipelines(null).reply());
        CustomerReplyEvent reply = CustomerReplyEvent.of(Fixtures.SHOP_ID, "whatsapp", Fixtures.CUSTOMER,
                "А чехол к нему есть?", "wamid.in.1", Fixtures.NOW);

        // when
        RunRecord run = pipeline.run(reply);

        // then
        assertThat(run.outcome()).isEqualTo(RunOutcome.SENT);
        assertThat(run.pipeline()).isEqualTo("sales.reply");
        assertThat(channel.sent()).singleElement().satisfies(message -> {
            assertThat(message.to()).isEqualTo(Fixtures.CUSTOMER);
            assertThat(message.text()).startsWith("Здравствуйте! Спасибо, что написали в магазин «Электроника"
                    + " Алматы». Чем мы можем помочь?");
        });
        assertThat(run.resultJson()).contains("\"kind\":\"REPLY\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"order_cancelled", "order_returned"})
    void should_cancel_the_waiting_message_and_send_nothing_when_the_order_is_withdrawn(String trigger) {
        // given: an upsell waiting 15 minutes in the outbox
        givenShop(Duration.ofMinutes(15));
        AgentPipeline<PurchaseEvent, PurchaseContext, SalesOffer> pipeline = purchasePipeline(null);
        OutboxDispatcher dispatcher = OutboxDispatcher.builder()
                .outbox(stores.outbox()).channel(channel).clock(clock).build();
        RunRecord accepted = pipeline.run(Fixtures.purchaseEvent());
        assertThat(accepted.outcome()).isEqualTo(RunOutcome.SCHEDULED);
        clock.advance(Duration.ofMinutes(5));
        PurchaseEvent withdrawn = Fixtures.purchaseEvent().toBuilder().idempotencyKey(null)
                .trigger(PurchaseTrigger.of(trigger)).occurredAt(clock.instant()).build();

        // when
        RunRecord run = pipeline.run(withdrawn);

        // then
        assertThat(run.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(run.reason()).isEqualTo(trigger.replace('_', ' ')
                + ": the order's messages waiting in the outbox are cancelled, nothing is sent");
        assertThat(run.stages()).extracting(StageRecord::name).containsExactly("shop_gate", "journal");
        assertThat(run.agent()).isNull();
        assertThat(stores.outbox().find(Fixtures.SHOP_ID, accepted.runId().value()))
                .hasValueSatisfying(message -> assertThat(message.status()).isEqualTo(OutboxStatus.CANCELLED));
        clock.advance(Duration.ofMinutes(30));
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(channel.sent()).isEmpty();
        assertThat(stores.purchases().find(Fixtures.SHOP_ID, OrderId.of("512345678")))
                .hasValueSatisfying(p -> assertThat(p.occurredAt()).isEqualTo(Fixtures.NOW));
        assertThat(pipeline.submit(withdrawn).kind()).isEqualTo(Submission.Kind.DUPLICATE);
    }

    @Test
    void should_save_no_purchase_for_an_order_withdrawn_before_it_was_seen() {
        // given
        givenShop(Duration.ZERO);
        AgentPipeline<PurchaseEvent, PurchaseContext, SalesOffer> pipeline = purchasePipeline(null);
        PurchaseEvent cancelled = Fixtures.purchaseEvent().toBuilder().idempotencyKey(null)
                .trigger(PurchaseTrigger.ORDER_CANCELLED).build();

        // when
        RunRecord run = pipeline.run(cancelled);

        // then
        assertThat(run.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(stores.purchases().find(Fixtures.SHOP_ID, OrderId.of("512345678"))).isEmpty();
        assertThat(channel.sent()).isEmpty();
    }

    private void givenShop(Duration sendDelay) {
        stores.shops().save(Fixtures.kaspiShop().settings(ShopSettings.builder()
                .messageTemplate("upsell", UPSELL)
                .messageTemplate("repeat_sale", REPEAT_SALE)
                .sendDelay(sendDelay)
                .quietHours(null)
                .frequencyCap(null)
                .build()).build());
        Fixtures.catalog(Fixtures.SHOP_ID).forEach(stores.catalog()::save);
    }

    private AgentPipeline<PurchaseEvent, PurchaseContext, SalesOffer> purchasePipeline(@Nullable ChatModel model) {
        return start(pipelines(model).purchase());
    }

    private SalesPipelines pipelines(@Nullable ChatModel model) {
        return SalesPipelines.builder()
                .shops(stores.shops())
                .journal(stores.journal())
                .runLog(stores.runLog())
                .purchases(stores.purchases())
                .catalog(stores.catalog())
                .outbox(stores.outbox())
                .tokenUsage(stores.tokenUsage())
                .channel(channel)
                .chatModel(model)
                .clock(clock)
                .executor(Runnable::run)
                .build();
    }

    private <P extends AgentPipeline<?, ?, ?>> P start(P pipeline) {
        pipeline.start();
        started.add(pipeline);
        return pipeline;
    }
}
